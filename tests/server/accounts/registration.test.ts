import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { confirmRegistration, requestRegistrationCode } from '@/server/accounts/register-resident';
import { verifyPassword } from '@/server/auth/password';
import { loadActor } from '@/server/auth/actor';
import { createUser } from '../../factories/accounts';
import { refusal } from '../refusal';
import { world } from './support';

// The code sender's outbox (decision 030): where a development or test deployment finds the codes it "sent".
process.env.YISHI_CODE_OUTBOX = path.join(mkdtempSync(path.join(os.tmpdir(), 'yishi-codes-')), 'codes.jsonl');

/** The last code sent to a number, as the resident would read it off the SMS. */
function lastCode(phone: string): string {
  const lines = readFileSync(process.env.YISHI_CODE_OUTBOX!, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { phone: string; purpose: string; code: string });
  const mine = lines.filter((l) => l.phone === phone && l.purpose === 'registration');
  return mine.at(-1)!.code;
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

const form = (phone: string, extra: Partial<{ name: string; password: string; compoundId: number }> = {}) => ({
  name: '赵新业',
  phone,
  password: 'zhao-pass-2026',
  compoundId: w.a.compound.id,
  ...extra,
});

describe('registration proves the number', () => {
  test('no account before the code; the right code creates it, unverified, in the community named; the answer says so', async () => {
    const { db, jinyang } = w;
    const sent = await requestRegistrationCode(form('13912340001'), '10.9.0.1');
    expect(sent).toEqual({ phone: '139****0001', minutes: 10 });
    expect(await db.user.count({ where: { phone: '13912340001' } })).toBe(0);
    const stored = await db.registrationCode.findFirstOrThrow({ where: { phone: '13912340001' } });
    expect(stored.codeHash).not.toContain(lastCode('13912340001'));

    expect(await confirmRegistration({ phone: '139 1234 0001', code: lastCode('13912340001') }, '10.9.0.1')).toEqual({
      outcome: 'created',
    });
    const user = await db.user.findUniqueOrThrow({ where: { phone: '13912340001' }, include: { person: true } });
    expect([user.person.name, user.verifiedAt, user.registeredCommunityId]).toEqual(['赵新业', null, jinyang.id]);
    expect(await verifyPassword('zhao-pass-2026', user.passwordHash)).toBe(true);
    expect((await loadActor(user.id)).grants).toMatchObject([
      { role: 'UNVERIFIED_RESIDENT', place: { level: 'community', id: jinyang.id } },
    ]);
    // Used once: the same code again creates nothing.
    expect(await refusal(confirmRegistration({ phone: '13912340001', code: lastCode('13912340001') }, '10.9.0.1'))).toBe(
      'account.registerCodeInvalid',
    );
  });

  test('wrong codes are limited: after 5 wrong tries even the right code creates nothing', async () => {
    const { db } = w;
    await requestRegistrationCode(form('13912340002'), '10.9.0.2');
    const right = lastCode('13912340002');
    const wrong = right === '000000' ? '111111' : '000000';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await refusal(confirmRegistration({ phone: '13912340002', code: wrong }, '10.9.0.2')));
    expect(answers).toEqual(Array(5).fill('account.registerCodeWrong'));
    expect(await refusal(confirmRegistration({ phone: '13912340002', code: right }, '10.9.0.3'))).toMatch(
      /^account\.register(CodeInvalid|Wait)$/,
    );
    expect(await db.user.count({ where: { phone: '13912340002' } })).toBe(0);
  });

  test('ten wrong codes at once: at most five are checked, and no account', async () => {
    const { db } = w;
    await requestRegistrationCode(form('13912340003'), '10.9.0.4');
    const right = lastCode('13912340003');
    const wrong = right === '000000' ? '111111' : '000000';
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => refusal(confirmRegistration({ phone: '13912340003', code: wrong }, '10.9.0.4'))),
    );
    expect(answers.filter((a) => a === 'account.registerCodeWrong').length).toBeLessThanOrEqual(5);
    expect((await db.registrationCode.findFirstOrThrow({ where: { phone: '13912340003' } })).wrongTries).toBeLessThanOrEqual(5);
    expect(await refusal(confirmRegistration({ phone: '13912340003', code: right }, '10.9.0.5'))).not.toBe('no refusal');
    expect(await db.user.count({ where: { phone: '13912340003' } })).toBe(0);
  });

  test('a code older than 10 minutes is refused', async () => {
    const { db } = w;
    await requestRegistrationCode(form('13912340004'), '10.9.0.6');
    await db.registrationCode.updateMany({ where: { phone: '13912340004' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refusal(confirmRegistration({ phone: '13912340004', code: lastCode('13912340004') }, '10.9.0.6'))).toBe(
      'account.registerCodeInvalid',
    );
    expect(await db.user.count({ where: { phone: '13912340004' } })).toBe(0);
  });

  test('a number that has an account: the code is still sent, and once it is entered the answer says to sign in; nothing changes', async () => {
    const { db } = w;
    const existing = await createUser(db, { phone: '13912340005', password: 'owner-pass-1' });
    expect(await requestRegistrationCode(form('13912340005', { password: 'takeover-1' }), '10.9.0.7')).toEqual({
      phone: '139****0005',
      minutes: 10,
    });
    expect(await confirmRegistration({ phone: '13912340005', code: lastCode('13912340005') }, '10.9.0.7')).toEqual({ outcome: 'exists' });
    const after = await db.user.findUniqueOrThrow({ where: { phone: '13912340005' } });
    expect([after.id, await verifyPassword('owner-pass-1', after.passwordHash)]).toEqual([existing.id, true]);
  });

  test('the right code entered twice at once makes one account', async () => {
    const { db } = w;
    await requestRegistrationCode(form('13912340006'), '10.9.0.8');
    const code = lastCode('13912340006');
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        confirmRegistration({ phone: '13912340006', code }, '10.9.0.8').then(
          (r) => r.outcome,
          (e) => e.code,
        ),
      ),
    );
    expect(answers.filter((a) => a === 'created')).toHaveLength(1);
    expect(await db.user.count({ where: { phone: '13912340006' } })).toBe(1);
  });
});

describe('registration is limited', () => {
  test('3 codes per number an hour', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await refusal(requestRegistrationCode(form('13912340007'), `10.9.1.${i}`)));
    expect(answers).toEqual(['no refusal', 'no refusal', 'no refusal', 'account.registerWait']);
  });

  test('10 registrations per address an hour, even fired at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 14 }, (_, i) => refusal(requestRegistrationCode(form(`1391235${String(i).padStart(4, '0')}`), '10.9.2.1'))),
    );
    expect(answers.filter((a) => a === 'no refusal')).toHaveLength(10);
    expect(answers.filter((a) => a === 'account.registerWait')).toHaveLength(4);
    expect(await w.db.registrationCode.count({ where: { phone: { startsWith: '1391235' } } })).toBe(10);
  });

  test('an unknown compound is refused', async () => {
    expect(await refusal(requestRegistrationCode(form('13912340008', { compoundId: 999_999 }), '10.9.3.1'))).toBe('account.registerPlace');
  });
});
