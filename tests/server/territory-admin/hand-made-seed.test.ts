import { describe, expect, test } from 'vitest';
import { HAND_MADE_COMMUNITY, seedHandMadeCommunity } from '../../../prisma/seed/hand-made.ts';
import { createStaff } from '../../factories/accounts';
import { testDb } from '../db';

describe('the demo’s hand-made community', () => {
  test('is built by the district administrator through createCommunity and the bodies import, in one transaction, audited', async () => {
    const db = testDb();
    const shuangliu = await db.district.findUniqueOrThrow({ where: { code: '510116' } });
    const admin = await createStaff(db, {
      name: '陈双流',
      phone: '13900004001',
      password: 'staff-pass-1',
      role: 'DISTRICT_ADMIN',
      placeLevel: 'DISTRICT',
      placeId: shuangliu.id,
    });
    expect(await db.$transaction((tx) => seedHandMadeCommunity(tx))).toEqual({ bodiesCreated: 1, bodiesUpdated: 0, membersAppointed: 2 });
    const c = await db.community.findFirstOrThrow({
      where: { name: HAND_MADE_COMMUNITY },
      include: { street: true, bodies: { include: { members: { include: { person: true } } } } },
    });
    expect([c.code, c.street.code]).toEqual(['510116001X1', '510116001']);
    expect(c.bodies.map((b) => [b.kind, b.seats, b.members.map((m) => [m.person.name, m.position])])).toEqual([
      [
        'RESIDENTS_COMMITTEE',
        5,
        [
          ['邓新苑', 'CHAIR'],
          ['蒋晓东', 'MEMBER'],
        ],
      ],
    ]);
    const audits = await db.auditLog.findMany({ where: { communityId: c.id }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ['community.create', admin.id],
      ['bodies.import', admin.id],
    ]);
  });
});
