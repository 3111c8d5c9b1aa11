/** Issue 14.3: a body's seat count is enforced (a 21-seat body had accepted 29 members). */
import { beforeAll, describe, expect, test } from 'vitest';
import { appointMember, endMembership } from '@/server/territory-admin/bodies';
import { day } from '../../factories/db';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof world>>;
const names = new NameSource(2114);
beforeAll(async () => {
  w = await world();
});

async function councilOf(members: number, seats = 21) {
  const people = await createPeople(w.db, members, names, { withPhone: false });
  return createBody(w.db, {
    kind: 'COURTYARD_COUNCIL',
    name: `院落议事会${names.personName()}`,
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
    seats,
    memberIds: people.map((p) => p.id),
  });
}
const countOf = (bodyId: number) => w.db.bodyMember.count({ where: { bodyId } });

describe('a body’s seat count', () => {
  test('a 21-seat body refuses a 22nd member on the day of the term; a seat freed the day before can be filled from the next day', async () => {
    const body = await councilOf(21);
    const by = await byUser(w.staff.jinyangSecretary.id);
    expect(await refusal(appointMember(by, { bodyId: body.id, name: '第二十二人', position: 'MEMBER', startsOn: '2026-12-03' }))).toBe(
      'body.seatsFull',
    );
    const leaving = await w.db.bodyMember.findFirstOrThrow({ where: { bodyId: body.id }, orderBy: { id: 'desc' } });
    await endMembership(by, { memberId: leaving.id, endsOn: '2026-12-03' });
    // The leaving member's last day still holds the seat (届满 includes the day).
    expect(await refusal(appointMember(by, { bodyId: body.id, name: '接任者', position: 'MEMBER', startsOn: '2026-12-03' }))).toBe(
      'body.seatsFull',
    );
    expect(await refusal(appointMember(by, { bodyId: body.id, name: '接任者', position: 'MEMBER', startsOn: '2026-12-04' }))).toBe(
      'no refusal',
    );
    expect(await countOf(body.id)).toBe(22);
  });

  test('two appointments at once into the last seat: exactly one wins', async () => {
    const body = await councilOf(20);
    const by = await byUser(w.staff.jinyangSecretary.id);
    const results = await Promise.all(
      ['甲', '乙', '丙'].map((n) =>
        refusal(appointMember(by, { bodyId: body.id, name: `候选${n}`, position: 'MEMBER', startsOn: '2026-12-03' })),
      ),
    );
    expect(results.sort()).toEqual(['body.seatsFull', 'body.seatsFull', 'no refusal']);
    expect(await countOf(body.id)).toBe(21);
  });

  test('the database refuses members beyond the seats however they are written (a 21-seat body had accepted 29)', async () => {
    await expect(councilOf(29)).rejects.toThrow(/body_seats_full/);
    const body = await councilOf(21);
    const [extra] = await createPeople(w.db, 1, names, { withPhone: false });
    await expect(w.db.bodyMember.create({ data: { bodyId: body.id, personId: extra!.id, startsOn: day('2026-12-03') } })).rejects.toThrow(
      /body_seats_full/,
    );
    // Moving a past member's term back into the present is checked too.
    const past = await w.db.bodyMember.create({
      data: { bodyId: body.id, personId: extra!.id, startsOn: day('2020-01-01'), endsOn: day('2020-12-31') },
    });
    await expect(w.db.bodyMember.update({ where: { id: past.id }, data: { endsOn: null } })).rejects.toThrow(/body_seats_full/);
    expect(await countOf(body.id)).toBe(22);
  });
});
