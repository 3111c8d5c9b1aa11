import { beforeAll, describe, expect, test } from 'vitest';
import { householdPanel, householdSheet, markResidentPresent, saveBuildingAttendance, searchResidents } from '@/server/meetings/households';
import { addAgendaItem } from '@/server/meetings/records';
import { scheduleMeeting } from '@/server/meetings/schedule';
import { advanceTopic } from '@/server/topics/advance-topic';
import { recordMotionTally } from '@/server/topics/motions';
import { addPlanVersion } from '@/server/topics/plans';
import { ensureProcedures, proceduresFor } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { getTopicForViewer } from '@/server/topics/read-topic';
import { createStaff } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { communityByCode } from '../../factories/territory';
import { byUser, inDays } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

// A residents' meeting of 420 households decides a topic on its agenda (decision 068, rules.md vector 9).
let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureProcedures(db);
  const names = new NameSource(83);
  const jinyang = await communityByCode(db, '510107009003');
  const tanghu = await communityByCode(db, '510116001001');
  const big = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '东苑小区',
    buildings: [{ name: '1栋', units: 6, floors: 10, perFloor: 7, areasCentiM2: [8000] }],
  });
  // An empty home is not entitled.
  await db.household.create({ data: { buildingId: big.buildings[0]!.id, unitNo: '7', roomNo: '101', areaCentiM2: 8000 } });
  const secretary = await createStaff(db, {
    name: '刘书记',
    phone: '13891000001',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const elsewhere = await createStaff(db, {
    name: '东升社区书记',
    phone: '13891000002',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: tanghu.id,
  });
  const procs = await proceduresFor(big.compound.districtId);
  const sec = await byUser(secretary.id, '刘书记');
  return {
    db,
    jinyang,
    big,
    sec,
    other: await byUser(elsewhere.id, '东升社区书记'),
    proc: (c: string) => procs.find((p) => p.code === c)!.id,
  };
}
beforeAll(async () => {
  w = await setup();
});

const meetingInput = (extra: object = {}) => ({
  kind: 'RESIDENTS_MEETING' as const,
  title: '东苑居民会议',
  communityId: w.jinyang.id,
  compoundId: w.big.compound.id,
  location: '小区广场',
  mode: 'IN_PERSON' as const,
  date: inDays(3),
  startMinute: 19 * 60,
  durationMinutes: 90,
  ...extra,
});

async function topicAtMeeting(title: string) {
  const { id: meetingId } = await scheduleMeeting(w.sec, meetingInput({ electorate: 'HOUSEHOLDS', title }));
  const { id } = await raiseTopic(w.sec, {
    category: 'OTHER',
    title,
    description: '说明',
    communityId: w.jinyang.id,
    compoundId: w.big.compound.id,
    procedureId: w.proc('RESIDENTS_MEETING'),
  });
  await addPlanVersion(w.sec, id, { title: `${title}方案`, body: '方案', convention: false, funding: [] });
  await advanceTopic(w.sec, id, { type: 'ADVANCE' });
  await addAgendaItem(w.sec, meetingId, { title, topicId: id });
  return { meetingId, topicId: id };
}

/** The units' homes of the one building: 70 per unit. */
const homesOfUnits = (units: string[]) => w.big.households.filter((h) => units.includes(h.unitNo)).map((h) => h.id);
const building = () => w.big.buildings[0]!.id;

describe('scheduling a residents’ meeting', () => {
  test('its electorate is required; 应到 is counted live from the roster (occupied homes only)', async () => {
    expect(await refusal(scheduleMeeting(w.sec, meetingInput()))).toBe('meetingResidents.electorateNeeded');
    const { id } = await scheduleMeeting(w.sec, meetingInput({ electorate: 'HOUSEHOLDS' }));
    expect(await w.db.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ electorate: 'HOUSEHOLDS' });
    expect(await householdPanel(id)).toMatchObject({ expected: 420, present: 0, least: 211, met: false });
    const adults = await scheduleMeeting(w.sec, meetingInput({ electorate: 'ADULT_RESIDENTS' }));
    expect((await householdPanel(adults.id)).expected).toBe(420);
  });
});

