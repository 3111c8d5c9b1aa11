import { beforeAll, describe, expect, test } from 'vitest';
import { verifyChain } from '@/server/notices/publish';
import { advanceTopic } from '@/server/topics/advance-topic';
import { openMotion } from '@/server/topics/motions';
import { ensureProcedures } from '@/server/topics/procedures';
import { getTopicForViewer } from '@/server/topics/read-topic';
import { castBallot, closeMotion, configureMotion, motionView, recheckTally } from '@/server/votes/ballots';
import { describeView } from '@/server/votes/describe';
import { createStaff, quickHash } from '../../factories/accounts';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { communityByCode } from '../../factories/territory';
import { createTopicWithHistory } from '../../factories/topics';
import { byUser } from '../accounts/support';
import { testDb } from '../db';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureProcedures(db);
  const jinyang = await communityByCode(db, '510107009003');
  // A 36-member council: 24 for is exactly two thirds.
  const members = await createPeople(db, 36, new NameSource(61), { withPhone: false });
  await createBody(db, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: jinyang.id,
    seats: 36,
    memberIds: members.map((p) => p.id),
  });
  await db.user.createMany({
    data: members.map((p, i) => ({
      phone: `1387${String(i).padStart(7, '0')}`,
      passwordHash: quickHash('x-pass-1234'),
      personId: p.id,
      verifiedAt: new Date(),
    })),
  });
  const users = await db.user.findMany({ where: { personId: { in: members.map((p) => p.id) } }, orderBy: { personId: 'asc' } });
  const secretary = await createStaff(db, {
    name: '刘书记',
    phone: '13879990001',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  return { db, jinyang, users, secretary };
}
beforeAll(async () => {
  w = await setup();
});

/** The roadshow step of a courtyard project, its motion on the 36-member council voted in the app and closed. */
async function decided(yes: number) {
  const { db, jinyang, users, secretary } = w;
  const sec = await byUser(secretary.id, '刘书记');
  const t = await createTopicWithHistory(db, {
    procedureCode: 'COURTYARD_ROADSHOW',
    title: '北苑后门',
    description: 'x',
    communityId: jinyang.id,
    by: { userId: secretary.id, label: '刘书记' },
    stepIndex: 3,
    createdAt: new Date(),
    stepDueAt: new Date(),
  });
  const m = await db.$transaction((tx) =>
    openMotion(
      tx,
      { ...t, assemblyMatter: null },
      3,
      { kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' },
      { kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } },
    ),
  );
  await configureMotion(sec, m.id, {
    mode: 'ELECTRONIC',
    secret: false,
    hideResults: false,
    allowChange: false,
    closesAt: null,
    meetingId: null,
    proxyLimit: 1,
  });
  for (const [i, u] of users.slice(0, 30).entries())
    await castBallot(await byUser(u.id), m.id, i < yes ? 'FOR' : i < 28 ? 'AGAINST' : 'ABSTAIN');
  const closed = await closeMotion(sec, m.id, { confirmed: true, reason: '会议表决结束' });
  return { sec, topicId: t.id, motionId: m.id, closed };
}

describe('results carry everything, wherever they are shown', () => {
  test('24 of 36 (exactly two thirds): the motion page, the timeline (in English on /en) and the notice name rule, body, every count, the least count', async () => {
    const { sec, topicId, motionId } = await decided(24);
    const view = await motionView(sec, motionId, 'en');
    expect(view?.words).toMatchObject({
      voters: 'Voted by: 晋阳社区议事会, 36 on the roster',
      counts: 'For 24, against 4, abstain 2, not voted 6; present 30, absent 6',
      sentence: 'For 24 (24/36), on the roster 36, needs two thirds or more (at least 24): passed',
    });
    const topic = await getTopicForViewer(sec, topicId);
    const event = topic?.events.find((e) => e.type === 'MOTION_RESULT');
    expect(event?.result).toMatchObject({
      rule: 'ROSTER_FRACTION',
      bodyName: '晋阳社区议事会',
      least: 24,
      fraction: { n: 24, d: 36 },
      outcome: 'passed',
    });
    expect(describeView(event!.result!, 'en').sentence).toBe(
      'For 24 (24/36), on the roster 36, needs two thirds or more (at least 24): passed',
    );
    expect(topic?.motions[0]?.view?.counts).toMatchObject({ for: 24, against: 4, abstain: 2, notVoted: 6 });
  });

  test('the decision notice carries the tally hash and where to recheck it; the chain seals it; recheck still works', async () => {
    const { db } = w;
    const { sec, topicId, motionId, closed } = await decided(25);
    await advanceTopic(sec, topicId, { type: 'ADVANCE' });
    const notice = await db.notice.findFirstOrThrow({ where: { topicId, kind: 'DECISION' } });
    const motion = await db.motion.findUniqueOrThrow({ where: { id: motionId } });
    expect(motion.tallyHash).toBe(closed.hash);
    expect(notice.body).toContain(`计票校验码（SHA-256）：${motion.tallyHash}`);
    expect(notice.body).toContain(`/motions/${motionId}`);
    expect(notice.body).toContain('表决机构：晋阳社区议事会，应到 36 人');
    expect(notice.body).toContain('赞成 25，反对 3，弃权 2，未投票 6');
    expect(notice.body).toContain('赞成 25（25/36），应到 36，需三分之二以上（至少 24），通过');
    expect(notice.hash).not.toBeNull();
    expect((await verifyChain(db)).ok).toBe(true);
    expect(await recheckTally(motionId)).toEqual({ same: true, hash: motion.tallyHash });
  });
});
