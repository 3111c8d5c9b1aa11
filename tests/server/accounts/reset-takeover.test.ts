import { beforeAll, describe, expect, test } from 'vitest';
import { issuePasswordReset } from '@/server/accounts/passwords';
import { createStaff } from '../../factories/accounts';
import { refusal } from '../refusal';
import { byUser, world } from './support';

/**
 * Issue 15, item 1: a household claim must never let desk staff reset an account that ranks as high as
 * theirs or higher. Staff accounts are reset only by someone who manages staff at every post they hold
 * and ranks above each of their roles; every reset is audited and told to the account's owner.
 */
let w: Awaited<ReturnType<typeof world>>;
let s: Record<'districtAdmin' | 'tanghuSecretary' | 'tanghuCommittee' | 'tanghuGrid' | 'tanghuPeer', number>;
beforeAll(async () => {
  w = await world();
  const { db, tanghu } = w;
  const { districtId } = await db.street.findUniqueOrThrow({ where: { id: tanghu.streetId }, select: { districtId: true } });
  const pw = 'staff-pass-1';
  const mk = (
    name: string,
    phone: string,
    role: Parameters<typeof createStaff>[1]['role'],
    placeLevel: 'DISTRICT' | 'COMMUNITY',
    placeId: number,
  ) => createStaff(db, { name, phone, password: pw, role, placeLevel, placeId }).then((u) => u.id);
  s = {
    districtAdmin: await mk('陈双流', '13977770001', 'DISTRICT_ADMIN', 'DISTRICT', districtId),
    tanghuSecretary: await mk('棠湖书记', '13977770002', 'COMMUNITY_SECRETARY', 'COMMUNITY', tanghu.id),
    tanghuCommittee: await mk('棠湖居委会', '13977770003', 'RESIDENTS_COMMITTEE_STAFF', 'COMMUNITY', tanghu.id),
    tanghuGrid: await mk('棠湖网格员', '13977770004', 'GRID_WORKER', 'COMMUNITY', tanghu.id),
    tanghuPeer: await mk('棠湖副书记', '13977770005', 'COMMUNITY_SECRETARY', 'COMMUNITY', tanghu.id),
  };
  // Every one of them also lives in 棠湖 (a claim on a household of 欧城花园): pending for the admin, approved for the others.
  for (const [i, userId] of Object.values(s).entries()) {
    await db.householdClaim.create({
      data: {
        userId,
        householdId: w.b.households[i % w.b.households.length]!.id,
        relation: 'OWNER',
        status: i === 0 ? 'PENDING' : 'APPROVED',
      },
    });
  }
});

const resetCodes = (userId: number) => w.db.passwordResetCode.count({ where: { userId } });

describe('password resets by staff', () => {
  test.each([
    ['the 棠湖 secretary resets the district admin who claimed a household in 棠湖', 'tanghuSecretary', 'districtAdmin'],
    ['a secretary resets a secretary of the same community (same rank)', 'tanghuPeer', 'tanghuSecretary'],
    [
      'residents’ committee staff (who reset residents, but manage no staff) reset a grid worker living there',
      'tanghuCommittee',
      'tanghuGrid',
    ],
    ['a grid worker resets the secretary', 'tanghuGrid', 'tanghuSecretary'],
  ] as const)('refused: %s; nothing is written', async (_, who, whom) => {
    const before = [await resetCodes(s[whom]), await w.db.notification.count()];
    expect(await refusal(issuePasswordReset(await byUser(s[who]), s[whom]))).toBe('auth.forbidden');
    expect([await resetCodes(s[whom]), await w.db.notification.count()]).toEqual(before);
  });

  test('a secretary resets a grid worker of her community (lower rank, staff she manages): audited, and the owner is told (inbox and e-mail)', async () => {
    const { db } = w;
    await db.user.update({ where: { id: s.tanghuGrid }, data: { email: 'grid@example.cn' } });
    const r = await issuePasswordReset(await byUser(s.tanghuSecretary, '棠湖书记'), s.tanghuGrid);
    expect(r.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const audit = await db.auditLog.findMany({ where: { action: 'account.issueReset', entityId: String(s.tanghuGrid) } });
    expect(audit.map((a) => a.actorId)).toEqual([s.tanghuSecretary]);
    const inbox = await db.notification.findMany({ where: { userId: s.tanghuGrid }, include: { deliveries: true } });
    expect(inbox.map((n) => [n.kind, n.deliveries.map((d) => [d.channel, d.status])])).toEqual([['account.reset', [['EMAIL', 'PENDING']]]]);
    expect(inbox[0]!.title).toBe('棠湖书记');
  });

  test('street staff reset the district admin? No: nobody in the platform ranks above a district admin', async () => {
    expect(await refusal(issuePasswordReset(await byUser(w.staff.dongshengStreet.id), s.districtAdmin))).toBe('auth.forbidden');
  });

  test('a resident’s reset at the desk still works, and is told to the resident', async () => {
    const { db, b } = w;
    const resident = await db.user.create({
      data: { phone: '13977770099', passwordHash: 'x', personId: (await db.person.create({ data: { name: '居民' } })).id },
    });
    await db.householdClaim.create({
      data: { userId: resident.id, householdId: b.households[0]!.id, relation: 'OWNER', status: 'APPROVED' },
    });
    await issuePasswordReset(await byUser(s.tanghuCommittee), resident.id);
    const told = await db.notification.findMany({ where: { userId: resident.id }, include: { deliveries: true } });
    expect(told.map((n) => [n.kind, n.deliveries.length])).toEqual([['account.reset', 0]]);
  });
});
