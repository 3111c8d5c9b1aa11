import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { readEnv } from '@/env';

export type TDb = PrismaClient;
/** A transaction client, as passed to `db.$transaction(async (tx) => …)`. */
export type TTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Every session runs in UTC, whatever the server's or the database's TimeZone setting: Prisma writes
 * DateTime columns (timestamp without time zone) as UTC wall-clock time, so SQL comparing them with
 * now(), or casting to ::date, is only right in UTC. China's calendar day is computed in code, through
 * server/today.ts (decisions/025); SQL wanting it says so (see china_month in the dashboards' migration).
 */
export function createDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10, options: '-c TimeZone=UTC' }) });
}

// One client per server process, created on first use (so `next build` needs no database);
// kept on globalThis because the dev server reloads modules.
const holder = globalThis as unknown as { yishiDb?: PrismaClient; yishiInStage?: number };

export function getDb(): PrismaClient {
  // A use case run by a demo seed stage must use the stage's transaction: through the app's handle it would not see the
  // stage's own rows (and at first start there is no app handle yet). Refuse loudly instead of seeding half a demo.
  if (holder.yishiInStage) throw new Error('getDb() inside a seed stage: use the stage transaction');
  return (holder.yishiDb ??= createDb(readEnv().DATABASE_URL));
}

/** Runs a seed stage: inside it getDb() refuses (prisma/seed/index.ts). */
export async function inSeedStage<T>(run: () => Promise<T>): Promise<T> {
  holder.yishiInStage = (holder.yishiInStage ?? 0) + 1;
  try {
    return await run();
  } finally {
    holder.yishiInStage! -= 1;
  }
}
