import { beforeAll, describe, expect, test } from 'vitest';
import { refusal } from '../refusal';
import { createResidentAccount } from '@/server/accounts/desk-account';
import { changePassword, issuePasswordReset, resetPasswordWithCode } from '@/server/accounts/passwords';
import { listAudit } from '@/server/accounts/read-audit';
import { createStaffAccount, grantRole, listStaffGrants, revokeRole } from '@/server/accounts/staff';
import { verifyPassword } from '@/server/auth/password';
import { loadActor } from '@/server/auth/actor';
import { byUser, world } from './support';

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe('staff accounts', () => {
  test('street staff appoint a community secretary in their street; the new secretary sets a password with the code', async () => {
    const { db, jinyang, staff } = w;
    const { userId, code } = await createStaffAccount(await byUser(staff.jinyangStreet.id), {
      name: '新书记',
      phone: '13955550001',
      role: 'COMMUNITY_SECRETARY',
      place: { level: 'community', id: jinyang.id },
    });
    expect((await loadActor(userId)).grants).toMatchObject([
      { role: 'COMMUNITY_SECRETARY', place: { level: 'community', id: jinyang.id } },
    ]);
    await resetPasswordWithCode({ phone: '13955550001', code, password: 'new-secret-1' }, '10.0.0.1');
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword('new-secret-1', user.passwordHash)).toBe(true);
    expect(await refusal(resetPasswordWithCode({ phone: '13955550001', code, password: 'again-secret' }, '10.0.0.1'))).toBe(
      'account.resetInvalid',
    );
    expect((await listStaffGrants(await byUser(staff.jinyangStreet.id))).map((g) => g.user.phone)).toContain('13955550001');
  });

  test.each([
    ['street staff of another street', 'dongshengStreet', 'COMMUNITY_SECRETARY', 'grant.notAllowed'],
    ['a community secretary appointing street staff', 'jinyangSecretary', 'STREET_STAFF', 'grant.wrongLevel'],
    ['a grid worker', 'gridWorker', 'BUILDING_HEAD', 'grant.wrongLevel'],
  ] as const)('%s is refused and nothing is written', async (_, who, role, code) => {
    const { db, jinyang, staff } = w;
    const users = await db.user.count();
    const audits = await db.auditLog.count();
    expect(
      await refusal(
        createStaffAccount(await byUser(staff[who].id), {
          name: 'x',
          phone: '13955550009',
          role,
          place: { level: 'community', id: jinyang.id },
        }),
      ),
    ).toBe(code);
    expect([await db.user.count(), await db.auditLog.count()]).toEqual([users, audits]);
  });

  test('a granted role can be revoked by who could grant it, and then gives nothing', async () => {
    const { a, staff } = w;
    const building = a.buildings[0]!;
    const grant = await grantRole(await byUser(staff.jinyangSecretary.id), {
      userId: staff.gridWorker.id,
      role: 'BUILDING_HEAD',
      place: { level: 'building', id: building.id },
    });
    expect((await loadActor(staff.gridWorker.id)).grants.map((g) => g.role)).toContain('BUILDING_HEAD');
    expect(await refusal(revokeRole(await byUser(staff.dongshengStreet.id), grant.id))).toBe('auth.forbidden');
    await revokeRole(await byUser(staff.jinyangSecretary.id), grant.id);
    expect((await loadActor(staff.gridWorker.id)).grants.map((g) => g.role)).not.toContain('BUILDING_HEAD');
  });
});

describe('accounts made at the desk, and passwords', () => {
  test('staff create a verified account for an elderly resident; a reset by staff of another street is refused', async () => {
    const { db, a, staff } = w;
    const unit = a.households[1]!;
    const { code } = await createResidentAccount(await byUser(staff.gridWorker.id), {
      householdId: unit.id,
      relation: 'FAMILY',
      name: '王奶奶',
      phone: '13866660001',
    });
    const user = await db.user.findUniqueOrThrow({ where: { phone: '13866660001' } });
    expect(user.verifiedAt).not.toBeNull();
    expect((await loadActor(user.id)).grants.map((g) => g.role)).toEqual(['RESIDENT']);
    await resetPasswordWithCode({ phone: '138-6666-0001', code, password: 'nainai-pass-1' }, '10.0.0.1');

    expect(await refusal(issuePasswordReset(await byUser(staff.dongshengStreet.id), user.id))).toBe('auth.forbidden');
    const reset = await issuePasswordReset(await byUser(staff.jinyangSecretary.id), user.id);
    await expect(
      resetPasswordWithCode({ phone: '13866660002', code: reset.code, password: 'x-pass-1234' }, '10.0.0.1'),
    ).rejects.toMatchObject({ code: 'account.resetInvalid' });
    const sv = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    await resetPasswordWithCode({ phone: '13866660001', code: reset.code, password: 'nainai-pass-2' }, '10.0.0.1');
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(sv + 1);
  });

  test('changing one’s password needs the current one and ends other sessions', async () => {
    const { db, staff } = w;
    expect(await refusal(changePassword(staff.gridWorker.id, 'wrong', 'new-pass-123'))).toBe('account.wrongPassword');
    await changePassword(staff.gridWorker.id, 'staff-pass-1', 'new-pass-123');
    const u = await db.user.findUniqueOrThrow({ where: { id: staff.gridWorker.id } });
    expect([u.sessionVersion, await verifyPassword('new-pass-123', u.passwordHash)]).toEqual([1, true]);
  });

  test('the audit is read only where one may: street staff see their street, not another', async () => {
    const mine = await listAudit(await byUser(w.staff.jinyangStreet.id));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.communityId === w.jinyang.id)).toBe(true);
    expect((await listAudit(await byUser(w.staff.dongshengStreet.id))).some((r) => r.communityId === w.jinyang.id)).toBe(false);
  });
});
