import { describe, expect, test } from 'vitest';
import { authorizeCredentials } from '@/server/auth/options';
import { checkCredentials } from '@/server/auth/check-credentials';
import { deviceCookieFor } from '@/server/auth/device';
import { createUser } from '../../factories/accounts';
import { testDb } from '../db';

const attempt = (phone: string, password: string, address = '10.0.0.1', device?: string) =>
  checkCredentials(phone, password, address, device).then((r) => (r.kind === 'limited' ? `limited:${r.minutes}` : r.kind));

describe('sign-in', () => {
  test('right password signs in; a wrong password and an unknown number get the same answer', async () => {
    await createUser(testDb(), { phone: '13500000001', password: 'right-pass-1' });
    expect(await attempt('135 0000 0001', 'right-pass-1')).toBe('ok');
    expect(await attempt('13500000001', 'wrong-pass')).toBe('wrong');
    expect(await attempt('13500000099', 'whatever-1')).toBe('wrong');
    expect(await attempt('not a phone', 'whatever-1')).toBe('wrong');
  });

  test('40 wrong passwords at once for one account: only 5 are ever checked, the rest refused before the check', async () => {
    await createUser(testDb(), { phone: '13500000002', password: 'right-pass-2' });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt('13500000002', `guess-${i}`, '10.0.1.1')));
    expect(answers.filter((a) => a === 'wrong')).toHaveLength(5);
    expect(answers.filter((a) => a === 'limited:15')).toHaveLength(35);
    // The owner, elsewhere, is not locked out by that address's guesses.
    expect(await attempt('13500000002', 'right-pass-2', '10.0.2.1')).toBe('ok');
  });

  test('guesses spread over many addresses limit the account for unknown devices only; the owner’s phone still signs in', async () => {
    const u = await createUser(testDb(), { phone: '13500000003', password: 'right-pass-3' });
    for (let i = 0; i < 30; i++) expect(await attempt('13500000003', 'nope', `10.3.${i}.1`)).toBe('wrong');
    expect(await attempt('13500000003', 'right-pass-3', '10.3.99.1')).toMatch(/^limited:/);
    expect(await attempt('13500000003', 'right-pass-3', '10.3.99.1', deviceCookieFor(u.id))).toBe('ok');
    // A device cookie of another account, or a forged one, is an unknown device.
    expect(await attempt('13500000003', 'right-pass-3', '10.3.99.1', deviceCookieFor(u.id + 1))).toMatch(/^limited:/);
    expect(await attempt('13500000003', 'right-pass-3', '10.3.99.1', `${u.id}.x.forged`)).toMatch(/^limited:/);
  });

  test('a success clears the pair’s failures', async () => {
    await createUser(testDb(), { phone: '13500000004', password: 'right-pass-4' });
    for (let i = 0; i < 4; i++) await attempt('13500000004', 'nope', '10.0.3.1');
    expect(await attempt('13500000004', 'right-pass-4', '10.0.3.1')).toBe('ok');
    for (let i = 0; i < 4; i++) expect(await attempt('13500000004', 'nope', '10.0.3.1')).toBe('wrong');
    expect(await attempt('13500000004', 'right-pass-4', '10.0.3.1')).toBe('ok');
  });

  test('one address spraying a password over many accounts is stopped at 50; a shared NAT signing residents in is not', async () => {
    for (let i = 0; i < 50; i++) expect(await attempt(`1350001${String(i).padStart(4, '0')}`, 'spray-pass', '10.9.9.9')).toBe('wrong');
    const u5 = await createUser(testDb(), { phone: '13500000005', password: 'right-pass-5' });
    expect(await attempt('13500000005', 'right-pass-5', '10.9.9.9')).toBe('limited:15');
    expect(await attempt('13500000005', 'right-pass-5', '10.9.9.10')).toBe('ok');
    // Her own phone, behind the same carrier NAT as the sprayer, still signs in.
    expect(await attempt('13500000005', 'right-pass-5', '10.9.9.9', deviceCookieFor(u5.id))).toBe('ok');
    // Successes give their point back: 60 residents signing in through one station's address all get in.
    for (let i = 0; i < 60; i++) await createUser(testDb(), { phone: `1350002${String(i).padStart(4, '0')}`, password: 'resident-pass' });
    const station: string[] = [];
    for (let i = 0; i < 60; i++) station.push(await attempt(`1350002${String(i).padStart(4, '0')}`, 'resident-pass', '10.8.8.8'));
    expect(station.every((a) => a === 'ok')).toBe(true);
  });

  test('when the counters cannot be reached, sign-in is refused, not let through uncounted', async () => {
    await createUser(testDb(), { phone: '13500000007', password: 'right-pass-7' });
    await testDb().$executeRawUnsafe('ALTER TABLE "RateLimit" RENAME TO "RateLimitAway"');
    try {
      expect(await attempt('13500000007', 'right-pass-7', '10.0.7.1')).toBe('unavailable');
      await expect(
        authorizeCredentials({ phone: '13500000007', password: 'right-pass-7' }, { 'x-yishi-client': '10.0.7.1' }),
      ).rejects.toThrow('unavailable');
    } finally {
      await testDb().$executeRawUnsafe('ALTER TABLE "RateLimitAway" RENAME TO "RateLimit"');
    }
  });

  test('a disabled account cannot sign in', async () => {
    const u = await createUser(testDb(), { phone: '13500000006', password: 'right-pass-6' });
    await testDb().user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await attempt('13500000006', 'right-pass-6', '10.0.4.1')).toBe('wrong');
  });
});
