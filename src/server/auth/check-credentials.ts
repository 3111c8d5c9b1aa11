import 'server-only';
import { normalisePhone } from '@/domain/shared/phone';
import { getDb } from '@/server/db';
import { isKnownDevice } from './device';
import { verifyPassword } from './password';
import { beginSignIn, LimitStoreDown, signInSucceeded } from './rate-limit';

export type TCheck =
  { kind: 'ok'; userId: number; sv: number } | { kind: 'wrong' } | { kind: 'limited'; minutes: number } | { kind: 'unavailable' };

/**
 * A phone number and password: counted against the limits first (decision 027), then checked. The same
 * answer, in about the same time, for an unknown number and a wrong password.
 */
export async function checkCredentials(rawPhone: string, password: string, address: string, deviceCookie?: string): Promise<TCheck> {
  const phone = normalisePhone(rawPhone);
  const account = phone ?? `invalid:${rawPhone}`.slice(0, 60);
  const user = phone
    ? await getDb().user.findUnique({ where: { phone }, select: { id: true, passwordHash: true, sessionVersion: true, disabledAt: true } })
    : null;
  const attempt = { account, address, knownDevice: isKnownDevice(deviceCookie, user?.id) };
  let wait: number;
  try {
    wait = await beginSignIn(attempt);
  } catch (e) {
    if (e instanceof LimitStoreDown) return { kind: 'unavailable' };
    throw e;
  }
  if (wait > 0) return { kind: 'limited', minutes: Math.ceil(wait / 60) };
  const ok = await verifyPassword(password, user && !user.disabledAt ? user.passwordHash : null);
  if (!ok || !user) return { kind: 'wrong' };
  await signInSucceeded(attempt);
  await getDb().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { kind: 'ok', userId: user.id, sv: user.sessionVersion };
}
