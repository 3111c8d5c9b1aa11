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

function limiter(name: 'account' | 'address'): RateLimiterPostgres {
  holder.yishiRatePool ??= new pg.Pool({ connectionString: readEnv().DATABASE_URL, max: 2 });
  holder.yishiLimiters ??= {};
  return (holder.yishiLimiters[name] ??= new RateLimiterPostgres({
    storeClient: holder.yishiRatePool,
    storeType: 'pool',
    tableName: 'RateLimit',
    tableCreated: true,
    keyPrefix: `signin_${name}`,
    points: name === 'account' ? 5 : 30,
    duration: 15 * 60,
    blockDuration: 15 * 60,
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
