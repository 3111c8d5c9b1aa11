import { beforeAll, describe, expect, test } from 'vitest';
import { findHousehold } from '@/server/admin/scope-lists';
import { refusal } from '../refusal';
import { byUser, world } from './support';

// Issue 17, item 5: a desk account for a room that is not on the roster said "您没有权限" — the clerk had every
// right, the room did not exist. A missing room now says so; a compound outside one's places is still refused.
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe('the desk finds a household by its address', () => {
  test('a room on the roster is found; a room that is not says the room is unknown, not "no permission"', async () => {
    const { db, a, staff } = w;
    const h = await db.household.findFirstOrThrow({ where: { building: { compoundId: a.compound.id } }, include: { building: true } });
    const by = await byUser(staff.jinyangSecretary.id);
    const at = { compoundId: a.compound.id, building: h.building.name, unitNo: h.unitNo, roomNo: h.roomNo };
    expect(await findHousehold(by, at)).toEqual({ id: h.id });
    expect(await refusal(findHousehold(by, { ...at, roomNo: '9909' }))).toBe('place.roomUnknown');
    expect(await refusal(findHousehold(by, { ...at, building: '99栋' }))).toBe('place.roomUnknown');
  });

  test('a compound outside one’s places is refused as before, whether or not the room exists', async () => {
    const { db, a, staff } = w;
    const h = await db.household.findFirstOrThrow({ where: { building: { compoundId: a.compound.id } }, include: { building: true } });
    const by = await byUser(staff.dongshengStreet.id);
    const at = { compoundId: a.compound.id, building: h.building.name, unitNo: h.unitNo, roomNo: h.roomNo };
    expect(await refusal(findHousehold(by, at))).toBe('auth.forbidden');
    expect(await refusal(findHousehold(by, { ...at, roomNo: '9909' }))).toBe('auth.forbidden');
  });
});
