import { beforeAll, describe, expect, test } from 'vitest';
import { getMeetingView } from '@/server/meetings/read-meetings';
import { organiserChoices, schedulingChoices } from '@/server/meetings/organiser-choices';
import { publishablePlaces } from '@/server/notices/publish-places';
import { districtsByIds } from '@/server/places/districts';
import { createMeeting } from '../../factories/meetings';
import { byUser, world } from '../accounts/support';

/** Issue 16, item 8: what pages used to read from the database themselves, now read in src/server, with the same authorization. */
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

const values = (list: { value: string }[] | null | undefined) => list?.map((p) => p.value);

describe('where a notice may be published from a community board', () => {
  test('the community secretary: the community and its compounds; the street staff: also the street; others: nothing', async () => {
    const { jinyang, a, staff } = w;
    const code = (await w.db.community.findUniqueOrThrow({ where: { id: jinyang.id } })).code;
    const compounds = (await w.db.compound.findMany({ where: { communityId: jinyang.id }, orderBy: { name: 'asc' } })).map(
      (c) => `compound:${c.id}`,
    );
    expect(compounds).toContain(`compound:${a.compound.id}`);
    expect(values(await publishablePlaces(await byUser(staff.jinyangSecretary.id), code))).toEqual([
      `community:${jinyang.id}`,
      ...compounds,
    ]);
    expect(values(await publishablePlaces(await byUser(staff.jinyangStreet.id), code))).toEqual([
      `community:${jinyang.id}`,
      ...compounds,
      `street:${jinyang.streetId}`,
    ]);
    expect(values(await publishablePlaces(await byUser(staff.dongshengStreet.id), code))).toEqual([]);
    expect(await publishablePlaces(await byUser(staff.jinyangSecretary.id), 'no-such-code')).toBeNull();
  });
});

describe('what the meeting forms offer', () => {
  test('scheduling: places where the actor holds meeting.manage; organiser choices only with the organiser’s view', async () => {
    const { jinyang, staff, db } = w;
    const code = (await db.community.findUniqueOrThrow({ where: { id: jinyang.id } })).code;
    expect(values((await schedulingChoices(await byUser(staff.jinyangSecretary.id), code))?.places)).toContain(`community:${jinyang.id}`);
    expect((await schedulingChoices(await byUser(staff.dongshengStreet.id), code))?.places).toEqual([]);
    expect(await schedulingChoices(await byUser(staff.jinyangSecretary.id), 'no-such-code')).toBeNull();
    const m = await createMeeting(db, {
      kind: 'RECEPTION_DAY',
      title: '接待日',
      communityId: jinyang.id,
      startsAt: new Date(Date.now() + 86_400_000),
      minutes: 60,
      location: '服务中心',
      createdById: staff.jinyangSecretary.id,
    });
    const organiser = (await getMeetingView(await byUser(staff.jinyangSecretary.id), m.id))!;
    const visitor = (await getMeetingView(null, m.id))!;
    const district = (await db.street.findUniqueOrThrow({ where: { id: jinyang.streetId } })).districtId;
    expect((await organiserChoices(organiser, await byUser(staff.jinyangSecretary.id)))?.districtId).toBe(district);
    expect(await organiserChoices(visitor, null)).toBeNull();
  });
});

test('districts by id, in id order', async () => {
  const ids = (await w.db.district.findMany({ select: { id: true }, orderBy: { id: 'desc' }, take: 2 })).map((d) => d.id);
  expect((await districtsByIds(ids)).map((d) => d.id)).toEqual([...ids].sort((x, y) => x - y));
});
