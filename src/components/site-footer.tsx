import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { CareSwitch } from './care-switch';

export async function SiteFooter({ care }: { care: boolean }) {
  const t = await getTranslations('common');
  const text = care ? t('care.off') : t('care.on');
  return (
    <footer className="mx-auto max-w-3xl space-y-3 px-4 py-6 text-sm text-stone-600">
      {/* The switch reads the query string, so it renders on the client inside a Suspense boundary. */}
      <Suspense fallback={<span className="min-h-12 text-lg">{text}</span>}>
        <CareSwitch on={care} text={text} />
      </Suspense>
      <p>{t('footer')}</p>
    </footer>
  );
}
