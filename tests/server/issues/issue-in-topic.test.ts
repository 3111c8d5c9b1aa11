import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Prisma } from '@/generated/prisma/client';
import { seedLongtangliang } from '../../../prisma/seed/longtangliang';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { ensureIssueCategories } from '@/server/issues/categories';
import { runEscalationPass } from '@/server/issues/escalation-pass';
import { raiseIssue } from '@/server/issues/raise-issue';
import { listInbox, listWorkQueue } from '@/server/issues/read-issues';
import { anonymousFollowers } from '@/server/people/anonymity';
import { figureWhere, type TDrillFigure } from '@/server/stats/sql';
import { advanceTopic } from '@/server/topics/advance-topic';
import { ensureProcedures } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { getTopicForViewer, listTopics } from '@/server/topics/read-topic';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { NameSource } from '../../factories/names';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

// Issue 19 item 4: an issue taken up as a topic stops its clock, is counted as answered, and closes through
// the issue state machine when the topic ends, its reporters (anonymous ones unnamed) asked to rate.
let w: Awaited<ReturnType<typeof setup>>;
const HOUR = 3_600_000;

async function setup() {
  const db = testDb();
  process.env.YISHI_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'yishi-in-topic-'));
  await ensureIssueCategories(db);
  await ensureProcedures(db);
  const { compoundId } = await seedLongtangliang(db as never, new NameSource(11));
  const compound = await db.compound.findUniqueOrThrow({
    where: { id: compoundId },
    include: { buildings: { include: { households: { include: { ownerships: true } } } } },
  });
  const households = compound.buildings.flatMap((b) => b.households);
  const resident = async (i: number, name: string, phone: string) => {
    const h = households[40 + i]!;
    await db.person.update({ where: { id: h.ownerships[0]!.personId }, data: { name, phone } });
    return createVerifiedResident(db, { personId: h.ownerships[0]!.personId, phone, password: 'x-pass-1234', householdId: h.id });
  };
  const named = await resident(0, '实名反映人', '13871000001');
  const hidden = await resident(1, '匿名者甲乙', '13871000002');
  const staff = (name: string, phone: string, role: 'COMMUNITY_SECRETARY' | 'GRID_WORKER') =>
    createStaff(db, { name, phone, password: 'staff-pass-1', role, placeLevel: 'COMMUNITY', placeId: compound.communityId });
  const secretary = await staff('议书记', '13871000010', 'COMMUNITY_SECRETARY');
  const grid = await staff('网格员丁', '13871000011', 'GRID_WORKER');
  const parking = await db.issueCategory.findFirstOrThrow({ where: { code: 'PARKING', districtId: null } });
  // A short procedure of the district (two steps, no gates), so that a topic can end in a test.
  const quick = await db.procedure.create({
    data: {
      code: 'QUICK_TEST',
      districtId: compound.districtId,
      nameZh: '快速议事',
      nameEn: 'Quick',
      steps: ['raise', 'reportBack'].map((key) => ({
        key,
        actors: ['COMMUNITY_STAFF', 'BRANCH'],
        activity: 'NONE',
        gates: [],
        days: 7,
        onLeave: [],
      })),
    },
  });
  return { db, compound, named, hidden, secretary, grid, parking, quick };
}
beforeAll(async () => {
  w = await setup();
});
afterAll(() => rmSync(process.env.YISHI_DATA_DIR!, { recursive: true, force: true }));

async function twoIssues(key: string) {
  const report = async (userId: number, anonymous: boolean) =>
    raiseIssue(await byUser(userId), {
      categoryId: w.parking.id,
      title: `停车乱 ${key}`,
      description: '晚上车停满消防通道',
      compoundId: w.compound.id,
      anonymous,
      idempotencyKey: `${key}-${userId}`,
    });
  return [await report(w.named.id, false), await report(w.hidden.id, true)].map((i) => i.id);
}
const topicFrom = async (issueIds: number[], title = '停车秩序', key?: string) =>
  raiseTopic(await byUser(w.secretary.id, '议书记'), {
    category: 'OTHER',
    title,
    description: '居民反映停车乱',
    compoundId: w.compound.id,
    communityId: w.compound.communityId,
    procedureId: w.quick.id,
    issueIds,
    idempotencyKey: key,
  });
