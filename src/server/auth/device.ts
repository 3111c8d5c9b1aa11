import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A known device: after a successful sign-in the browser keeps a signed cookie naming the account. A device
 * that carries it is limited on its own (decision 027), so guesses from elsewhere cannot lock its owner out.
 */
export const DEVICE_COOKIE = 'yishi-device';
export const DEVICE_MAX_AGE = 180 * 24 * 60 * 60;

function secret(): string {
  const s = process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error('NEXTAUTH_SECRET is not set.');
  return s;
}
const sign = (body: string) => createHmac('sha256', secret()).update(`device:${body}`).digest('base64url');

export function deviceCookieFor(userId: number): string {
  const body = `${userId}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${sign(body)}`;
}

/** Whether the cookie's value was issued by this app for this account. */
export function isKnownDevice(value: string | undefined, userId: number | undefined): boolean {
  if (!value || userId === undefined) return false;
  const i = value.lastIndexOf('.');
  if (i < 0) return false;
  const body = value.slice(0, i);
  const mac = Buffer.from(value.slice(i + 1));
  const want = Buffer.from(sign(body));
  return mac.length === want.length && timingSafeEqual(mac, want) && body.split('.')[0] === String(userId);
}
