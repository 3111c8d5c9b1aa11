import { getFormatter, getTranslations } from 'next-intl/server';
import { labels } from '@/i18n/labels';
import { toChinaLocal } from '@/server/issues/clock';
import type { getMeetingView } from '@/server/meetings/read-meetings';
import { ApproveForm, ProposeAgainForm, ReturnForm } from './approval-forms';

type TView = NonNullable<Awaited<ReturnType<typeof getMeetingView>>>;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A 主题党日's 申报 → 指导 on its page (decision 067): where it stands, the community's guidance or reason; for the
 * community 同意 / 退回 (naming the series when it goes with it); for the branch, a returned one to change and send again.
 */
export async function ApprovalBox({ m }: { m: TView }) {
  const a = m.approval;
  if (!a) return null;
  const t = await getTranslations('meetings.approval');
  const l = await labels('meetings.approval');
  const format = await getFormatter();
  const local = toChinaLocal(m.startsAt);
  const by = [a.approvedBy, a.approvedAt && format.dateTime(a.approvedAt, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' })]
    .filter(Boolean)
    .join(' ');
  return (
    <section aria-labelledby="approval" className="space-y-3 rounded-lg border border-stone-200 bg-white p-3" data-testid="approval">
      <h2 id="approval" className="text-2xl font-semibold">
        {t('title')}
      </h2>
      <p className="text-lg" data-testid="approval-state">
        {a.approval === 'PROPOSED'
          ? t('PROPOSED', { branch: a.branch ?? '' })
          : a.approval === 'APPROVED'
            ? t('APPROVED', { by })
            : t('RETURNED', { note: a.note ?? '' })}
      </p>
      {a.approval === 'APPROVED' && a.note && (
        <p className="text-lg whitespace-pre-wrap" data-testid="guidance">
          {t('guidanceShown', { note: a.note })}
        </p>
      )}
      {a.decide && (
        <div className="space-y-4">
          <ApproveForm meetingId={m.id} label={a.inSeries > 1 ? t('approveSeries', { count: a.inSeries }) : t('approve')} t={l} />
          <ReturnForm meetingId={m.id} label={a.inSeries > 1 ? t('returnSeries', { count: a.inSeries }) : t('return')} t={l} />
        </div>
      )}
      {a.approval === 'RETURNED' && m.viewer.organiser && (
        <div className="space-y-2">
          <h3 className="text-xl font-semibold">{t('proposeAgainTitle')}</h3>
          <ProposeAgainForm
            meetingId={m.id}
            values={{
              title: m.title,
              location: m.location,
              date: local.date,
              time: `${pad(Math.floor(local.minute / 60))}:${pad(local.minute % 60)}`,
            }}
            t={l}
          />
        </div>
      )}
    </section>
  );
}
