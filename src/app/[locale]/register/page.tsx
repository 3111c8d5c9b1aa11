import { getTranslations, setRequestLocale } from 'next-intl/server';
import { RegisterCodeForm, RegisterForm } from '@/features/accounts/components/account-forms';
import { Link } from '@/i18n/link';
import { labels } from '@/i18n/labels';
import { registrationPlaces } from '@/server/accounts/register-resident';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('register');

// Two plain POST forms (they work before JavaScript loads): details → a code to the phone → the code (decision 030).
export default async function RegisterPage({ params }: PageProps<'/[locale]/register'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('account.register');
  const l = await labels('account.register');
  return (
    <div className="mx-auto max-w-md space-y-5 pt-4">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg leading-relaxed">{t('intro')}</p>
      <section aria-labelledby="register-step1" className="space-y-3">
        <h2 id="register-step1" className="text-2xl font-semibold">
          {t('step1')}
        </h2>
        <RegisterForm t={l} compounds={await registrationPlaces()} />
      </section>
      <section aria-labelledby="register-step2" className="space-y-3">
        <h2 id="register-step2" className="text-2xl font-semibold">
          {t('step2')}
        </h2>
        <RegisterCodeForm t={l} />
      </section>
      <Link href="/signin" className="inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline">
        {t('toSignIn')}
      </Link>
    </div>
  );
}
