import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { readEnv } from '@/env';

/** Whether a callback carries the configured report token (compared in constant time); never when none is configured. */
export function reportTokenMatches(token: string): boolean {
  const expected = readEnv().YISHI_SMS_REPORT_TOKEN;
  if (!expected) return false;
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(token), h(expected));
}
