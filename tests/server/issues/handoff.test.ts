import { beforeAll, describe, expect, test } from 'vitest';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { ensureIssueCategories } from '@/server/issues/categories';
import { addCoHandler, answerConsultation, handOff, openConsultation, recordEstimate, removeCoHandler } from '@/server/issues/handoff';
import { raiseIssue } from '@/server/issues/raise-issue';
import { runEscalationPass } from '@/server/issues/escalation-pass';
import { listInbox } from '@/server/issues/read-issues';
import { getIssueForViewer, listWorkQueue } from '@/server/issues/read-issues';
import { createStaff, createUser, createVerifiedResident, grantRole } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { assignOrganization, createBody, createOrganization } from '../../factories/organisation';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

// Issue 19 item 6 (S3): the branch hands the issue to the property firm, adds the owners' committee, estimates the
// cost and asks the owners of building 3; decision 050.
let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureIssueCategories(db);
  const jinsha = await communityByCode(db, '510502006006');
  const c = await createPopulatedCompound(db, new NameSource(19), {
    communityId: jinsha.id,
    name: '金沙小区',
    buildings: [1, 2, 3].map((n) => ({ name: `${n}栋`, floors: 2, perFloor: 2, areasCentiM2: [9000] })),
  });
  const b3 = c.buildings[2]!;
  const resident = async (i: number, phone: string) =>
    createVerifiedResident(db, { personId: c.owners[i]!.id, phone, password: 'x-pass-1234', householdId: c.households[i]!.id });
  const reporter = await resident(8, '13811190001'); // building 3
  const neighbour = await resident(9, '13811190002'); // building 3
  const building1Owner = await resident(1, '13811190003'); // building 1, on the owners' committee
  const pw = 'staff-pass-1';
  const staff = (name: string, phone: string, role: 'BUILDING_HEAD' | 'BRANCH_SECRETARY', placeId: number) =>
    createStaff(db, { name, phone, password: pw, role, placeLevel: role === 'BUILDING_HEAD' ? 'BUILDING' : 'COMPOUND', placeId });
  const head = await staff('陈德明', '13811190010', 'BUILDING_HEAD', b3.id);
  const secretary = await staff('金沙支部书记', '13811190011', 'BRANCH_SECRETARY', c.compound.id);
  const firm = await createOrganization(db, { kind: 'PROPERTY_FIRM', name: '金沙物业', districtId: c.compound.districtId });
  await assignOrganization(db, {
    organizationId: firm.id,
    relation: 'PROPERTY_SERVICE',
    communityId: jinsha.id,
    compoundId: c.compound.id,
  });
  const firmStaff = await createUser(db, { name: '物业张经理', phone: '13811190012', password: pw, verified: true });
  await db.organizationMember.create({ data: { organizationId: firm.id, personId: firmStaff.personId, title: '项目经理', staff: true } });
  await grantRole(db, firmStaff.id, 'PROPERTY_FIRM_STAFF', 'COMPOUND', c.compound.id);
  const committee = await createBody(db, {
    kind: 'OWNERS_COMMITTEE',
    name: '金沙小区业主委员会',
    communityId: jinsha.id,
    compoundId: c.compound.id,
    memberIds: [c.owners[1]!.id],
  });
  const facilities = await db.issueCategory.findFirstOrThrow({ where: { code: 'FACILITIES' } });
  const as = {
    reporter: await byUser(reporter.id, '报修业主'),
    neighbour: await byUser(neighbour.id, '3栋邻居'),
    member: await byUser(building1Owner.id, '业委会委员'),
    head: await byUser(head.id, '陈德明'),
    secretary: await byUser(secretary.id, '金沙支部书记'),
    firm: await byUser(firmStaff.id, '物业张经理'),
  };
  return { db, c, b3, as, firm, committee, secretary, facilities };
}
beforeAll(async () => {
  w = await setup();
});

let n = 0;
async function acknowledgedIssue() {
  const { id } = await raiseIssue(w.as.reporter, {
    categoryId: w.facilities.id,
    title: '3栋化粪池堵塞',
    description: '污水漫到楼道',
    compoundId: w.c.compound.id,
    buildingId: w.b3.id,
    anonymous: true,
    idempotencyKey: `handoff-${++n}`,
  });
  await actOnIssue(w.as.head, id, { type: 'ACKNOWLEDGE' });
  return id;
}

