import { describe, expect, test } from 'vitest';
import { refusal } from '../refusal';
import { anyAdministrator, COMMAND_LINE, createFirstAdmin } from '@/server/accounts/first-admin';
import { loadActor } from '@/server/auth/actor';
import { changePassword } from '@/server/accounts/passwords';
import { verifyPassword } from '@/server/auth/password';
import { testDb } from '../db';

// Issue 18 item 1: the first administrator of a district is made at the server, not with SQL or test factories.
const WUHOU = '510107';
const strong = 'Wuhou-admin-2026';

describe('the first administrator of a district', () => {
  test('refusals change nothing: weak password, bad phone, unknown district, short name', async () => {
    const db = testDb();
    const before = [await db.user.count(), await db.auditLog.count()];
    const base = { districtCode: WUHOU, name: '王管理', phone: '13811110001', password: strong };
    expect(await refusal(createFirstAdmin({ ...base, password: 'password123' }))).toBe('password.common');
    expect(await refusal(createFirstAdmin({ ...base, password: 'short1!' }))).toBe('password.tooShort');
    expect(await refusal(createFirstAdmin({ ...base, password: 'x13811110001y' }))).toBe('password.containsPhone');
    expect(await refusal(createFirstAdmin({ ...base, phone: '1381111' }))).toBe('account.phoneInvalid');
    expect(await refusal(createFirstAdmin({ ...base, districtCode: '999999' }))).toBe('admin.districtUnknown');
    expect(await refusal(createFirstAdmin({ ...base, name: ' 王 ' }))).toBe('admin.firstName');
    expect([await db.user.count(), await db.auditLog.count()]).toEqual(before);
    expect(await anyAdministrator()).toBe(false);
  });

  test('two at once for one district: exactly one is made, with its grant and an audit row; the next is told to use the app', async () => {
    const db = testDb();
    const results = await Promise.allSettled([
      createFirstAdmin({ districtCode: WUHOU, name: '王管理', phone: '13811110001', password: strong }),
      createFirstAdmin({ districtCode: WUHOU, name: '李管理', phone: '13811110002', password: 'Another-strong-9' }),
    ]);
    const made = results.filter((r) => r.status === 'fulfilled');
    expect(made).toHaveLength(1);
    const { userId, districtName } = (made[0] as PromiseFulfilledResult<{ userId: number; districtName: string }>).value;
    expect(districtName).toBe('武侯区');
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as { code: string }).code).toBe('admin.districtHasAdmin');

    const actor = await loadActor(userId);
    expect(actor.grants).toMatchObject([{ role: 'DISTRICT_ADMIN', place: { level: 'district' } }]);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword(user.phone === '13811110001' ? strong : 'Another-strong-9', user.passwordHash)).toBe(true);
    expect(user.verifiedAt).not.toBeNull();
    const audit = await db.auditLog.findMany({ where: { action: 'admin.createFirst' } });
    expect(audit).toMatchObject([{ actorId: null, actorLabel: COMMAND_LINE, entityId: String(userId) }]);
    expect(await anyAdministrator()).toBe(true);

    expect(await refusal(createFirstAdmin({ districtCode: WUHOU, name: '赵管理', phone: '13811110003', password: strong }))).toBe(
      'admin.districtHasAdmin',
    );
    // Later, in the app, the administrator cannot change to a password the command would have refused.
    const own = user.phone === '13811110001' ? strong : 'Another-strong-9';
    expect(await refusal(changePassword(userId, own, 'Password123'))).toBe('password.common');
    await changePassword(userId, own, 'Wuhou-admin-2027');
    // Another district still gets its first.
    await createFirstAdmin({ districtCode: '510116', name: '双流管理', phone: '13811110004', password: strong });
  });
});
