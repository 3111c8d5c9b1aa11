import { getFormatter, getTranslations } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { Link } from '@/i18n/link';
import type { TBy } from '@/server/accounts/by';
import { proposalsWaiting, returnedProposals } from '@/server/meetings/approval';

/**
 * The secretary's desk: "待审核的主题党日 N" and the proposals, each linking to its page (decision 067); a branch
 * secretary's desk: the proposals the community returned, to change and propose again.
 */
export async function ProposalsOnDesk({ by }: { by: TBy }) {
  const approves = scopesOf(by.actor, 'meeting.approve', by.today).length > 0;
  const list = approves ? await proposalsWaiting(by) : await returnedProposals(by);
  // The branch's desk shows its returned proposals only when there are some.
  if (!approves && list.length === 0) return null;
  const t = await getTranslations('meetings.approval');
  const format = await getFormatter();
  return (
    <section aria-labelledby="desk-proposals" id="proposals" className="space-y-3">
      <h2 id="desk-proposals" className="text-2xl font-semibold" data-testid="desk-proposals">
        {approves ? t('desk', { count: list.length }) : t('deskReturned', { count: list.length })}
      </h2>
      {list.length === 0 ? (
        <p className="text-lg">{t('deskEmpty')}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {list.map((p) => (
            <li key={p.id}>
              <Link href={`/meetings/${p.id}`} className="flex min-h-14 items-center px-4 py-2 text-lg underline hover:bg-brand-50">
                {t('deskLine', {
                  date: format.dateTime(p.startsAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }),
                  title: p.title,
                  branch: p.branch,
                })}
                {p.meetings > 1 ? t('deskSeries', { count: p.meetings }) : ''}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
