import 'server-only';
import PgBoss from 'pg-boss';
import { readEnv } from '@/env';
import { runEscalationPass } from '@/server/issues/escalation-pass';

export const ESCALATION_QUEUE = 'issues-escalation';

const holder = globalThis as unknown as { yishiBoss?: Promise<PgBoss> };

/**
 * The background jobs, on pg-boss: a job queue kept in PostgreSQL (its own schema "pgboss"), so no
 * extra server. The schedule is stored once however many app instances start; each run is taken by
 * exactly one worker; the escalation pass itself is also safe to run twice (conditional updates).
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
    return boss;
  })();
  return holder.yishiBoss;
}
