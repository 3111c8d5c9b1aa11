import { beforeAll, describe, expect, test } from 'vitest';
import {
  callRequestedMeeting,
  closeRequest,
  listRequests,
  requestsAtThreshold,
  requestView,
  startRequest,
  supportRequest,
  withdrawSupport,
} from '@/server/meetings/requests';
import { createMeeting } from '../../factories/meetings';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { createTenant } from '../../factories/people';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

// Art. 10 requests (decision 068): 10 households in one compound, 3 compounds (residents' groups) in the community.
let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  const names = new NameSource(17);
  const jinyang = await communityByCode(db, '510107009003');
  const tanghu = await communityByCode(db, '510116001001');
  const home = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '龙苑小区',
    buildings: [{ name: '1栋', floors: 2, perFloor: 5, areasCentiM2: [8000] }],
  });
  for (const name of ['二苑', '三苑'])
    await db.compound.create({
      data: { name, initials: 'x', communityId: jinyang.id, streetId: jinyang.streetId, districtId: jinyang.street.districtId },
    });
  const far = await createPopulatedCompound(db, names, {
    communityId: tanghu.id,
    name: '欧城',
    buildings: [{ name: '1栋', floors: 1, perFloor: 1, areasCentiM2: [8000] }],
  });
  const residents = [];
  for (let i = 0; i < 4; i++)
    residents.push(
      await createVerifiedResident(db, {
        personId: home.owners[i]!.id,
        phone: `1370000000${i}`,
        password: 'x-pass-1234',
        householdId: home.households[i]!.id,
      }),
    );
  // A second member of household 0 (a tenant there).
  const tenantPerson = await db.person.create({ data: { name: '租客', birthYear: 1990 } });
  await createTenant(db, tenantPerson.id, home.households[0]!.id);
  const tenant = await createVerifiedResident(db, {
    personId: tenantPerson.id,
    phone: '13700000009',
    password: 'x-pass-1234',
    householdId: home.households[0]!.id,
    relation: 'TENANT',
  });
  const outsider = await createVerifiedResident(db, {
    personId: far.owners[0]!.id,
    phone: '13700000008',
    password: 'x-pass-1234',
    householdId: far.households[0]!.id,
  });
  await createBody(db, {
    kind: 'RESIDENTS_REPRESENTATIVES',
    name: '居民代表会议',
    communityId: jinyang.id,
    memberIds: [home.owners[3]!.id],
  });
  const secretary = await createStaff(db, {
    name: '刘书记',
    phone: '13892000001',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const by = async (u: { id: number }) => byUser(u.id);
  return {
    db,
    jinyang,
    home,
    secretary,
    sec: await by(secretary),
    r: await Promise.all(residents.map(by)),
    tenant: await by(tenant),
    outsider: await by(outsider),
  };
}
beforeAll(async () => {
  w = await setup();
});

const start = (basis: 'HOUSEHOLDS' | 'GROUPS' | 'ADULTS', matter = '请召开居民会议讨论停车') =>
  startRequest(w.r[0]!, { communityId: w.jinyang.id, basis, matter });

describe('art. 10 requests', () => {
  test('a household supports once (two members, or two taps at once: one row); reaching a fifth tells the secretary once', async () => {
    const { id } = await start('HOUSEHOLDS');
    expect(await refusal(startRequest(w.outsider, { communityId: w.jinyang.id, basis: 'HOUSEHOLDS', matter: 'x' }))).toBe(
      'meetingRequest.notResident',
    );
    const both = await Promise.all([refusal(supportRequest(w.r[0]!, id)), refusal(supportRequest(w.tenant, id))]);
    expect(both.sort()).toEqual(['meetingRequest.alreadySupported', 'no refusal']);
    expect(await w.db.meetingRequestSupport.count({ where: { requestId: id } })).toBe(1);
    const view = await requestView(w.r[1]!, id);
    expect(view).toMatchObject({ count: 1, least: 2, total: 10, reached: false, mine: false });
    expect(await w.db.notification.count({ where: { userId: w.secretary.id, kind: 'meetingRequest.reached' } })).toBe(0);
    await supportRequest(w.r[1]!, id);
    await withdrawSupport(w.r[1]!, id);
    await supportRequest(w.r[1]!, id);
    await supportRequest(w.r[2]!, id);
    expect(await w.db.notification.count({ where: { userId: w.secretary.id, kind: 'meetingRequest.reached' } })).toBe(1);
    expect((await requestsAtThreshold([w.jinyang.id])).map((r) => r.id)).toContain(id);
    expect(await refusal(requestView(w.outsider, id))).toBe('auth.forbidden');
    // Staff call an existing residents' meeting of the community; then nothing changes any more.
    const meeting = await createMeeting(w.db, {
      kind: 'RESIDENTS_MEETING',
      title: '居民会议',
      communityId: w.jinyang.id,
      startsAt: new Date(Date.now() + 3 * 86_400_000),
      minutes: 60,
      location: '活动室',
      createdById: w.secretary.id,
    });
    expect(await refusal(callRequestedMeeting(w.r[0]!, id, meeting.id))).toBe('auth.forbidden');
    await callRequestedMeeting(w.sec, id, meeting.id);
    expect(await w.db.meetingRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'CALLED', meetingId: meeting.id });
    expect(await refusal(withdrawSupport(w.r[2]!, id))).toBe('meetingRequest.notOpen');
    expect((await requestsAtThreshold([w.jinyang.id])).map((r) => r.id)).not.toContain(id);
  });

  test('groups: only a representative or a building head signs, once per compound; a third of 3 compounds is 1', async () => {
    const { id } = await start('GROUPS');
    expect(await refusal(supportRequest(w.r[1]!, id))).toBe('meetingRequest.notGroupRepresentative');
    expect(
      await w.db.auditLog.count({ where: { entityType: 'MeetingRequest', entityId: String(id), action: 'meetingRequest.support' } }),
    ).toBe(0);
    expect(await supportRequest(w.r[3]!, id)).toMatchObject({ count: 1, least: 1, total: 3, reached: true });
  });

  test('the starter or staff close it with a reason; others may not', async () => {
    const { id } = await start('ADULTS', '另一件事');
    expect(await refusal(closeRequest(w.r[1]!, id, '不需要'))).toBe('auth.forbidden');
    await closeRequest(w.r[0]!, id, '已经解决');
    expect(await w.db.meetingRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'CLOSED', closeReason: '已经解决' });
    const list = await listRequests(w.sec, w.jinyang.id);
    expect(list.requests.find((r) => r.id === id)).toMatchObject({ status: 'CLOSED', basis: 'ADULTS' });
    // Once others have joined, the starter can no longer withdraw it (a review found they could); staff still close it.
    const joined = (await start('ADULTS', '第三件事')).id;
    await supportRequest(w.r[1]!, joined);
    expect(await refusal(closeRequest(w.r[0]!, joined, '算了'))).toBe('meetingRequest.othersSupport');
    expect(await w.db.meetingRequest.findUniqueOrThrow({ where: { id: joined } })).toMatchObject({ status: 'OPEN', closeReason: null });
    await closeRequest(w.sec, joined, '已另行召开会议');
    expect(await w.db.meetingRequest.findUniqueOrThrow({ where: { id: joined } })).toMatchObject({ status: 'CLOSED' });
  });

  test('a double tap starts one request', async () => {
    const input = { communityId: w.jinyang.id, basis: 'HOUSEHOLDS' as const, matter: '双击', idempotencyKey: 'req-key-1' };
    const [a, b] = await Promise.all([startRequest(w.r[0]!, input), startRequest(w.r[0]!, input)]);
    expect(a.id).toBe(b.id);
  });
});
