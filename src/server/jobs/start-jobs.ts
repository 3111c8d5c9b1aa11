import 'server-only';
import PgBoss from 'pg-boss';
import { readEnv } from '@/env';
import { errorFields, logLine, runJob } from '@/server/log';
import { runExport } from '@/server/stats/export';
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
  STATS_EXPORT,
  STATS_EXPORT_CLEANUP,
  STATS_REFRESH,
  SUPERVISION_QUEUE,
} from './queues';
import { JOBS } from './runs';

export { ESCALATION_QUEUE, MAIL_QUEUE, MEETING_REMINDERS, MOTIONS_CLOSE, STATS_EXPORT, STATS_EXPORT_CLEANUP, STATS_REFRESH, CHAIN_CHECK };

/** When each recurring job runs (China's time): the escalation pass every five minutes, 督办 of tasks and steps every quarter hour, the outbox, closing votes and
 * the dashboards' rollups every minute, meeting reminders at 9:00 and 18:00 the day before, old exports at night,
 * the notice chain's check hourly, progress bulletins' drafts at 6:10, reminders of votes and notices every quarter hour,
 * SMS every minute and the staff digest at 18:00. */
const SCHEDULES: Record<keyof typeof JOBS, string> = {
  [ESCALATION_QUEUE]: '*/5 * * * *',
  [SUPERVISION_QUEUE]: '*/15 * * * *',
  [MAIL_QUEUE]: '* * * * *',
  [SMS_QUEUE]: '* * * * *',
  [DIGEST_QUEUE]: '0 18 * * *',
  [MEETING_REMINDERS]: '0 9,18 * * *',
  [MOTIONS_CLOSE]: '* * * * *',
  [STATS_REFRESH]: '* * * * *',
  [STATS_EXPORT_CLEANUP]: '30 3 * * *',
  [CHAIN_CHECK]: '17 * * * *',
  [BULLETINS_DRAFT]: '10 6 * * *',
  [REMINDERS]: '7,22,37,52 * * * *',
};

const holder = globalThis as unknown as { yishiBoss?: Promise<PgBoss> };

/**
 * The background jobs, on pg-boss: a job queue kept in PostgreSQL (its own schema "pgboss"), so no
 * extra server. The schedule is stored once however many app instances start; each run is taken by
 * exactly one worker; the escalation pass itself is also safe to run twice (conditional updates).
 * Every run writes one JSON line (src/server/log.ts); /api/health watches the every-minute rollup job.
 * YISHI_JOBS=off leaves the jobs to other instances (or to nobody, e.g. for benchmarks).
 */
export function startJobs(): Promise<PgBoss> | undefined {
  if (process.env.YISHI_JOBS === 'off') return undefined;
  holder.yishiBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: readEnv().DATABASE_URL, max: 2 });
    boss.on('error', (e) => logLine('error', 'jobs.error', errorFields(e)));
    await boss.start();
    for (const [name, cron] of Object.entries(SCHEDULES)) {
      await boss.createQueue(name);
      await boss.schedule(name, cron, {}, { tz: 'Asia/Shanghai' });
      await boss.work(name, () => runJob(name, JOBS[name]!));
    }
    // Excel exports as they are asked for (kept a week).
    await boss.createQueue(STATS_EXPORT);
    await boss.work<{ id: number }>(STATS_EXPORT, async ([job]) => {
      if (job) await runJob(STATS_EXPORT, async () => void (await runExport(job.data.id)));
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
