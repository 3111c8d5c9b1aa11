import 'server-only';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { readEnv } from '@/env';

/**
 * Sign-in attempts are limited per account and per address, with counters in PostgreSQL (table
 * "RateLimit", created by a migration) so that every app instance shares them.
 *  - per account: 5 failures in 15 minutes, then blocked 15 minutes;
 *  - per address: 30 attempts in 15 minutes (a reception desk signs many residents in).
 */
const holder = globalThis as unknown as { yishiRatePool?: pg.Pool; yishiLimiters?: Record<string, RateLimiterPostgres> };

const LIMITS = { account: { points: 5, duration: 15 * 60, block: 15 * 60 }, address: { points: 30, duration: 15 * 60, block: 15 * 60 }, api: { points: 300, duration: 60, block: 60 } };

function limiter(name: keyof typeof LIMITS): RateLimiterPostgres {
  holder.yishiRatePool ??= new pg.Pool({ connectionString: readEnv().DATABASE_URL, max: 2 });
  holder.yishiLimiters ??= {};
  return (holder.yishiLimiters[name] ??= new RateLimiterPostgres({
    storeClient: holder.yishiRatePool,
    storeType: 'pool',
    tableName: 'RateLimit',
    tableCreated: true,
    keyPrefix: name === 'api' ? 'api' : `signin_${name}`,
    points: LIMITS[name].points,
    duration: LIMITS[name].duration,
    blockDuration: LIMITS[name].block,
  }));
}

/** Seconds to wait before another attempt is allowed, or 0. */
export async function signInBlockedFor(phone: string, address: string): Promise<number> {
  const [a, b] = await Promise.all([limiter('account').get(phone), limiter('address').get(address)]);
  const blocked = (r: RateLimiterRes | null, max: number) => (r && r.consumedPoints >= max ? Math.ceil(r.msBeforeNext / 1000) : 0);
  return Math.max(blocked(a, 5), blocked(b, 30));
}

export async function recordSignInFailure(phone: string, address: string): Promise<void> {
  await Promise.all([
    limiter('account').consume(phone).catch(() => undefined),
    limiter('address').consume(address).catch(() => undefined),
  ]);
}

export async function recordSignInSuccess(phone: string): Promise<void> {
  await limiter('account').delete(phone);
}

/**
 * The Open311 API: 300 requests a minute per API key (or per address without one). Returns the
 * seconds to wait, or 0 when this request may go ahead.
 */
export async function apiRequestWait(who: string): Promise<number> {
  try {
    await limiter('api').consume(who);
    return 0;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.ceil(e.msBeforeNext / 1000);
    throw e;
  }
}
