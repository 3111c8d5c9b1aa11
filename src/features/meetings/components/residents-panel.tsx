import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/link';
import type { TBy } from '@/server/accounts/by';
import { meetingCommitteeWarnings } from '@/server/meetings/committee';
import { meetingResidentsFacts } from '@/server/meetings/households';

/**
 * The meeting page's residents' meeting and owners' committee lines (decision 068): who is entitled, the reason for a
 * short notice, the link to record households present (organisers), and decisions late to publish. A server component.
 */
export async function ResidentsMeetingLines({ meetingId, by }: { meetingId: number; by: TBy | null }) {
  const m = await meetingResidentsFacts(by, meetingId);
  if (!m) return null;
  const t = await getTranslations('meetings.residents');
  const tc = await getTranslations('meetings.committee');
  const warnings = m.kind === 'OWNERS_COMMITTEE' ? await meetingCommitteeWarnings(meetingId) : [];
  return (
    <div className="space-y-2 text-lg">
      {m.electorate && <p>{t('electorateShown', { electorate: t(`electorate_${m.electorate}`) })}</p>}
      {m.shortNoticeReason && (
        <p className="rounded-lg bg-amber-50 p-3 text-amber-950">{t('shortNoticeShown', { reason: m.shortNoticeReason })}</p>
      )}
      {m.organiser && m.electorate && (
        <Link
          href={`/meetings/${meetingId}/households`}
          className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 font-semibold text-white"
          data-testid="households-link"
        >
          {t('householdsLink')}
        </Link>
      )}
      {warnings.map((w) => (
        <p key={w.motionId} role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 text-red-900">
          {w.state === 'LATE'
            ? tc('late', { title: w.title, decided: w.decided, over: w.over })
            : tc('lastDay', { title: w.title, decided: w.decided, due: w.dueBy })}
        </p>
      ))}
    </div>
  );
}
