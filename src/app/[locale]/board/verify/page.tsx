import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { ChainRecheckForm } from '@/features/notices/components/chain-recheck-form';
import { getSessionUser, today } from '@/server/auth/session';
import { storedChainCheck } from '@/server/notices/chain-check';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('board-verify');

export const dynamic = 'force-dynamic';

/**
 * Anyone can see whether a published notice was edited or removed: the chain's last verification (hourly,
 * and extended with every notice published). Staff who publish notices may recompute it now (decision 031).
 */
export default async function VerifyPage({ params }: PageProps<'/[locale]/board/verify'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('board.chain');
  const format = await getFormatter();
  const [r, user] = await Promise.all([storedChainCheck(), getSessionUser()]);
  const staff = !!user && scopesOf(user.actor, 'notice.publish', today()).length > 0;
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg">{t('intro')}</p>
      <p
        className={`rounded-lg p-4 text-xl font-semibold ${r.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}
        data-testid="chain-result"
      >
        {r.ok ? t('intact', { count: r.count }) : t('broken', { at: r.brokenAt, reason: r.reason })}
      </p>
      <p className="text-base text-stone-700">
        {t('checkedAt', { at: format.dateTime(r.checkedAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }) })}
      </p>
      {r.ok && <p className="break-all text-base text-stone-700">{t('head', { head: r.head })}</p>}
      {staff && <ChainRecheckForm label={t('recompute')} />}
      <p className="text-base text-stone-700">{t('how')}</p>
    </div>
  );
}
