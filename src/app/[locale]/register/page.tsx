import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { RegisterForm } from '@/features/accounts/components/account-forms';
import { Link } from '@/i18n/link';
import { labels } from '@/i18n/labels';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account.register'))('title') };
}

export default async function RegisterPage({ params }: PageProps<'/[locale]/register'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('account.register');
  return (
    <div className="mx-auto max-w-md space-y-5 pt-4">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg leading-relaxed">{t('intro')}</p>
      <RegisterForm t={await labels('account.register')} />
      <Link href="/signin" className="inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline">{t('toSignIn')}</Link>
    </div>
  );
}
