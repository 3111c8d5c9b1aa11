import 'server-only';
import PgBoss from 'pg-boss';
import { readEnv } from '@/env';
import { runEscalationPass } from '@/server/issues/escalation-pass';
import { sendPendingEmails } from '@/server/mail/outbox';
import { remindTomorrow } from '@/server/meetings/schedule';
import { recordChainCheck } from '@/server/notices/chain-check';
import { removeOldExports, runExport } from '@/server/stats/export';
import { refreshStats } from '@/server/stats/refresh';
import { closeDueMotions } from '@/server/votes/ballots';

export const ESCALATION_QUEUE = 'issues-escalation';
export const MAIL_QUEUE = 'mail-outbox';
export const MEETING_REMINDERS = 'meeting-reminders';
export const MOTIONS_CLOSE = 'motions-close';
export const STATS_REFRESH = 'stats-refresh';
export const STATS_EXPORT = 'stats-export';
export const STATS_EXPORT_CLEANUP = 'stats-export-cleanup';
export const CHAIN_CHECK = 'notices-chain-check';

const holder = globalThis as unknown as { yishiBoss?: Promise<PgBoss> };

/**
 * The background jobs, on pg-boss: a job queue kept in PostgreSQL (its own schema "pgboss"), so no
 * extra server. The schedule is stored once however many app instances start; each run is taken by
 * exactly one worker; the escalation pass itself is also safe to run twice (conditional updates).
 * Jobs: the escalation pass every five minutes, the e-mail outbox every minute, meeting reminders twice a day,
 * the dashboards' rollups every minute, Excel exports as they are asked for (kept a week), the notice chain's check hourly.
 * YISHI_JOBS=off leaves the jobs to other instances (or to nobody, e.g. for benchmarks).
 */
export function startJobs(): Promise<PgBoss> | undefined {
  if (process.env.YISHI_JOBS === 'off') return undefined;
  holder.yishiBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: readEnv().DATABASE_URL, max: 2 });
    boss.on('error', (e) => console.error('[jobs]', e));
    await boss.start();
    await boss.createQueue(ESCALATION_QUEUE);
    await boss.schedule(ESCALATION_QUEUE, '*/5 * * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(ESCALATION_QUEUE, async () => {
      const counts = await runEscalationPass();
      if (counts.escalated || counts.reminded) console.info('[jobs] escalation pass', counts);
    });
    await boss.createQueue(MAIL_QUEUE);
    await boss.schedule(MAIL_QUEUE, '* * * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(MAIL_QUEUE, async () => {
      // Drain the outbox in batches; a failing server leaves the rest for the next minute.
      for (let i = 0; i < 20; i++) {
        const c = await sendPendingEmails();
        if (c.sent + c.failed === 0 || c.failed > 0) break;
      }
    });
    // The day before each meeting, at 9:00 and again at 18:00 for meetings scheduled during the day.
    await boss.createQueue(MEETING_REMINDERS);
    await boss.schedule(MEETING_REMINDERS, '0 9,18 * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(MEETING_REMINDERS, async () => {
      const r = await remindTomorrow();
      if (r.reminded) console.info('[jobs] meeting reminders', r);
    });
    // Written consultations close at their end time, counted once.
    await boss.createQueue(MOTIONS_CLOSE);
    await boss.schedule(MOTIONS_CLOSE, '* * * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(MOTIONS_CLOSE, async () => {
      // Failures are logged, kept on the motion for the staff desk, and tried again on the next run.
      const { closed } = await closeDueMotions();
      if (closed) console.info('[jobs] motions closed', closed);
    });
    // The dashboards' rollups: the cells changed since the last run, every minute.
    await boss.createQueue(STATS_REFRESH);
    await boss.schedule(STATS_REFRESH, '* * * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(STATS_REFRESH, async () => {
      await refreshStats();
    });
    await boss.createQueue(STATS_EXPORT);
    await boss.work<{ id: number }>(STATS_EXPORT, async ([job]) => {
      if (job) await runExport(job.data.id);
    });
    await boss.createQueue(STATS_EXPORT_CLEANUP);
    await boss.schedule(STATS_EXPORT_CLEANUP, '30 3 * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(STATS_EXPORT_CLEANUP, async () => {
      const n = await removeOldExports();
      if (n) console.info('[jobs] old exports removed', n);
    });
    // The board's hash chain, recomputed in full every hour: /board/verify shows this finding (decision 031).
    await boss.createQueue(CHAIN_CHECK);
    await boss.schedule(CHAIN_CHECK, '17 * * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(CHAIN_CHECK, async () => {
      const r = await recordChainCheck();
      if (!r.ok) console.error(JSON.stringify({ level: 'error', event: 'notices.chain.broken', at: r.brokenAt, reason: r.reason }));
    });
    return boss;
  })();
  return holder.yishiBoss;
}

/**
 * Hands an export to the job queue; where jobs are off (tests, benchmarks) it runs in this process,
 * in the background, exactly as a worker would.
 */
export async function enqueueExport(id: number): Promise<void> {
  const boss = startJobs();
  if (boss) await (await boss).send(STATS_EXPORT, { id });
  else void runExport(id);
}