const count = async (f: TDrillFigure, ids: number[], now = new Date()) =>
  (
    await w.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Issue" i WHERE ${figureWhere(f, now)} AND i.id IN (${Prisma.join(ids)})`
  )[0]!.n;

describe('taking issues up as a topic', () => {
  test('acknowledges them, moves them IN_TOPIC, and their reporters follow the topic, the anonymous one unnamed', async () => {
    const ids = await twoIssues('a');
    const { id: topicId } = await topicFrom(ids);
    const issues = await w.db.issue.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    expect(issues.map((i) => [i.state, i.topicId, i.acknowledgedAt !== null])).toEqual([
      ['IN_TOPIC', topicId, true],
      ['IN_TOPIC', topicId, true],
    ]);
    const events = await w.db.issueEvent.findMany({ where: { issueId: { in: ids }, type: 'TAKEN_UP' } });
    expect(events.map((e) => [e.fromState, e.toState])).toEqual([
      ['SUBMITTED', 'IN_TOPIC'],
      ['SUBMITTED', 'IN_TOPIC'],
    ]);
    expect(await w.db.auditLog.count({ where: { action: 'issue.takenUp', entityId: { in: ids.map(String) } } })).toBe(2);
    // Both reporters follow the topic; the anonymous one is known to it only as 匿名居民.
    for (const u of [w.named.id, w.hidden.id]) expect((await listTopics(await byUser(u))).map((t) => t.id)).toContain(topicId);
    expect([...(await anonymousFollowers(w.db, topicId))]).toEqual([w.hidden.id]);
    const seen = JSON.stringify(await getTopicForViewer(await byUser(w.secretary.id), topicId));
    expect(seen).not.toContain('匿名者甲乙');
    expect(seen).not.toContain('13871000002');
  });

  test('stops their clock: no reminder, no escalation, out of the work queue, not overdue, answered', async () => {
    const ids = await twoIssues('b');
    await topicFrom(ids, '停车秩序 b');
    const later = new Date(Date.now() + 30 * 24 * HOUR);
    await runEscalationPass(new Date(Date.now() + 23 * HOUR));
    await runEscalationPass(later);
    const after = await w.db.issue.findMany({ where: { id: { in: ids } }, select: { level: true, remindedAt: true, state: true } });
    expect(after).toEqual(ids.map(() => ({ level: 'COMPOUND', remindedAt: null, state: 'IN_TOPIC' })));
    expect(await w.db.issueEvent.count({ where: { issueId: { in: ids }, type: 'ESCALATE' } })).toBe(0);
    const queue = await listWorkQueue(await byUser(w.grid.id));
    expect(queue.map((i) => i.id)).not.toEqual(expect.arrayContaining([ids[0]]));
    // The dashboards: not open work, not overdue, acknowledged on time, not (yet) due for resolution.
    const figures = ['open', 'overdue', 'ackDue', 'ackOnTime', 'ackLate', 'resolveDue', 'unresolved'] as const;
    const counted = await Promise.all(figures.map((f) => count(f, ids, later)));
    expect(Object.fromEntries(figures.map((f, i) => [f, counted[i]]))).toEqual({
      open: 0,
      overdue: 0,
      ackDue: 2,
      ackOnTime: 2,
      ackLate: 0,
      resolveDue: 0,
      unresolved: 0,
    });
  });

  test('two topics raised from the same issue at once: one takes it up, once', async () => {
    const [id] = await twoIssues('c');
    const results = await Promise.all([topicFrom([id!], '甲', 'race-1'), topicFrom([id!], '乙', 'race-2')].map(refusal));
    expect(results.sort()).toEqual(['no refusal', 'topic.issueTaken']);
    expect(await w.db.issueEvent.count({ where: { issueId: id!, type: 'TAKEN_UP' } })).toBe(1);
    const issue = await w.db.issue.findUniqueOrThrow({ where: { id: id! } });
    expect(await w.db.topic.count({ where: { id: issue.topicId! } })).toBe(1);
    expect(await w.db.topic.count({ where: { title: { in: ['甲', '乙'] } } })).toBe(1);
  });
});

