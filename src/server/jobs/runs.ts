import 'server-only';
import { runEscalationPass } from '@/server/issues/escalation-pass';
import { logLine, type TCounts } from '@/server/log';
import { sendPendingEmails } from '@/server/mail/outbox';
import { sendDigests } from '@/server/messages/digest';
import { sendPendingSms } from '@/server/sms/sender';
import { remindTomorrow } from '@/server/meetings/schedule';
import { recordChainCheck } from '@/server/notices/chain-check';
import { removeOldExports } from '@/server/stats/export';
import { refreshStats } from '@/server/stats/refresh';
import { runSupervisionPass } from '@/server/topics/supervision-pass';
import { closeDueMotions } from '@/server/votes/ballots';
import { draftDueBulletins } from '@/server/topics/bulletins';
import { runReminderPass } from '@/server/notifications/reminders';
import {
  BULLETINS_DRAFT,
  CHAIN_CHECK,
  DIGEST_QUEUE,
  ESCALATION_QUEUE,
  MAIL_QUEUE,
  MEETING_REMINDERS,
  MOTIONS_CLOSE,
  REMINDERS,
  SMS_QUEUE,
  STATS_EXPORT_CLEANUP,
  STATS_REFRESH,
  SUPERVISION_QUEUE,
} from './queues';

/** What each recurring job does, returning the counts its log line carries (numbers only: nothing about people). */
export const JOBS: Record<string, () => Promise<TCounts>> = {
  [ESCALATION_QUEUE]: async () => {
    const { escalated, reminded } = await runEscalationPass();
    return { escalated, reminded };
  },
  // 督办 of tasks and steps (decision 049): reminders, overdue flags, escalation; safe when two instances run it.
  [SUPERVISION_QUEUE]: () => runSupervisionPass(),
  // Drain the outbox in batches; a failing server leaves the rest for the next minute.
  [MAIL_QUEUE]: async () => {
    const total = { sent: 0, failed: 0 };
    for (let i = 0; i < 20; i++) {
      const c = await sendPendingEmails();
      total.sent += c.sent;
      total.failed += c.failed;
      if (c.sent + c.failed === 0 || c.failed > 0) break;
    }
    return total;
  },
  // The SMS outbox, as the mail one: a provider's refusal for now waits on its row, the rest go on.
  [SMS_QUEUE]: async () => {
    const total = { sent: 0, failed: 0, dropped: 0 };
    for (let i = 0; i < 20; i++) {
      const c = await sendPendingSms();
      total.sent += c.sent;
      total.failed += c.failed;
      total.dropped += c.dropped;
      if (c.sent + c.failed + c.dropped === 0 || (c.failed > 0 && c.sent === 0)) break;
    }
    return total;
  },
  // Staff who chose it get one summary a day per channel (decision 056).
  [DIGEST_QUEUE]: () => sendDigests(),
  [MEETING_REMINDERS]: async () => {
    const { meetings, reminded } = await remindTomorrow();
    return { meetings, reminded };
  },
  // Failures are kept on the motion for the staff desk, and tried again on the next run.
  [MOTIONS_CLOSE]: async () => {
    const { closed, failed } = await closeDueMotions();
    return { closed, failed: failed.length };
  },
  [STATS_REFRESH]: async () => {
    const { issueCells, activityCells } = await refreshStats();
    return { issueCells, activityCells };
  },
  [STATS_EXPORT_CLEANUP]: async () => ({ removed: await removeOldExports() }),
  // The board's hash chain, recomputed in full: /board/verify shows this finding (decision 031).
  [CHAIN_CHECK]: async () => {
    const r = await recordChainCheck();
    if (!r.ok) logLine('error', 'notices.chain.broken', { at: r.brokenAt, reason: r.reason });
    return { notices: r.count, broken: r.ok ? 0 : 1 };
  },
  // Progress bulletins due (decision 053): drafted for review, never published by the job.
  [BULLETINS_DRAFT]: async () => draftDueBulletins(),
  // Votes opening and closing soon, notices' objection periods (decision 057): each reminder reaches a person once.
  [REMINDERS]: () => runReminderPass(),
};
