import { describe, expect, test } from 'vitest';
import { authorizeCredentials } from '@/server/auth/options';
import { createUser } from '../../factories/accounts';
import { testDb } from '../db';

const attempt = (phone: string, password: string, address = '10.0.0.1') =>
  authorizeCredentials({ phone, password }, { 'x-forwarded-for': `${address}, 127.0.0.1` }).then(
    (u) => (u ? 'ok' : 'wrong'),
    (e: Error) => e.message,
  );

describe('sign-in', () => {
  test('right password signs in; a wrong password and an unknown number get the same answer', async () => {
    await createUser(testDb(), { phone: '13500000001', password: 'right-pass-1' });
    expect(await attempt('135 0000 0001', 'right-pass-1')).toBe('ok');
    expect(await attempt('13500000001', 'wrong-pass')).toBe('wrong');
    expect(await attempt('13500000099', 'whatever-1')).toBe('wrong');
    expect(await attempt('not a phone', 'whatever-1')).toBe('wrong');
  });

  test('after 5 failures the account is blocked for 15 minutes — even with the right password, from any address', async () => {
    await createUser(testDb(), { phone: '13500000002', password: 'right-pass-2' });
    for (let i = 0; i < 5; i++) expect(await attempt('13500000002', `guess-${i}`, `10.0.1.${i}`)).toBe('wrong');
    expect(await attempt('13500000002', 'right-pass-2', '10.0.2.1')).toBe('rate_limited:15');
    // Other accounts are not affected.
    await createUser(testDb(), { phone: '13500000003', password: 'right-pass-3' });
    expect(await attempt('13500000003', 'right-pass-3', '10.0.2.1')).toBe('ok');
  });

  test('a success clears the account’s failures', async () => {
    await createUser(testDb(), { phone: '13500000004', password: 'right-pass-4' });
    for (let i = 0; i < 4; i++) await attempt('13500000004', 'nope', '10.0.3.1');
    expect(await attempt('13500000004', 'right-pass-4', '10.0.3.1')).toBe('ok');
    for (let i = 0; i < 4; i++) expect(await attempt('13500000004', 'nope', '10.0.3.2')).toBe('wrong');
    expect(await attempt('13500000004', 'right-pass-4', '10.0.3.2')).toBe('ok');
  });

  test('one address spraying many accounts is blocked after 30 attempts', async () => {
    for (let i = 0; i < 30; i++) await attempt(`1350001${String(i).padStart(4, '0')}`, 'spray-pass', '10.9.9.9');
    await createUser(testDb(), { phone: '13500000005', password: 'right-pass-5' });
    expect(await attempt('13500000005', 'right-pass-5', '10.9.9.9')).toBe('rate_limited:15');
    expect(await attempt('13500000005', 'right-pass-5', '10.9.9.10')).toBe('ok');
  });

  test('a disabled account cannot sign in', async () => {
    const u = await createUser(testDb(), { phone: '13500000006', password: 'right-pass-6' });
    await testDb().user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await attempt('13500000006', 'right-pass-6', '10.0.4.1')).toBe('wrong');
  });
});
