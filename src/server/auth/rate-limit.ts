import 'server-only';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { readEnv } from '@/env';
import { errorFields, logLine } from '@/server/log';

/**
 * Sign-in limits (decision 027), with counters in PostgreSQL (table "RateLimit") shared by every instance.
 * Each attempt is counted *before* the password is checked, atomically, so parallel guesses cannot get
 * past the limit; a success gives its points back.
 *  - pair: one account from one address (or one known device): 5 attempts in 15 minutes, then 15 minutes' wait;
 *  - account: one account from every unknown device together: 30 in an hour. Past it, only devices that
 *    signed in to that account before (a signed device cookie) may still try, each within its own pair limit,
 *    so guessing from elsewhere cannot lock a secretary out of her own phone;
 *  - address: one address over every account: 50 in 15 minutes (a service station's shared NAT signs many
 *    residents in; spraying one password over many accounts stops here).
 * If the counters cannot be reached, sign-in is refused (and logged), never let through uncounted.
 */
const holder = globalThis as unknown as { yishiRatePool?: pg.Pool; yishiLimiters?: Record<string, RateLimiterPostgres> };

const LIMITS = {
  pair: { points: 5, duration: 15 * 60, block: 15 * 60 },
  account: { points: 30, duration: 60 * 60, block: 0 },
  address: { points: 50, duration: 15 * 60, block: 15 * 60 },
  api: { points: 300, duration: 60, block: 60 },
  code: { points: 5, duration: 60 * 60, block: 60 * 60 },
  codeAddress: { points: 30, duration: 60 * 60, block: 60 * 60 },
  // Decision 030: registration codes per number and per address, issues raised per account and per address.
  registerPhone: { points: 3, duration: 60 * 60, block: 0 },
  registerAddress: { points: 10, duration: 60 * 60, block: 0 },
  raiseAccount: { points: 30, duration: 24 * 60 * 60, block: 0 },
  raiseUnverified: { points: 10, duration: 24 * 60 * 60, block: 0 },
  raiseAddress: { points: 60, duration: 60 * 60, block: 0 },
  recheck: { points: 1, duration: 60, block: 0 },
  // Decision 056: one-time codes by SMS, per number: one a minute, five an hour (the providers' own defaults are alike).
  smsCodeMinute: { points: 1, duration: 60, block: 0 },
  smsCodeHour: { points: 5, duration: 60 * 60, block: 0 },
} as const;
type TLimit = keyof typeof LIMITS;

function limiter(name: TLimit): RateLimiterPostgres {
  holder.yishiRatePool ??= new pg.Pool({ connectionString: readEnv().DATABASE_URL, max: 2 });
  holder.yishiLimiters ??= {};
  return (holder.yishiLimiters[name] ??= new RateLimiterPostgres({
    storeClient: holder.yishiRatePool,
    storeType: 'pool',
    tableName: 'RateLimit',
    tableCreated: true,
    keyPrefix: name === 'api' || name === 'recheck' ? name : `signin_${name}`,
    points: LIMITS[name].points,
    duration: LIMITS[name].duration,
    blockDuration: LIMITS[name].block,
  }));
}

/** The counters could not be read or written: the caller refuses rather than let the attempt through. */
export class LimitStoreDown extends Error {}

/** Takes one point; returns the seconds to wait (the attempt is refused) or 0. */
async function take(name: TLimit, key: string): Promise<number> {
  try {
    await limiter(name).consume(key);
    return 0;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    logLine('error', 'ratelimit.store', { limit: name, ...errorFields(e) });
    throw new LimitStoreDown();
  }
}

const give = (name: TLimit, key: string) =>
  limiter(name)
    .reward(key, 1)
    .catch(() => undefined);

export type TAttempt = { account: string; address: string; knownDevice: boolean };

/**
 * Counts a sign-in attempt before the password is checked. Returns the seconds to wait (refuse) or 0 (go on).
 * A known device is limited by its own pair key, wherever it is, and skips the account-wide limit.
 */
export async function beginSignIn(a: TAttempt): Promise<number> {
  const pairKey = a.knownDevice ? `${a.account}|device` : `${a.account}|${a.address}`;
  // In order, stopping at the first refusal: an attempt refused for its pair takes nothing from the account.
  const pair = await take('pair', pairKey);
  if (pair || a.knownDevice) return pair;
  // A known device skips the address and account limits: guesses by others behind the same carrier NAT
  // cannot lock it out.
  const address = await take('address', a.address);
  if (address) return address;
  return take('account', a.account);
}

/** The password was right: the attempt's points are given back and the pair's count starts again. */
export async function signInSucceeded(a: TAttempt): Promise<void> {
  const pairKey = a.knownDevice ? `${a.account}|device` : `${a.account}|${a.address}`;
  if (a.knownDevice)
    return void (await limiter('pair')
      .delete(pairKey)
      .catch(() => undefined));
  await Promise.all([
    limiter('pair')
      .delete(pairKey)
      .catch(() => undefined),
    give('address', a.address),
    give('account', a.account),
  ]);
}

/**
 * Invitation, reset and desk codes: 5 wrong codes per account (or household) an hour, 30 per address.
 * Returns the seconds to wait, or 0. Call `codeAccepted` when a code was right.
 */
export async function beginCodeAttempt(subject: string, address: string): Promise<number> {
  return Math.max(await take('code', subject), await take('codeAddress', address));
}
export async function codeAccepted(subject: string, address: string): Promise<void> {
  await Promise.all([
    limiter('code')
      .delete(subject)
      .catch(() => undefined),
    give('codeAddress', address),
  ]);
}

/** A registration code (decision 030): 3 per number and 10 per address an hour. Returns the seconds to wait, or 0. */
export async function beginRegistration(phone: string, address: string): Promise<number> {
  return (await take('registerPhone', phone)) || take('registerAddress', address);
}

/**
 * An issue a resident raises themselves (decision 030): 10 a day for an unverified account, 30 for a verified one,
 * 60 an hour per address. Returns the seconds to wait, or 0.
 */
export async function beginRaise(userId: number, address: string, unverified: boolean): Promise<number> {
  return (await take(unverified ? 'raiseUnverified' : 'raiseAccount', String(userId))) || take('raiseAddress', address);
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

/**
 * Recomputes on request (a motion's tally reads its whole roster, the board's chain every notice): once a minute
 * per key (a motion's id, or "chain"), whoever asks. Seconds to wait, or 0.
 */
export const recheckWait = (key: number | 'chain'): Promise<number> => take('recheck', String(key));

/** A one-time code by SMS to this number (decision 056): seconds to wait, or 0. */
export async function codeSmsWait(phone: string): Promise<number> {
  return (await take('smsCodeMinute', phone)) || take('smsCodeHour', phone);
}
