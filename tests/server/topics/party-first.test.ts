import { beforeAll, describe, expect, test } from 'vitest';
import { ensureIssueCategories } from '@/server/issues/categories';
import { raiseIssue } from '@/server/issues/raise-issue';
import { advanceTopic } from '@/server/topics/advance-topic';
import { addSuggestion } from '@/server/topics/participation';
import { appointLiaison, recordPartyView, revokeLiaison } from '@/server/topics/party-first';
import { ensureProcedures, proceduresFor } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { getTopicForViewer, listTopics } from '@/server/topics/read-topic';
import { createStaff, createUser, createVerifiedResident } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { createPartyOrg, registerPartyMember } from '../../factories/organisation';
import { communityByCode } from '../../factories/territory';
import { createMeeting } from '../../factories/meetings';
import { createBody } from '../../factories/organisation';
import { addAgendaItem } from '@/server/meetings/records';
import { organiserChoices } from '@/server/meetings/organiser-choices';
import { getMeetingView } from '@/server/meetings/read-meetings';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureProcedures(db);
  await ensureIssueCategories(db);
  const jinyang = await communityByCode(db, '510107009003');
  const { compound } = await createPopulatedCompound(db, new NameSource(19), {
    communityId: jinyang.id,
    name: '北苑小区',
    buildings: [{ name: '1栋', floors: 3, perFloor: 4, areasCentiM2: [8950] }],
  });
  const households = await db.household.findMany({
    where: { building: { compoundId: compound.id } },
    orderBy: { id: 'asc' },
    include: { ownerships: true },
  });
  const resident = (i: number, phone: string) =>
    createVerifiedResident(db, { personId: households[i]!.ownerships[0]!.personId, phone, password: 'pw', householdId: households[i]!.id });
  const branchOrg = await createPartyOrg(db, {
    kind: 'COMPOUND_BRANCH',
    name: '北苑党支部',
    communityId: jinyang.id,
    compoundId: compound.id,
  });
  const member = await resident(0, '13881000001');
  await registerPartyMember(db, { personId: member.personId, partyOrgId: branchOrg.id });
  const neighbour = await resident(1, '13881000002');
  const liaison = await resident(2, '13881000003');
  const other = await db.community.findFirstOrThrow({ where: { id: { not: jinyang.id } } });
  const otherOrg = await createPartyOrg(db, { kind: 'COMMUNITY_COMMITTEE', name: '别处社区党委', communityId: other.id });
  const elsewhere = await createUser(db, { name: '别处党员', phone: '13881000004', password: 'pw', verified: true });
  await registerPartyMember(db, { personId: elsewhere.personId, partyOrgId: otherOrg.id });
  const secretary = await createStaff(db, {
    name: '刘书记',
    phone: '13881000009',
    password: 'pw',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const procs = await proceduresFor(compound.districtId);
  const proc = (code: string) => procs.find((p) => p.code === code)!;
  const by = {
    sec: await byUser(secretary.id, '刘书记'),
    member: await byUser(member.id, '党员'),
    neighbour: await byUser(neighbour.id, '邻居'),
    liaison: await byUser(liaison.id, '联络人'),
    elsewhere: await byUser(elsewhere.id, '别处党员'),
  };
  const raise = async (title: string, code = 'OWNERS_ASSEMBLY') => {
    const { id } = await raiseTopic(by.sec, {
      category: 'OTHER',
      title,
      description: '使用维修资金更换电梯',
      compoundId: compound.id,
      communityId: jinyang.id,
      procedureId: proc(code).id,
      assemblyMatter: code === 'OWNERS_ASSEMBLY' ? 5 : undefined,
    });
    // The neighbour and the member follow it (as reporters of the issues it came from would).
    await db.topicFollower.createMany({ data: [neighbour.id, member.id].map((userId) => ({ topicId: id, userId })) });
    return id;
  };
  return { db, by, proc, raise, liaison, elsewhere, compound, jinyang };
}
beforeAll(async () => {
  w = await setup();
});

const seen = async (by: Parameters<typeof listTopics>[0], id: number) => ({
  page: (await getTopicForViewer(by, id)) !== null,
  list: (await listTopics(by)).some((t) => t.id === id),
});
const inbox = (userId: number, topicId: number) =>
  w.db.notification.findMany({ where: { userId, topicId }, orderBy: { id: 'asc' }, select: { kind: true, title: true } });

describe('party members first: the topic is the party members’ until their view is recorded', () => {
  test('the major-matter procedures offered are version 2, opening with the party-first step', () => {
    expect([w.proc('OWNERS_ASSEMBLY').version, w.proc('FOUR_TWO').version]).toEqual([2, 2]);
    expect((w.proc('OWNERS_ASSEMBLY').steps as { key: string }[])[0]!.key).toBe('partyFirst');
  });

  test('seen by party members and staff only, on every read path; suggestions from members; no word to other followers', async () => {
    const { db, by } = w;
    const id = await w.raise('更换 1 栋电梯');
    expect((await db.topic.findUniqueOrThrow({ where: { id } })).partyOnly).toBe(true);
    expect(await seen(by.member, id)).toEqual({ page: true, list: true });
    expect(await seen(by.sec, id)).toEqual({ page: true, list: true });
    // A resident who follows it, and a party member of another community: as if it did not exist.
    expect(await seen(by.neighbour, id)).toEqual({ page: false, list: false });
    expect(await seen(by.elsewhere, id)).toEqual({ page: false, list: false });
    expect(await refusal(addSuggestion(by.neighbour, id, { stance: 'SUPPORT', body: '同意', anonymous: false }))).toBe('auth.forbidden');
    await addSuggestion(by.member, id, { stance: 'AMEND', body: '先做安全评估', anonymous: false });
    expect((await getTopicForViewer(by.member, id))?.suggestions.map((s) => [s.stance, s.body])).toEqual([['AMEND', '先做安全评估']]);
    // The step cannot be left without the members' view.
    expect(await refusal(advanceTopic(by.sec, id, { type: 'ADVANCE' }))).toBe('topic.gate.PARTY_VIEW');
    expect(await refusal(recordPartyView(by.sec, id, { votesFor: 0, votesAgainst: 0, votesAmend: 0, statement: '' }))).toBe(
      'record.partyViewEmpty',
    );
    await recordPartyView(by.sec, id, { votesFor: 9, votesAgainst: 1, votesAmend: 2, statement: '同意，先做安全评估' });
    expect(await inbox(by.neighbour.userId, id)).toEqual([]);
    expect((await inbox(by.member.userId, id)).map((n) => n.kind)).toEqual(['topic.partyView']);
    expect((await getTopicForViewer(by.member, id))?.records.map((r) => [r.kind, r.view])).toEqual([
      ['PARTY_VIEW', { for: 9, against: 1, amend: 2 }],
    ]);
    // The timeline gives the counts as data, worded in the page's language (decision 058), and the statement alone.
    const event = (await getTopicForViewer(by.member, id))?.events.find((e) => e.type === 'PARTY_VIEW');
    expect([event?.message, event?.partyView]).toEqual(['同意，先做安全评估', { for: 9, against: 1, amend: 2 }]);
    // Then it opens to residents, who are told.
    await advanceTopic(by.sec, id, { type: 'ADVANCE' });
    expect((await db.topic.findUniqueOrThrow({ where: { id } })).partyOnly).toBe(false);
    expect(await seen(by.neighbour, id)).toEqual({ page: true, list: true });
    expect(await inbox(by.neighbour.userId, id)).toEqual([{ kind: 'topic.step', title: '更换 1 栋电梯' }]);
  });
});

describe('an issue taken into a party-first topic', () => {
  test('its reporter is told it was taken up, without the title, and cannot open the topic until it opens', async () => {
    const { db, by, compound, jinyang } = w;
    const parking = await db.issueCategory.findFirstOrThrow({ where: { code: 'PARKING', districtId: null } });
    const issue = await raiseIssue(by.neighbour, {
      categoryId: parking.id,
      title: '电动车楼道充电',
      description: '楼道里有人飞线充电，很危险',
      compoundId: compound.id,
      anonymous: false,
      idempotencyKey: 'party-first-issue',
    });
    const { id } = await raiseTopic(by.sec, {
      category: 'OTHER',
      title: '集中充电棚建设',
      description: '使用公共收益建设充电棚',
      compoundId: compound.id,
      communityId: jinyang.id,
      procedureId: w.proc('OWNERS_ASSEMBLY').id,
      assemblyMatter: 5,
      issueIds: [issue.id],
    });
    const told = await db.notification.findMany({ where: { userId: by.neighbour.userId, issueId: issue.id, kind: 'issue.takenUp' } });
    expect(told.map((n) => n.body)).toEqual(['议题（党员先议阶段）']);
    const events = await db.issueEvent.findMany({ where: { issueId: issue.id, type: 'TAKEN_UP' } });
    expect(events.map((e) => e.message)).toEqual([`#${id} 议题（党员先议阶段）`]);
    expect(await seen(by.neighbour, id)).toEqual({ page: false, list: false });

    // Withdrawn while still party-first (review): the reporter's issue goes back to work, told without the title or reason.
    await advanceTopic(by.sec, id, { type: 'WITHDRAW', reason: '集中充电棚选址在3栋旁，业主有意见' });
    const said = [
      ...(await db.issueEvent.findMany({ where: { issueId: issue.id } })).map((e) => e.message ?? ''),
      ...(await db.notification.findMany({ where: { userId: by.neighbour.userId } })).map((n) => `${n.title} ${n.body ?? ''}`),
    ].join('\n');
    expect(said).not.toContain('集中充电棚');
    expect(said).toContain('议题（党员先议阶段）已撤回');
  });
});

describe('the 协商联络人 runs the steps of the one topic it was appointed to', () => {
  test('appointed by the secretary; sees and runs topic A in its party-first step; not topic B; one at a time; revocable; audited', async () => {
    const { db, by } = w;
    const a = await w.raise('楼道改造');
    const b = await w.raise('停车管理', 'SEVEN_STEP');
    expect(await refusal(recordPartyView(by.liaison, a, { votesFor: 3, votesAgainst: 0, votesAmend: 0, statement: '同意' }))).toBe(
      'auth.forbidden',
    );
    expect(await refusal(appointLiaison(by.sec, a, w.elsewhere.id))).toBe('topic.liaisonOutside');
    expect(await refusal(appointLiaison(by.sec, a, by.sec.userId))).toBe('topic.liaisonSelf');
    await appointLiaison(by.sec, a, by.liaison.userId);
    expect(await refusal(appointLiaison(by.sec, a, by.member.userId))).toBe('topic.liaisonTaken');
    expect(await seen(by.liaison, a)).toEqual({ page: true, list: true });
    expect(await refusal(appointLiaison(by.liaison, b, by.liaison.userId))).toBe('topic.notYourStep');
    expect(await refusal(revokeLiaison(by.liaison, a))).toBe('topic.notYourStep');
    await recordPartyView(by.liaison, a, { votesFor: 3, votesAgainst: 0, votesAmend: 0, statement: '同意' });
    await advanceTopic(by.liaison, a, { type: 'ADVANCE' });
    expect((await db.topic.findUniqueOrThrow({ where: { id: a } })).stepIndex).toBe(1);
    // Topic B: the same place, the same person, no standing.
    expect(await refusal(advanceTopic(by.liaison, b, { type: 'ADVANCE' }))).toBe('topic.notYourStep');
    await revokeLiaison(by.sec, a);
    expect(await refusal(advanceTopic(by.liaison, a, { type: 'ADVANCE' }))).toBe('topic.notYourStep');
    const audit = await db.auditLog.findMany({
      where: { entityType: 'Topic', entityId: String(a), action: { contains: 'Liaison' } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((r) => r.action)).toEqual(['topic.appointLiaison', 'topic.revokeLiaison']);
  });

  test('two advances at once (secretary and liaison) move the topic one step; two appointments at once leave one liaison', async () => {
    const { db, by } = w;
    const id = await w.raise('外墙修缮');
    const [x, y] = await Promise.all(
      [appointLiaison(by.sec, id, by.liaison.userId), appointLiaison(by.sec, id, by.member.userId)].map(refusal),
    );
    expect([x, y].sort()).toEqual(['no refusal', 'topic.liaisonTaken']);
    const liaisonId = (await db.topic.findUniqueOrThrow({ where: { id } })).liaisonUserId!;
    const liaison = liaisonId === by.liaison.userId ? by.liaison : by.member;
    await recordPartyView(by.sec, id, { votesFor: 5, votesAgainst: 0, votesAmend: 1, statement: '同意' });
    const r = await Promise.all(
      [advanceTopic(by.sec, id, { type: 'ADVANCE' }), advanceTopic(liaison, id, { type: 'ADVANCE' })].map(refusal),
    );
    expect(r.sort()).toEqual(['no refusal', 'topic.movedOn']);
    expect((await db.topic.findUniqueOrThrow({ where: { id } })).stepIndex).toBe(1);
    expect(await db.topicEvent.count({ where: { topicId: id, type: 'ADVANCED' } })).toBe(1);
  });
});

describe('meetings do not carry a party-first topic to those outside it (review)', () => {
  test("an owners' committee chair neither sees it among agenda choices nor adds it; staff add it to a party day only", async () => {
    const { db, by, compound, jinyang } = w;
    const id = await w.raise('电梯加装（党员先议）');
    const chairPerson = (await db.user.findUniqueOrThrow({ where: { id: by.neighbour.userId } })).personId;
    await createBody(db, {
      kind: 'OWNERS_COMMITTEE',
      name: '北苑业委会',
      communityId: jinyang.id,
      compoundId: compound.id,
      memberIds: [chairPerson],
    });
    const chair = await byUser(by.neighbour.userId, '业委会主任');
    const meeting = (kind: 'OWNERS_COMMITTEE' | 'PARTY_DAY') =>
      createMeeting(db, {
        kind,
        title: kind,
        communityId: jinyang.id,
        compoundId: compound.id,
        startsAt: new Date(Date.now() + 86_400_000),
        minutes: 60,
        location: '活动室',
        createdById: by.sec.userId,
      });
    const committee = await meeting('OWNERS_COMMITTEE');
    const view = (await getMeetingView(chair, committee.id))!;
    expect((await organiserChoices(view, chair))?.topics.map((t) => t.id)).not.toContain(id);
    expect(await refusal(addAgendaItem(chair, committee.id, { title: '电梯', topicId: id }))).toBe('auth.forbidden');
    // The secretary may read it, but a committee meeting would invite its non-party followers: only a party day takes it.
    expect(await refusal(addAgendaItem(by.sec, committee.id, { title: '电梯', topicId: id }))).toBe('meeting.topicPartyFirst');
    const partyDay = await meeting('PARTY_DAY');
    await addAgendaItem(by.sec, partyDay.id, { title: '党员先议：电梯加装', topicId: id });
    // No guests from the topic: its followers include residents outside the party.
    expect(await db.meetingInvite.count({ where: { meetingId: partyDay.id, personId: chairPerson } })).toBe(0);
  });
});
