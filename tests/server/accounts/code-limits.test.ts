import { beforeAll, describe, expect, test } from 'vitest';
import { claimHousehold, reviewClaim } from '@/server/accounts/claims';
import { createResidentAccount } from '@/server/accounts/desk-account';
import { issueInvitationCodes } from '@/server/accounts/invitations';
import { issuePasswordReset, resetPasswordWithCode } from '@/server/accounts/passwords';
import { verifyPassword } from '@/server/auth/password';
import { createUser } from '../../factories/accounts';
import { refusal } from '../refusal';
import { byUser, world } from './support';

/** Issue 15, item 4: invitation and reset codes cannot be guessed, reprinted slips void old codes, and residents hear how their claims went. */
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

const WRONG = 'ZZZZ-ZZZZ';
const secretary = () => byUser(w.staff.jinyangSecretary.id, '刘书记');

async function residentWithResetCode(phone: string, householdIndex: number) {
  await createResidentAccount(await secretary(), {
    householdId: w.a.households[householdIndex]!.id,
    relation: 'FAMILY',
    name: '居民',
    phone,
  });
  const user = await w.db.user.findUniqueOrThrow({ where: { phone } });
  return { user, code: (await issuePasswordReset(await secretary(), user.id)).code };
}

describe('reset codes', () => {
  test('20 wrong codes at once for one number: 5 are checked, the rest refused; then even the right code waits, from any address', async () => {
    const { user, code } = await residentWithResetCode('13811110001', 0);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        refusal(resetPasswordWithCode({ phone: '13811110001', code: WRONG, password: 'guess-pass-1' }, `10.1.0.${i}`)),
      ),
    );
    expect(answers.filter((a) => a === 'account.resetInvalid')).toHaveLength(5);
    expect(answers.filter((a) => a === 'account.codeLimited')).toHaveLength(15);
    expect(await refusal(resetPasswordWithCode({ phone: '13811110001', code, password: 'taken-over-1' }, '10.9.9.9'))).toBe(
      'account.codeLimited',
    );
    const u = await w.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword('taken-over-1', u.passwordHash)).toBe(false);
  });

  test('one address trying 30 numbers is stopped at the 31st', async () => {
    for (let i = 0; i < 30; i++) {
      expect(
        await refusal(
          resetPasswordWithCode({ phone: `1381112${String(i).padStart(4, '0')}`, code: WRONG, password: 'guess-pass-1' }, '10.2.0.1'),
        ),
      ).toBe('account.resetInvalid');
    }
    expect(await refusal(resetPasswordWithCode({ phone: '13811129999', code: WRONG, password: 'guess-pass-1' }, '10.2.0.1'))).toBe(
      'account.codeLimited',
    );
  });

  test('a right code after a few wrong ones works; a new reset voids the earlier code; an expired code is refused', async () => {
    const { code: first } = await residentWithResetCode('13811110003', 1);
    expect(await refusal(resetPasswordWithCode({ phone: '13811110003', code: WRONG, password: 'guess-pass-1' }, '10.3.0.1'))).toBe(
      'account.resetInvalid',
    );
    const user = await w.db.user.findUniqueOrThrow({ where: { phone: '13811110003' } });
    const { code: second } = await issuePasswordReset(await secretary(), user.id);
    expect(await refusal(resetPasswordWithCode({ phone: '13811110003', code: first, password: 'first-pass-1' }, '10.3.0.1'))).toBe(
      'account.resetInvalid',
    );
    await resetPasswordWithCode({ phone: '13811110003', code: second, password: 'second-pass-1' }, '10.3.0.1');
    const { code: third } = await issuePasswordReset(await secretary(), user.id);
    await w.db.passwordResetCode.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refusal(resetPasswordWithCode({ phone: '13811110003', code: third, password: 'third-pass-1' }, '10.3.0.1'))).toBe(
      'account.resetInvalid',
    );
  });
});

describe('invitation codes and claims', () => {
  test('5 wrong codes from one account, then even a right code waits', async () => {
    const { rows } = await issueInvitationCodes(await secretary(), { compoundId: w.a.compound.id });
    const u = await createUser(w.db, { phone: '13811110010', password: 'resident-1' });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => refusal(claimHousehold(u.id, { code: WRONG, relation: 'OWNER' }, `10.4.0.${i}`))),
    );
    expect(answers.filter((a) => a === 'claim.invalidCode')).toHaveLength(5);
    expect(answers.filter((a) => a === 'account.codeLimited')).toHaveLength(3);
    expect(await refusal(claimHousehold(u.id, { code: rows[2]!.code, relation: 'OWNER' }, '10.4.1.1'))).toBe('account.codeLimited');
    expect(await w.db.householdClaim.count({ where: { userId: u.id } })).toBe(0);
  });

  test('reprinting a household’s slip voids its old code', async () => {
    const building = w.a.buildings[0]!;
    const old = await issueInvitationCodes(await secretary(), { compoundId: w.a.compound.id, buildingId: building.id });
    const reprint = await issueInvitationCodes(await secretary(), { compoundId: w.a.compound.id, buildingId: building.id });
    const u = await createUser(w.db, { phone: '13811110011', password: 'resident-1' });
    expect(await refusal(claimHousehold(u.id, { code: old.rows[0]!.code, relation: 'OWNER' }, '10.5.0.1'))).toBe('claim.invalidCode');
    await claimHousehold(u.id, { code: reprint.rows[0]!.code, relation: 'OWNER' }, '10.5.0.1');
    const audit = await w.db.auditLog.findFirst({ where: { action: 'invitation.issue' }, orderBy: { id: 'desc' } });
    expect(audit!.after).toMatchObject({ voided: reprint.rows.length });
  });

  test('the resident hears that a claim was approved, or rejected and why', async () => {
    const { rows } = await issueInvitationCodes(await secretary(), { compoundId: w.a.compound.id });
    const [yes, no] = [
      await createUser(w.db, { phone: '13811110012', password: 'resident-1' }),
      await createUser(w.db, { phone: '13811110013', password: 'resident-1' }),
    ];
    const c1 = await claimHousehold(yes.id, { code: rows[0]!.code, relation: 'OWNER' }, '10.6.0.1');
    const c2 = await claimHousehold(no.id, { code: rows[1]!.code, relation: 'TENANT' }, '10.6.0.1');
    await reviewClaim(await secretary(), { claimId: c1.id, approve: true });
    await reviewClaim(await secretary(), { claimId: c2.id, approve: false, reason: '租赁合同上没有您的名字' });
    const inbox = async (userId: number) => (await w.db.notification.findMany({ where: { userId } })).map((n) => [n.kind, n.title]);
    expect((await inbox(yes.id))[0]).toEqual(['claim.approved', expect.stringContaining(w.a.buildings[0]!.name)]);
    expect(await inbox(no.id)).toEqual([['claim.rejected', '租赁合同上没有您的名字']]);
  });
});