describe('when the topic ends', () => {
  test('its issues are resolved through the state machine and their reporters asked to rate, once though two finish it at once', async () => {
    const ids = await twoIssues('d');
    const { id: topicId } = await topicFrom(ids, '停车秩序 d');
    const sec = await byUser(w.secretary.id, '议书记');
    await advanceTopic(sec, topicId, { type: 'ADVANCE' });
    const both = await Promise.all(
      [advanceTopic(sec, topicId, { type: 'ADVANCE' }), advanceTopic(sec, topicId, { type: 'ADVANCE' })].map(refusal),
    );
    expect(both.sort()).toEqual(['no refusal', 'topic.movedOn']);
    const issues = await w.db.issue.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    expect(issues.map((i) => [i.state, i.resolvedAt !== null])).toEqual([
      ['RESOLVED', true],
      ['RESOLVED', true],
    ]);
    const done = await w.db.issueEvent.findMany({ where: { issueId: { in: ids }, type: 'TOPIC_DONE' } });
    expect(done.map((e) => [e.fromState, e.toState, e.actorUserId])).toEqual([
      ['IN_TOPIC', 'RESOLVED', null],
      ['IN_TOPIC', 'RESOLVED', null],
    ]);
    expect(await w.db.auditLog.count({ where: { action: 'issue.topicDone', entityId: { in: ids.map(String) } } })).toBe(2);
    for (const u of [w.named.id, w.hidden.id])
      expect((await listInbox(u)).items.filter((n) => n.kind === 'issue.rate').map((n) => n.issueId)).toHaveLength(1);
    // The reporters rate as on any resolved issue; the anonymous one's rating names nobody.
    await actOnIssue(await byUser(w.named.id, '实名反映人'), ids[0]!, { type: 'RATE', rating: 'SATISFIED' });
    await actOnIssue(await byUser(w.hidden.id, '匿名者甲乙'), ids[1]!, { type: 'RATE', rating: 'BASICALLY_SATISFIED' });
    const rated = await w.db.issue.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' }, select: { state: true } });
    expect(rated.map((i) => i.state)).toEqual(['CLOSED', 'CLOSED']);
    const rating = await w.db.issueEvent.findFirstOrThrow({ where: { issueId: ids[1]!, type: 'RATE' } });
    expect([rating.actorUserId, rating.actorLabel]).toEqual([null, '匿名居民']);
    expect(await count('resolved', ids)).toBe(2);
  });

  test('a withdrawn topic hands its issues back to their handlers, acknowledged, with fresh deadlines', async () => {
    const ids = await twoIssues('e');
    const { id: topicId } = await topicFrom(ids, '停车秩序 e');
    const before = Date.now();
    await advanceTopic(await byUser(w.secretary.id, '议书记'), topicId, { type: 'WITHDRAW', reason: '并入其他议题' });
    const issues = await w.db.issue.findMany({ where: { id: { in: ids } } });
    for (const i of issues) {
      expect(i.state).toBe('ACKNOWLEDGED');
      expect(i.resolveBy.getTime()).toBeGreaterThan(before);
    }
    expect(await w.db.issueEvent.count({ where: { issueId: { in: ids }, type: 'TOPIC_WITHDRAWN', toState: 'ACKNOWLEDGED' } })).toBe(2);
    expect((await listWorkQueue(await byUser(w.grid.id))).map((i) => i.id)).toEqual(expect.arrayContaining(ids));
  });
});