describe('hand-offs sideways', () => {
  test('head → branch → property firm: the firm handles it, the branch stays on, the clock is the same', async () => {
    const { db, as } = w;
    const id = await acknowledgedIssue();
    const before = await db.issue.findUniqueOrThrow({ where: { id } });
    await handOff(as.head, id, { to: { kind: 'user', userId: w.secretary.id }, keepPrevious: false, note: '报小区党支部' });
    await handOff(as.secretary, id, { to: { kind: 'firm' }, keepPrevious: true, note: '请物业疏通' });
    const after = await db.issue.findUniqueOrThrow({ where: { id }, include: { handlers: true } });
    expect([after.state, after.level, after.acknowledgeBy, after.resolveBy]).toEqual([
      before.state,
      before.level,
      before.acknowledgeBy,
      before.resolveBy,
    ]);
    expect(after.handlers.map((h) => [h.party, h.lead]).sort()).toEqual([
      [`org:${w.firm.id}`, true],
      [`user:${w.secretary.id}`, false],
    ]);
    expect((await listWorkQueue(as.firm)).map((i) => i.id)).toContain(id);
    await actOnIssue(as.firm, id, { type: 'START' });
    // The building head chose not to stay on: no longer the handler, but still a handler of the building by role.
    const view = await getIssueForViewer(as.firm, id);
    expect(view?.events.map((e) => [e.type, e.actor])).toEqual([
      ['SUBMITTED', '匿名居民'],
      ['ACKNOWLEDGE', '陈德明'],
      ['HAND_OFF', '陈德明'],
      ['HAND_OFF', '金沙支部书记'],
      ['START', '物业张经理'],
    ]);
    expect(view?.events.find((e) => e.type === 'HAND_OFF' && e.actor === '金沙支部书记')?.message).toBe('金沙物业：请物业疏通');
    expect(JSON.stringify(view)).not.toContain('报修业主');
  });

  test('a firm-led issue (no assignee) reminds the firm’s accounts before its deadline', async () => {
    const { db, as } = w;
    const id = await acknowledgedIssue();
    await handOff(as.head, id, { to: { kind: 'firm' }, keepPrevious: false });
    const issue = await db.issue.findUniqueOrThrow({ where: { id }, include: { category: true } });
    expect(issue.assigneeUserId).toBeNull();
    await runEscalationPass(new Date(issue.resolveBy.getTime() - (issue.category.remindBeforeMinutes / 2) * 60_000));
    expect((await listInbox(as.firm.userId)).items.filter((n) => n.issueId === id).map((n) => n.kind)).toContain('issue.reminder');
  });

  test('refused on a closed issue, to a person who does not handle issues there, and by someone without standing', async () => {
    const { as } = w;
    const id = await acknowledgedIssue();
    expect(await refusal(handOff(as.neighbour, id, { to: { kind: 'firm' }, keepPrevious: true }))).toBe('auth.forbidden');
    expect(await refusal(handOff(as.head, id, { to: { kind: 'user', userId: as.neighbour.userId }, keepPrevious: true }))).toBe(
      'issue.noSuchHandler',
    );
    await actOnIssue(as.head, id, { type: 'RESOLVE', message: '已疏通' });
    await actOnIssue(as.reporter, id, { type: 'RATE', rating: 'SATISFIED' });
    expect(await refusal(handOff(as.head, id, { to: { kind: 'firm' }, keepPrevious: true }))).toBe('issue.wrongState');
  });
});

describe('co-handlers', () => {
  test('two adds of the owners committee at once store one row; its member sees and acts; removed, refused', async () => {
    const { db, as } = w;
    const id = await acknowledgedIssue();
    expect(await getIssueForViewer(as.member, id)).toBeNull();
    expect(await refusal(actOnIssue(as.member, id, { type: 'START' }))).toBe('auth.forbidden');
    const results = await Promise.all([
      refusal(addCoHandler(as.head, id, { kind: 'committee' })),
      refusal(addCoHandler(as.head, id, { kind: 'committee' })),
    ]);
    expect(results.sort()).toEqual(['issue.coHandlerAlready', 'no refusal']);
    expect(await db.issueHandler.count({ where: { issueId: id } })).toBe(1);
    expect((await listWorkQueue(as.member)).map((i) => i.id)).toContain(id);
    expect((await listWorkQueue(as.member, 'handedToMe')).map((i) => i.id)).toContain(id);
    const view = await getIssueForViewer(as.member, id);
    expect(view?.author?.name).toBe('匿名居民');
    await recordEstimate(as.member, id, { amountFen: 350000, note: '业委会初步估价' });
    await removeCoHandler(as.head, id, `body:${w.committee.id}`);
    expect(await getIssueForViewer(as.member, id)).toBeNull();
    expect(await refusal(recordEstimate(as.member, id, { amountFen: 1, note: '' }))).toBe('auth.forbidden');
    expect((await listWorkQueue(as.member)).map((i) => i.id)).not.toContain(id);
  });

  test('a cost estimate is revised by a new timeline step, never edited', async () => {
    const { as } = w;
    const id = await acknowledgedIssue();
    await recordEstimate(as.head, id, { amountFen: 380000, note: '疏通并更换管道' });
    await recordEstimate(as.head, id, { amountFen: 420000, note: '加装检修口' });
    expect(await refusal(recordEstimate(as.head, id, { amountFen: -5, note: '' }))).toBe('issue.estimateInvalid');
    const view = await getIssueForViewer(as.reporter, id);
    expect(view?.events.filter((e) => e.type === 'ESTIMATE').map((e) => [e.amountFen, e.message])).toEqual([
      [380000, '疏通并更换管道'],
      [420000, '加装检修口'],
    ]);
    expect(view?.estimateFen).toBe(420000);
  });
});

