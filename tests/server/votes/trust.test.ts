/**
 * Issue 14: what surrounds the vote arithmetic — secret ballots nobody can link, denominators from the roster,
 * owners' notice periods, early closing, invariants the database enforces, a closing job that never fails silently.
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import {
  castBallot,
  closeDueMotions,
  closeMotion,
  configureMotion,
  enterPaperBallot,
  motionView,
  recheckTally,
  stuckMotions,
} from '@/server/votes/ballots';
import { ensureProcedures } from '@/server/topics/procedures';
import { openMotion, recordMotionTally } from '@/server/topics/motions';
import { proceduresFor } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { today } from '@/server/today';
import { createStaff, quickHash } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { createTopicWithHistory } from '../../factories/topics';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureProcedures(db);
  const names = new NameSource(41);
  const jinyang = await communityByCode(db, '510107009003');
  const members = await createPeople(db, 20, names, { withPhone: false });
  await createBody(db, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: jinyang.id,
    seats: 20,
    memberIds: members.map((p) => p.id),
  });
  const hash = quickHash('x-pass-1234');
  await db.user.createMany({
    data: members.map((p, i) => ({
      phone: `1387${String(i).padStart(7, '0')}`,
      passwordHash: hash,
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
  // 10 owners of 100.00 m² each in 1栋, 10 more in 2栋.
  const b = { floors: 5, perFloor: 2, areasCentiM2: [10_000] };
  const compound = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '信任小区',
    buildings: [
      { name: '1栋', ...b },
      { name: '2栋', ...b },
    ],
  });
  const other = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '别处小区',
    buildings: [{ name: '9栋', floors: 1, perFloor: 1, areasCentiM2: [5_000] }],
  });
  return { db, jinyang, users, secretary, compound, other };
}
beforeAll(async () => {
  w = await setup();
});

type TOpts = { owners?: boolean; buildings?: string[] };
async function motionAtDecide({ owners = false, buildings }: TOpts = {}) {
  const { db, jinyang, secretary, compound } = w;
  const by = { userId: secretary.id, label: '刘书记' };
  const t = await createTopicWithHistory(db, {
    procedureCode: owners ? 'OWNERS_ASSEMBLY' : 'COURTYARD_ROADSHOW',
    title: owners ? '维修资金' : '路演',
    description: 'x',
    communityId: jinyang.id,
    compoundId: owners ? compound.compound.id : undefined,
    by,
    stepIndex: owners ? 2 : 3,
    createdAt: new Date(),
    stepDueAt: new Date(),
    assemblyMatter: owners ? 5 : undefined,
  });
  const ownersBuildingIds = buildings
    ? (await db.building.findMany({ where: { compoundId: compound.compound.id, name: { in: buildings } } })).map((x) => x.id)
    : [];
  if (ownersBuildingIds.length) await db.topic.update({ where: { id: t.id }, data: { ownersBuildingIds } });
  const voters = owners ? ({ kind: 'OWNERS' } as const) : ({ kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' } as const);
  const rule = owners
    ? ({ kind: 'OWNERS_ASSEMBLY', matter: 9 } as const)
    : ({ kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } } as const);
  const m = await db.$transaction((tx) =>
    openMotion(tx, { ...t, assemblyMatter: owners ? 5 : null, ownersBuildingIds }, t.stepIndex, voters, rule),
  );
  return { t, m };
}
const sec = () => byUser(w.secretary.id, '刘书记');
const settings = {
  mode: 'ELECTRONIC',
  secret: false,
  hideResults: false,
  allowChange: false,
  closesAt: null,
  meetingId: null,
  proxyLimit: 1,
} as const;
const noticeOver = (id: number) => w.db.motion.update({ where: { id }, data: { votingFrom: new Date(Date.now() - 60_000) } });

describe('1. secret ballots cannot be linked to their voters, by anyone with the whole database', () => {
  test('the joins an attacker would try (xmin, ctid, id order, timestamps) learn nothing; the tally is right', async () => {
    const { db, users } = w;
    const { m } = await motionAtDecide();
    await configureMotion(await sec(), m.id, { ...settings, secret: true });
    // Cast in a known order: 12 for, then 8 against.
    for (const [i, u] of users.entries()) await castBallot(await byUser(u.id), m.id, i < 12 ? 'FOR' : 'AGAINST');
    // While open: no choice anywhere in the clear; each sealed choice the same size, two equal choices differ.
    expect(await db.secretChoice.count({ where: { motionId: m.id } })).toBe(0);
    const open = await db.ballot.findMany({ where: { motionId: m.id }, orderBy: { castAt: 'asc' } });
    expect(open.every((b) => b.choice === null && b.sealed?.length === 29)).toBe(true);
    expect(Buffer.from(open[0]!.sealed!).equals(Buffer.from(open[1]!.sealed!))).toBe(false);

    const r = await closeMotion(await sec(), m.id);
    expect(r.passed).toBe(false); // 12 of 20 is less than two thirds
    expect((await db.motion.findUniqueOrThrow({ where: { id: m.id } })).tally).toMatchObject({ for: 12, against: 8, abstain: 0 });
    expect(await db.ballot.count({ where: { motionId: m.id, sealed: { not: null } } })).toBe(0);
    const castOrder = (await db.ballot.findMany({ where: { motionId: m.id }, orderBy: { castAt: 'asc' } })).map((_, i) =>
      i < 12 ? 'FOR' : 'AGAINST',
    );

    // xmin: every secret choice was written by one transaction, so joining on it pairs all with all or none.
    const [x] = await db.$queryRaw<{ n: bigint; joined: bigint }[]>`
      SELECT count(DISTINCT s.xmin::text) AS n,
             (SELECT count(*) FROM "SecretChoice" s2 JOIN "Ballot" b ON b.xmin::text = s2.xmin::text WHERE s2."motionId" = ${m.id} AND b."motionId" = ${m.id}) AS joined
      FROM "SecretChoice" s WHERE s."motionId" = ${m.id}`;
    expect(Number(x!.n)).toBe(1);
    expect([0, 400]).toContain(Number(x!.joined));
    // Row position and id order: not the order the ballots came in (a shuffle keeps it with p = 1/125,970).
    const byCtid = await db.$queryRaw<
      { choice: string }[]
    >`SELECT choice::text FROM "SecretChoice" WHERE "motionId" = ${m.id} ORDER BY ctid`;
    const byId = await db.$queryRaw<{ choice: string }[]>`SELECT choice::text FROM "SecretChoice" WHERE "motionId" = ${m.id} ORDER BY id`;
    expect(byCtid.map((c) => c.choice)).not.toEqual(castOrder);
    expect(byId.map((c) => c.choice)).not.toEqual(castOrder);
    expect(byCtid.map((c) => c.choice).sort()).toEqual([...castOrder].sort());
    // No time, no sequence: the table holds only a random id, the motion and the choice.
    const cols = await db.$queryRaw<
      { column_name: string }[]
    >`SELECT column_name FROM information_schema.columns WHERE table_name = 'SecretChoice' ORDER BY column_name`;
    expect(cols.map((c) => c.column_name)).toEqual(['choice', 'id', 'motionId']);
    expect(byId.length).toBe(20);
    // Anyone may still recheck the stored tally.
    expect(await recheckTally(m.id)).toMatchObject({ same: true });
  });
});

describe('2. owners counted by a show of hands: the denominators are the frozen roster, never the form', () => {
  test('10 owners / 1,000 m²: 3 taking part fail the turnout; counts above the roster are refused; not before the notice period', async () => {
    const { db } = w;
    const { t, m } = await motionAtDecide({ owners: true, buildings: ['1栋'] });
    const s = await sec();
    const three = { kind: 'OWNERS', headsParticipating: 3, areaParticipating: 30_000, headsFor: 3, areaFor: 30_000 } as const;
    // A written consultation is counted from its ballots: a typed count cannot decide it.
    expect(await refusal(recordMotionTally(s, t.id, three))).toBe('vote.countsOnlyForHands');
    await configureMotion(s, m.id, { ...settings, mode: 'SHOW_OF_HANDS' });
    expect(await refusal(recordMotionTally(s, t.id, three))).toBe('vote.notYet');
    await noticeOver(m.id);
    const over = { kind: 'OWNERS', headsParticipating: 11, areaParticipating: 110_000, headsFor: 11, areaFor: 110_000 } as const;
    expect(await refusal(recordMotionTally(s, t.id, over))).toBe('topic.tallyOverRoster');
    const r = await recordMotionTally(s, t.id, three);
    expect(r.passed).toBe(false);
    const stored = await db.motion.findUniqueOrThrow({ where: { id: m.id } });
    expect(stored.tally).toMatchObject({ headsTotal: 10, areaTotal: 100_000, headsParticipating: 3 });
  });
});

describe('4. owners’ votes keep their periods', () => {
  test('no ballot and no count before 15 clear days after the announcement; the page says from when', async () => {
    const { db } = w;
    const { t, m } = await motionAtDecide({ owners: true });
    const from = new Date(`${today(new Date(Date.now() + 15 * 86_400_000))}T00:00:00+08:00`);
    expect(m.votingFrom?.toISOString()).toBe(from.toISOString());
    const s = await sec();
    const voter = (await db.motionVoter.findFirstOrThrow({ where: { motionId: m.id } })).voterKey;
    await configureMotion(s, m.id, { ...settings, mode: 'WRITTEN', closesAt: new Date(from.getTime() + 86_400_000) });
    expect(await refusal(enterPaperBallot(s, m.id, { voterKey: voter, choice: 'FOR' }))).toBe('vote.notYet');
    expect(t.id).toBeGreaterThan(0);
    // Even straight into the database: the trigger refuses a ballot before the period is over.
    await expect(
      db.$executeRaw`INSERT INTO "Ballot" ("motionId", "voterKey", choice, channel) VALUES (${m.id}, ${voter}, 'FOR', 'PAPER')`,
    ).rejects.toThrow();
    const closesTooSoon = { ...settings, mode: 'WRITTEN', closesAt: new Date(from.getTime() - 3_600_000) } as const;
    expect(await refusal(configureMotion(s, m.id, closesTooSoon))).toBe('vote.closesBeforeVoting');
    expect((await motionView(s, m.id))?.votingFrom?.toISOString()).toBe(from.toISOString());
  });

  test('a written consultation runs to its end unless every owner voted; closing early needs a confirmation and a reason', async () => {
    const { db } = w;
    const { m } = await motionAtDecide({ owners: true, buildings: ['2栋'] });
    await noticeOver(m.id);
    const s = await sec();
    await configureMotion(s, m.id, { ...settings, mode: 'WRITTEN', closesAt: new Date(Date.now() + 15 * 86_400_000) });
    const roll = await db.motionVoter.findMany({ where: { motionId: m.id } });
    expect(roll).toHaveLength(10); // the owners concerned: 2栋 only
    await enterPaperBallot(s, m.id, { voterKey: roll[0]!.voterKey, choice: 'FOR' });
    expect(await refusal(closeMotion(s, m.id, { confirmed: true, reason: '业主都已经同意了' }))).toBe('vote.writtenRunsToEnd');
    for (const r of roll.slice(1)) await enterPaperBallot(s, m.id, { voterKey: r.voterKey, choice: 'FOR' });
    expect(await refusal(closeMotion(s, m.id, { reason: '全体业主均已表决' }))).toBe('vote.confirmEarlyClose');
    expect(await refusal(closeMotion(s, m.id, { confirmed: true, reason: '好' }))).toBe('vote.earlyCloseReason');
    expect((await closeMotion(s, m.id, { confirmed: true, reason: '全体业主均已表决' })).passed).toBe(true);
    const closed = await db.motion.findUniqueOrThrow({ where: { id: m.id } });
    expect([closed.closeReason, (closed.tally as { headsTotal: number }).headsTotal]).toEqual(['全体业主均已表决', 10]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'motion.close', entityId: String(m.id) } });
    expect(audit.after).toMatchObject({ earlyCloseReason: '全体业主均已表决' });
  });
});

describe('4. the owners concerned (相关业主)', () => {
  test('a topic raised for one building’s lift keeps that building; a building elsewhere is refused', async () => {
    const { db, compound, jinyang } = w;
    const c = compound.compound;
    const proc = (await proceduresFor(c.districtId)).find((p) => p.code === 'OWNERS_ASSEMBLY')!.id;
    const b1 = await db.building.findFirstOrThrow({ where: { compoundId: c.id, name: '1栋' } });
    const elsewhere = await db.building.findFirstOrThrow({ where: { compoundId: w.other.compound.id } });
    const input = {
      category: 'FACILITIES',
      title: '1栋电梯更换',
      description: '使用 1 栋维修资金',
      compoundId: c.id,
      communityId: jinyang.id,
      procedureId: proc,
      assemblyMatter: 5,
    };
    expect(await refusal(raiseTopic(await sec(), { ...input, ownersBuildingIds: [elsewhere.id] }))).toBe('topic.buildingOutside');
    const { id } = await raiseTopic(await sec(), { ...input, ownersBuildingIds: [b1.id] });
    const t = await db.topic.findUniqueOrThrow({ where: { id } });
    expect(t.ownersBuildingIds).toEqual([b1.id]);
    const m = await db.$transaction((tx) => openMotion(tx, t, 2, { kind: 'OWNERS' }, { kind: 'OWNERS_ASSEMBLY', matter: 5 }));
    const roll = await db.motionVoter.aggregate({ where: { motionId: m.id }, _count: true, _sum: { areaCentiM2: true } });
    expect([roll._count, roll._sum.areaCentiM2]).toEqual([10, 100_000]);
    expect(m.voters).toEqual({ kind: 'OWNERS', buildingIds: [b1.id] });
  });
});

describe('9–10. invariants the database enforces', () => {
  test('a count and a change of how the vote is taken at the same moment: never both', async () => {
    const { db } = w;
    for (let i = 0; i < 5; i++) {
      const { t, m } = await motionAtDecide({ owners: true });
      await noticeOver(m.id);
      const s = await sec();
      await configureMotion(s, m.id, { ...settings, mode: 'SHOW_OF_HANDS' });
      const count = { kind: 'OWNERS', headsParticipating: 20, areaParticipating: 200_000, headsFor: 20, areaFor: 200_000 } as const;
      const written = { ...settings, mode: 'WRITTEN', closesAt: new Date(Date.now() + 20 * 86_400_000) } as const;
      const [a, b] = await Promise.allSettled([configureMotion(s, m.id, written), recordMotionTally(s, t.id, count)]);
      expect([a.status, b.status]).not.toEqual(['fulfilled', 'fulfilled']);
      const after = await db.motion.findUniqueOrThrow({ where: { id: m.id } });
      // Either the count decided a show of hands, or the vote became written and is still open.
      expect([after.mode, after.status === 'OPEN']).toEqual(b.status === 'fulfilled' ? ['SHOW_OF_HANDS', false] : ['WRITTEN', true]);
    }
  });

  test('two counts at once: one decides, the other is told', async () => {
    const { t, m } = await motionAtDecide({ owners: true });
    await noticeOver(m.id);
    const s = await sec();
    await configureMotion(s, m.id, { ...settings, mode: 'SHOW_OF_HANDS' });
    const count = { kind: 'OWNERS', headsParticipating: 20, areaParticipating: 200_000, headsFor: 20, areaFor: 200_000 } as const;
    const both = await Promise.allSettled([recordMotionTally(s, t.id, count), recordMotionTally(s, t.id, count)]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(both.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual([
      'topic.motionDecided',
    ]);
  });

  test('two configurations and ballots at once: the configuration is decided under the lock', async () => {
    const { db, users } = w;
    const { m } = await motionAtDecide();
    await configureMotion(await sec(), m.id, settings);
    const results = await Promise.allSettled([
      castBallot(await byUser(users[0]!.id), m.id, 'FOR'),
      configureMotion(await sec(), m.id, { ...settings, secret: true }),
    ]);
    const motion = await db.motion.findUniqueOrThrow({ where: { id: m.id } });
    const ballot = await db.ballot.findFirst({ where: { motionId: m.id } });
    // Either the ballot came first (configuration refused, open ballot) or the configuration did (sealed ballot).
    if (results[1].status === 'fulfilled') expect([motion.secret, ballot === null || ballot.sealed !== null]).toEqual([true, true]);
    else expect([motion.secret, ballot?.choice]).toEqual([false, 'FOR']);
  });

  test('off the roster, after close, or changing a decided result: the database refuses', async () => {
    const { db, users } = w;
    const { m } = await motionAtDecide();
    await configureMotion(await sec(), m.id, settings);
    await expect(
      db.$executeRaw`INSERT INTO "Ballot" ("motionId", "voterKey", choice, channel) VALUES (${m.id}, 987654, 'FOR', 'ELECTRONIC')`,
    ).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM "MotionVoter" WHERE "motionId" = ${m.id}`).rejects.toThrow();
    await castBallot(await byUser(users[0]!.id), m.id, 'FOR');
    await closeMotion(await sec(), m.id, { confirmed: true, reason: '测试提前结束' });
    const voter = users[1]!.personId;
    await expect(
      db.$executeRaw`INSERT INTO "Ballot" ("motionId", "voterKey", choice, channel) VALUES (${m.id}, ${voter}, 'FOR', 'ELECTRONIC')`,
    ).rejects.toThrow();
    await expect(db.$executeRaw`UPDATE "Ballot" SET choice = 'AGAINST' WHERE "motionId" = ${m.id}`).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM "Ballot" WHERE "motionId" = ${m.id}`).rejects.toThrow();
    await expect(db.$executeRaw`UPDATE "Motion" SET status = 'PASSED', "tallyHash" = 'forged' WHERE id = ${m.id}`).rejects.toThrow();
    await expect(db.$executeRaw`INSERT INTO "SecretChoice" ("motionId", choice) VALUES (${m.id}, 'FOR')`).rejects.toThrow();
    expect((await db.motion.findUniqueOrThrow({ where: { id: m.id } })).status).toBe('FAILED');
  });
});

describe('12. a motion the job cannot close is logged, kept for the desk and retried', () => {
  test('a tally that throws leaves the motion open with its error, visible to staff; the next run retries', async () => {
    const { db, users } = w;
    const { m } = await motionAtDecide();
    await configureMotion(await sec(), m.id, { ...settings, secret: true, closesAt: new Date(Date.now() + 86_400_000) });
    await castBallot(await byUser(users[0]!.id), m.id, 'FOR');
    // A sealed choice damaged on disk: unsealing it throws.
    await db.$executeRaw`UPDATE "Ballot" SET sealed = decode(repeat('00', 29), 'hex') WHERE "motionId" = ${m.id}`;
    await db.$executeRaw`UPDATE "Motion" SET "closesAt" = now() - interval '1 second' WHERE id = ${m.id}`;
    const log = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const run = await closeDueMotions();
    expect(run.failed).toContain(m.id);
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.includes('motion.close.failed'));
    expect(JSON.parse(line!)).toMatchObject({ level: 'error', event: 'motion.close.failed', motionId: m.id });
    expect((await closeDueMotions()).failed).toContain(m.id);
    log.mockRestore();
    const stuck = await db.motion.findUniqueOrThrow({ where: { id: m.id } });
    expect([stuck.status, stuck.closeFailures, stuck.closeError !== null]).toEqual(['OPEN', 2, true]);
    expect((await stuckMotions(await sec())).map((x) => x.id)).toContain(m.id);
  });

  test('a failing read of the motion page is an error, not "not found"', async () => {
    // An id beyond PostgreSQL's integer makes the query itself fail, as an outage would.
    await expect(motionView(await sec(), 2 ** 40)).rejects.toThrow();
    expect(await motionView(await sec(), 999_999)).toBeNull();
  });
});
