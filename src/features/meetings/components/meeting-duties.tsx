import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/link';
import type { TBy } from '@/server/accounts/by';
import { scopesOf } from '@/domain/authz/can';
import { deskCommitteeWarnings } from '@/server/meetings/committee';
import { requestsAtThreshold } from '@/server/meetings/requests';

/**
 * The staff desk's meeting duties (decision 068): residents' requests that reached their threshold and wait for a meeting,
 * and owners' committee decisions late to publish, in the places where this person runs meetings. Nothing when none.
 */
export async function MeetingDuties({ by }: { by: TBy }) {
  const communities = scopesOf(by.actor, 'meeting.manage', by.today).flatMap((s) => (s.level === 'community' ? [s.id] : []));
  const [requests, late] = await Promise.all([communities.length ? requestsAtThreshold(communities) : [], deskCommitteeWarnings(by)]);
  if (requests.length === 0 && late.length === 0) return null;
  const t = await getTranslations('meetings');
  return (
    <section className="space-y-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-4 text-amber-950" data-testid="meeting-duties">
      {requests.length > 0 && (
        <>
          <h2 className="text-xl font-semibold">{t('committee.requestsTitle')}</h2>
          <ul className="space-y-1 text-lg">
            {requests.map((r) => (
              <li key={r.id}>
                <Link href={`/requests/${r.id}`} className="underline">
                  {r.matter.slice(0, 60)}
                </Link>{' '}
                · {t(`requests.count_${r.basis}`, { count: r.count, least: r.least, total: r.total })}
              </li>
            ))}
          </ul>
        </>
      )}
      {late.length > 0 && (
        <>
          <h2 className="text-xl font-semibold">{t('committee.deskTitle')}</h2>
          <ul className="space-y-1 text-lg">
            {late.map((w) => (
              <li key={w.motionId}>
                <Link href={`/topics/${w.topicId}`} className="underline">
                  {w.state === 'LATE'
                    ? t('committee.late', { title: w.title, decided: w.decided, over: w.over })
                    : t('committee.lastDay', { title: w.title, decided: w.decided, due: w.dueBy })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