describe('the building consultation', () => {
  test('one answer per owner even at once; a non-owner is refused; the count on the issue; the reporter stays anonymous', async () => {
    const { db, as } = w;
    const id = await acknowledgedIssue();
    expect(await refusal(openConsultation(as.neighbour, id, { question: '同意吗？', hours: 24 }))).toBe('auth.forbidden');
    const { consultationId } = await openConsultation(as.head, id, { question: '是否同意由维修资金列支？', hours: 24 });
    const twice = await Promise.all([
      refusal(answerConsultation(as.neighbour, consultationId, 'AGREE')),
      refusal(answerConsultation(as.neighbour, consultationId, 'DISAGREE')),
    ]);
    expect(twice.sort()).toEqual(['issue.answeredAlready', 'no refusal']);
    expect(await db.issueConsultationAnswer.count({ where: { consultationId } })).toBe(1);
    await answerConsultation(as.reporter, consultationId, 'AGREE');
    expect(await refusal(answerConsultation(as.member, consultationId, 'AGREE'))).toBe('issue.notBuildingOwner');
    expect(await refusal(answerConsultation(as.firm, consultationId, 'AGREE'))).toBe('issue.notBuildingOwner');

    const neighbourView = await getIssueForViewer(as.neighbour, id);
    expect(neighbourView?.consultations[0]).toMatchObject({
      question: '是否同意由维修资金列支？',
      answered: 2,
      myAnswer: expect.any(String),
    });
    const counts = neighbourView!.consultations[0]!.counts;
    expect(counts.AGREE + counts.DISAGREE).toBe(2);
    expect(JSON.stringify(neighbourView)).not.toContain('报修业主');
    expect(neighbourView?.author).toEqual({ name: '匿名居民', phone: null });
    expect(await getIssueForViewer(as.member, id)).toBeNull(); // not an owner of building 3, not a handler

    await db.issueConsultation.update({ where: { id: consultationId }, data: { closesAt: new Date(Date.now() - 1000) } });
    expect(await refusal(answerConsultation(as.neighbour, consultationId, 'NO_VIEW'))).toBe('issue.consultationClosed');
  });
});

describe('what a handler party keeps (review)', () => {
  test('above the compound a co-handler reads but no longer acts; a firm whose contract ended neither reads nor acts', async () => {
    const { db, as, firm } = w;
    const id = await acknowledgedIssue();
    await handOff(as.head, id, { to: { kind: 'firm' }, keepPrevious: true });
    await addCoHandler(as.head, id, { kind: 'committee' });
    // Escalated to the community (the firm missed the deadline): the community handles it now.
    await db.issue.update({ where: { id }, data: { level: 'COMMUNITY' } });
    const above = await getIssueForViewer(as.member, id);
    expect(above?.viewer).toMatchObject({ isStaff: true, mayAct: false, mayMerge: false });
    expect(await refusal(actOnIssue(as.member, id, { type: 'START' }))).toBe('auth.forbidden');
    await db.issue.update({ where: { id }, data: { level: 'COMPOUND' } });
    // At its compound the committee acts on it (the forms are offered), but merging stays with those handling issues there.
    expect((await getIssueForViewer(as.member, id))?.viewer).toMatchObject({ mayAct: true, mayMerge: false });
    // The firm's contract with the compound ended yesterday (its staff grants end with it, decision 045).
    const yesterday = new Date(Date.now() - 86_400_000);
    await db.organizationAssignment.updateMany({ where: { organizationId: firm.id }, data: { endsOn: yesterday } });
    await db.roleGrant.updateMany({ where: { userId: as.firm.userId }, data: { revokedAt: new Date(), endsOn: yesterday } });
    const former = await byUser(as.firm.userId, '物业张经理');
    expect(await getIssueForViewer(former, id)).toBeNull();
    expect(await refusal(actOnIssue(former, id, { type: 'START' }))).toBe('auth.forbidden');
    expect((await listWorkQueue(former)).map((i) => i.id)).not.toContain(id);
  });
});
