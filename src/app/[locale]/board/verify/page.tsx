import { getTranslations, setRequestLocale } from 'next-intl/server';
import { verifyChain } from '@/server/notices/publish';

export const dynamic = 'force-dynamic';

/** Anyone can check that no published notice was edited or removed: the chain is recomputed now. */
export default async function VerifyPage({ params }: PageProps<'/[locale]/board/verify'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('board.chain');
  const r = await verifyChain();
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg">{t('intro')}</p>
      <p className={`rounded-lg p-4 text-xl font-semibold ${r.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`} data-testid="chain-result">
        {r.ok ? t('intact', { count: r.count }) : t('broken', { at: r.brokenAt, reason: r.reason })}
      </p>
      {r.ok && <p className="break-all text-base text-stone-700">{t('head', { head: r.head })}</p>}
      <p className="text-base text-stone-700">{t('how')}</p>
    </div>
  );
}
