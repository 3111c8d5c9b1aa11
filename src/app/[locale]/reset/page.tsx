import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ResetForm } from '@/features/accounts/components/account-forms';
import { Link } from '@/i18n/link';
import { labels } from '@/i18n/labels';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('reset');

export default async function ResetPage({ params }: PageProps<'/[locale]/reset'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('account.reset');
  const ts = await getTranslations('account.signIn');
  return (
    <div className="mx-auto max-w-md space-y-5 pt-4">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg">{t('intro')}</p>
      <ResetForm t={await labels('account.reset')} />
      <Link href="/signin" className="inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline">
        {ts('title')}
      </Link>
    </div>
  );
}
