import 'server-only';
import { beginCodeAttempt, codeAccepted, LimitStoreDown } from '@/server/auth/rate-limit';
import { refuse } from '@/server/errors';

/**
 * One typed code (invitation, reset or desk code), counted before it is checked (decision 027's code limits:
 * 5 wrong a hour per account, 30 per address), so guesses fired in parallel cannot pass the limit.
 * `subject` names the account the code would open. Refuses when the limit is reached or cannot be counted.
 */
export async function countCodeAttempt(subject: string, address: string): Promise<void> {
  let wait: number;
  try {
    wait = await beginCodeAttempt(subject, address);
  } catch (e) {
    if (e instanceof LimitStoreDown) return refuse('account.codeCheckUnavailable');
    throw e;
  }
  if (wait > 0) refuse('account.codeLimited', { minutes: Math.ceil(wait / 60) });
}

/** The code was right: the account's count starts again and the address gets its point back. */
export const codeWasRight = (subject: string, address: string) => codeAccepted(subject, address);

export const resetSubject = (phone: string | null) => `reset:${phone ?? 'invalid'}`;
export const claimSubject = (userId: number) => `claim:${userId}`;
