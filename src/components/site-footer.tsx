import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('common');
  return <footer className="mx-auto max-w-3xl px-4 py-6 text-sm text-stone-600">{t('footer')}</footer>;
}