describe('households present, and the vote at the meeting (vector 9)', () => {
  test('210 households: no quorum; 211: quorum; the tally takes 出席 from the meeting and says so in households', async () => {
    const { meetingId, topicId } = await topicAtMeeting('加装电梯');
    const motion = await w.db.motion.findFirstOrThrow({ where: { topicId } });
    expect(motion.meetingId).toBe(meetingId);
    await saveBuildingAttendance(w.sec, meetingId, { buildingId: building(), householdIds: homesOfUnits(['1', '2', '3']), all: false });
    expect(await householdPanel(meetingId)).toMatchObject({ expected: 420, present: 210, met: false });
    const sheet = await householdSheet(w.sec, meetingId, '1001');
    expect(sheet.buildings[0]!.units.map((u) => [u.unitNo, u.rooms.map((r) => [r.roomNo, r.present])])).toEqual(
      ['1', '2', '3', '4', '5', '6'].map((u) => [u, [['1001', Number(u) <= 3]]]),
    );
    const one = homesOfUnits(['4'])[0]!;
    await saveBuildingAttendance(w.sec, meetingId, {
      buildingId: building(),
      householdIds: [...homesOfUnits(['1', '2', '3']), one],
      all: false,
    });
    expect(await householdPanel(meetingId)).toMatchObject({ present: 211, met: true });
    // A typed count that differs from the record is refused, nothing written.
    expect(await refusal(recordMotionTally(w.sec, topicId, { kind: 'BODY', present: 212, for: 106, against: 100, abstain: 5 }))).toBe(
      'meetingResidents.presentDiffers',
    );
    expect((await w.db.motion.findUniqueOrThrow({ where: { id: motion.id } })).status).toBe('OPEN');
    const r = await recordMotionTally(w.sec, topicId, { kind: 'BODY', present: 211, for: 106, against: 100, abstain: 5 });
    expect(r.passed).toBe(true);
    const event = (await getTopicForViewer(w.sec, topicId))?.events.find((e) => e.type === 'MOTION_RESULT');
    expect(event?.message).toContain(
      '应到 420 户，出席 211 户（过半数户出席，至少 211 户），赞成 106 票，需出席者过半数（至少 106 票），通过',
    );
  });

  test('105 of 211 fails', async () => {
    const { meetingId, topicId } = await topicAtMeeting('改造花园');
    await saveBuildingAttendance(w.sec, meetingId, {
      buildingId: building(),
      householdIds: [...homesOfUnits(['1', '2', '3']), homesOfUnits(['6'])[0]!],
      all: false,
    });
    const r = await recordMotionTally(w.sec, topicId, { kind: 'BODY', present: 211, for: 105, against: 106, abstain: 0 });
    expect(r.passed).toBe(false);
  });

  test('整栋全选 and re-saving add nothing twice; unticking unmarks, audited once each', async () => {
    const { id } = await scheduleMeeting(w.sec, meetingInput({ electorate: 'HOUSEHOLDS', title: '全选' }));
    const all = { buildingId: building(), householdIds: [], all: true };
    expect(await saveBuildingAttendance(w.sec, id, all)).toMatchObject({ added: 420, removed: 0, present: 420 });
    expect(await saveBuildingAttendance(w.sec, id, all)).toMatchObject({ added: 0, removed: 0, present: 420 });
    // A sheet narrowed by a room search unmarks only the rooms it showed.
    const one = homesOfUnits(['6'])[0]!;
    expect(await saveBuildingAttendance(w.sec, id, { ...all, all: false, householdIds: [], shownIds: [one] })).toMatchObject({
      removed: 1,
      present: 419,
    });
    expect(await saveBuildingAttendance(w.sec, id, { ...all, all: false, householdIds: homesOfUnits(['1']) })).toMatchObject({
      removed: 349,
      present: 70,
    });
    const audit = await w.db.auditLog.findMany({ where: { entityType: 'Meeting', entityId: String(id) }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual([
      'meeting.schedule',
      'meeting.household',
      'meeting.unmarkHousehold',
      'meeting.unmarkHousehold',
    ]);
  });

  test('two saves at once record each household once', async () => {
    const { id } = await scheduleMeeting(w.sec, meetingInput({ electorate: 'HOUSEHOLDS', title: '同时' }));
    const input = { buildingId: building(), householdIds: homesOfUnits(['2', '3']), all: false };
    await Promise.all([saveBuildingAttendance(w.sec, id, input), saveBuildingAttendance(w.sec, id, input)]);
    expect(await w.db.attendance.count({ where: { meetingId: id } })).toBe(140);
  });

  test('someone who does not run meetings there changes nothing and leaves no audit row; a home elsewhere is refused', async () => {
    const { id } = await scheduleMeeting(w.sec, meetingInput({ electorate: 'HOUSEHOLDS', title: '越权' }));
    const input = { buildingId: building(), householdIds: homesOfUnits(['1']), all: false };
    expect(await refusal(saveBuildingAttendance(w.other, id, input))).toBe('auth.forbidden');
    expect(await refusal(householdSheet(w.other, id))).toBe('auth.forbidden');
    expect(await refusal(saveBuildingAttendance(w.sec, id, { ...input, householdIds: [-5] }))).toBe('meetingResidents.householdElsewhere');
    expect(await w.db.attendance.count({ where: { meetingId: id } })).toBe(0);
    expect(await w.db.auditLog.count({ where: { entityType: 'Meeting', entityId: String(id), action: { not: 'meeting.schedule' } } })).toBe(
      0,
    );
  });

  test('a meeting of adult residents: staff mark a resident found by name, once; a child is not entitled', async () => {
    const { id } = await scheduleMeeting(w.sec, meetingInput({ electorate: 'ADULT_RESIDENTS', title: '成年居民' }));
    const owner = w.big.owners[0]!;
    const found = await searchResidents(w.sec, id, owner.name);
    expect(found.map((p) => p.personId)).toContain(owner.id);
    await Promise.all([markResidentPresent(w.sec, id, owner.id), markResidentPresent(w.sec, id, owner.id)]);
    expect(await householdPanel(id)).toMatchObject({ expected: 420, present: 1 });
    const child = await w.db.person.create({ data: { name: '小朋友', birthYear: 2016 } });
    await w.db.residency.create({ data: { personId: child.id, householdId: w.big.households[0]!.id, relation: 'FAMILY' } });
    expect(await refusal(markResidentPresent(w.sec, id, child.id))).toBe('meetingResidents.notEntitled');
    expect(await refusal(markResidentPresent(w.other, id, owner.id))).toBe('auth.forbidden');
    expect(await w.db.attendance.count({ where: { meetingId: id } })).toBe(1);
  });
});
