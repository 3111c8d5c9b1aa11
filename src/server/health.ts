import 'server-only';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { getDb, type TDb } from '@/server/db';
import { HEARTBEAT_QUEUE, HEARTBEAT_STALE_MINUTES } from '@/server/jobs/queues';
import { buildInfo, type TBuildInfo } from '@/server/version';

type TCheck = { ok: boolean; reason?: string };
export type THealth = {
  status: 'ok' | 'unavailable';
  checks: {
    database: TCheck & { ms?: number };
    migrations: TCheck & { applied?: number; missing?: string[] };
    jobs: TCheck & { lastRunAt?: string | null };
  };
  version: TBuildInfo;
};

/** Each check gives up after this long: a load balancer needs an answer, not a hanging connection. */
const TIMEOUT_MS = 2_000;

/** The migrations this code ships with (read once: they are part of the code the process runs). */
let shippedMigrations: string[] | undefined;
function shipped(): string[] {
  const dir = path.join(process.cwd(), 'prisma', 'migrations');
  return (shippedMigrations ??= readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort());
}

function within<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

async function database(db: TDb): Promise<THealth['checks']['database']> {
  const started = performance.now();
  try {
    await within(db.$queryRaw`SELECT 1`);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error && e.message === 'timeout' ? 'timeout' : 'unreachable' };
  }
}

/** Every migration folder shipped is recorded as finished (and not rolled back) in Prisma's own table. */
async function migrations(db: TDb): Promise<THealth['checks']['migrations']> {
  const rows = await within(
    db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((r) => r.migration_name));
  const missing = shipped().filter((m) => !applied.has(m));
  return { ok: missing.length === 0, applied: shipped().length - missing.length, missing };
}

/**
 * The queue is alive when its every-minute job started within the last few minutes — on any instance: the cron
 * stored the job and a worker took it. An instance that has just (re)stored the schedule at start-up gets the same grace.
 */
async function jobs(db: TDb): Promise<THealth['checks']['jobs']> {
  const [installed] = await within(db.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('pgboss.schedule') IS NOT NULL AS ok`);
  if (!installed?.ok) return { ok: false, reason: 'not-started' };
  const [row] = await within(
    db.$queryRaw<{ lastRunAt: Date | null; alive: boolean }[]>`
      SELECT (SELECT max(started_on) FROM pgboss.job WHERE name = ${HEARTBEAT_QUEUE}) AS "lastRunAt",
             greatest((SELECT max(started_on) FROM pgboss.job WHERE name = ${HEARTBEAT_QUEUE}),
                      (SELECT updated_on FROM pgboss.schedule WHERE name = ${HEARTBEAT_QUEUE}))
               > now() - make_interval(mins => ${HEARTBEAT_STALE_MINUTES}) AS alive`,
  );
  const lastRunAt = row?.lastRunAt?.toISOString() ?? null;
  return row?.alive ? { ok: true, lastRunAt } : { ok: false, reason: 'stale', lastRunAt };
}

const unreadable = () => ({ ok: false, reason: 'unreadable' });

function answer(checks: THealth['checks']): THealth {
  const ok = Object.values(checks).every((c) => c.ok);
  return { status: ok ? 'ok' : 'unavailable', checks, version: buildInfo() };
}

/** What /api/health answers: three cheap reads (no scan beyond one queue's recent jobs) and the version. */
export async function checkHealth(db: TDb = getDb()): Promise<THealth> {
  const reached = await database(db);
  if (!reached.ok)
    return answer({ database: reached, migrations: { ok: false, reason: 'database' }, jobs: { ok: false, reason: 'database' } });
  const [m, j] = await Promise.all([migrations(db).catch(unreadable), jobs(db).catch(unreadable)]);
  return answer({ database: reached, migrations: m, jobs: j });
}
