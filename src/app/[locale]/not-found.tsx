import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/link';

export default async function NotFound() {
  const t = await getTranslations('common.notFound');
  return (
    <div className="space-y-4 py-8">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg">{t('body')}</p>
      <Link href="/" className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 text-lg text-white">
        {t('back')}
      </Link>
    </div>
  );
}
