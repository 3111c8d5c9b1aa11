import { beforeAll, describe, expect, test } from 'vitest';
import {
  castBallot,
  closeMotion,
  closeDueMotions,
  configureMotion,
  enterPaperBallot,
  motionView,
  recheckTally,
} from '@/server/votes/ballots';
import { ensureProcedures } from '@/server/topics/procedures';
import { openMotion } from '@/server/topics/motions';
import { createStaff, createUser, quickHash } from '../../factories/accounts';
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
  const names = new NameSource(31);
  const jinyang = await communityByCode(db, '510107009003');
  const members = await createPeople(db, 37, names, { withPhone: false });
  const council = await createBody(db, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: jinyang.id,
    seats: 37,
    memberIds: members.map((p) => p.id),
  });
  // Accounts for every member, made in one statement (bcrypt once).
  const hash = quickHash('x-pass-1234');
  await db.user.createMany({
    data: members.map((p, i) => ({
      phone: `1386${String(i).padStart(7, '0')}`,
      passwordHash: hash,
      personId: p.id,
      verifiedAt: new Date(),
    })),
  });
  const users = await db.user.findMany({ where: { personId: { in: members.map((p) => p.id) } }, orderBy: { personId: 'asc' } });
  const secretary = await createStaff(db, {
    name: '刘书记',
    phone: '13869990001',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const outsider = await createUser(db, { name: '路人', phone: '13869990002', password: 'x-pass-1234', verified: true });
  // S5: a compound whose owners decide by written consultation (matter 5, maintenance fund).
  const compound = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '电梯小区',
    buildings: [{ name: '1栋', floors: 5, perFloor: 2, areasCentiM2: [10_000] }],
  });
  return { db, jinyang, council, members, users, secretary, outsider, compound };
}
beforeAll(async () => {
  w = await setup();
});

/** A topic at its decide step with the motion opened on the council (or the owners). */
async function decideStep(owners = false, noticeOver = true) {
  const { db, jinyang, secretary, compound } = w;
  const by = { userId: secretary.id, label: '刘书记' };
  const t = await createTopicWithHistory(db, {
    procedureCode: owners ? 'OWNERS_ASSEMBLY' : 'COURTYARD_ROADSHOW',
    title: owners ? '维修资金换电梯' : '北苑后门',
    description: 'x',
    communityId: jinyang.id,
    compoundId: owners ? compound.compound.id : undefined,
    by,
    stepIndex: owners ? 2 : 3,
    createdAt: new Date(),
    stepDueAt: new Date(),
    assemblyMatter: owners ? 5 : undefined,
  });
  const m = await db.$transaction((tx) =>
    openMotion(
      tx,
      { ...t, assemblyMatter: owners ? 5 : null },
      t.stepIndex,
      owners ? { kind: 'OWNERS' } : { kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' },
      owners ? { kind: 'OWNERS_ASSEMBLY', matter: 9 } : { kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } },
    ),
  );
  // The owners' 15 clear days of notice are over (the clock would get there); tests of the period pass false.
  if (owners && noticeOver) await db.motion.update({ where: { id: m.id }, data: { votingFrom: new Date(Date.now() - 60_000) } });
  return { t, m };
}
const later = (days: number) => new Date(Date.now() + days * 86_400_000);

describe('S1: the 37-member council votes in the app', () => {
  test.each([
    [25, true, '赞成 25，应到 37，需三分之二以上（至少 25），达到'],
    [24, false, '赞成 24，应到 37，需三分之二以上（至少 25），未达到'],
  ])('%d for: passed %s', async (yes, passed, line) => {
    const { users, secretary } = w;
    const { m } = await decideStep();
    const sec = await byUser(secretary.id, '刘书记');
    await configureMotion(sec, m.id, {
      mode: 'ELECTRONIC',
      secret: false,
      hideResults: false,
      allowChange: false,
      closesAt: null,
      meetingId: null,
      proxyLimit: 1,
    });
    for (const [i, u] of users.slice(0, 30).entries()) await castBallot(await byUser(u.id), m.id, i < yes ? 'FOR' : 'ABSTAIN');
    expect(await refusal(castBallot(await byUser(users[0]!.id), m.id, 'AGAINST'))).toBe('vote.already');
    expect(await refusal(castBallot(await byUser(w.outsider.id), m.id, 'FOR'))).toBe('vote.notOnRoster');
    // 30 of 37 voted and the vote has no end time: closing now is early, so it takes a confirmation and a reason.
    expect(await refusal(closeMotion(sec, m.id))).toBe('vote.confirmEarlyClose');
    const r = await closeMotion(sec, m.id, { confirmed: true, reason: '会议表决结束，未到会委员不再等候' });
    expect([r.passed, r.lines[0]]).toEqual([passed, line]);
    // Closed: a late ballot is refused; the stored tally recomputes to the same hash.
    expect(await refusal(castBallot(await byUser(users[35]!.id), m.id, 'FOR'))).toBe('vote.closed');
    expect(await recheckTally(m.id)).toEqual({ same: true, hash: r.hash });
    const receipt = (await motionView(await byUser(users[0]!.id), m.id))?.viewer.receipt;
    expect([receipt?.choice, receipt?.channel]).toEqual(['FOR', 'ELECTRONIC']);
  });

  test('a secret ballot: who voted is known, how is not — to anyone; results hidden until close; no changing', async () => {
    const { db, users, secretary } = w;
    const { m } = await decideStep();
    const sec = await byUser(secretary.id);
    await configureMotion(sec, m.id, {
      mode: 'ELECTRONIC',
      secret: true,
      hideResults: false,
      allowChange: true,
      closesAt: null,
      meetingId: null,
      proxyLimit: 1,
    });
    for (const u of users.slice(0, 26)) await castBallot(await byUser(u.id), m.id, 'FOR');
    expect((await db.ballot.findMany({ where: { motionId: m.id } })).every((b) => b.choice === null)).toBe(true);
    const open = await motionView(sec, m.id);
    expect([open?.ballots, open?.result, open?.liveCounts, open?.viewer.receipt]).toEqual([26, null, null, null]);
    expect((await motionView(await byUser(users[0]!.id), m.id))?.viewer.receipt?.choice).toBeNull();
    expect(await refusal(castBallot(await byUser(users[0]!.id), m.id, 'AGAINST'))).toBe('vote.already');
    expect((await closeMotion(sec, m.id, { confirmed: true, reason: '会议表决结束' })).passed).toBe(true);
  });

  test('500 ballots at once on one motion: every ballot counted exactly once', async () => {
    const { db, secretary } = w;
    const { m } = await decideStep();
    await configureMotion(await byUser(secretary.id), m.id, {
      mode: 'ELECTRONIC',
      secret: false,
      hideResults: false,
      allowChange: false,
      closesAt: null,
      meetingId: null,
      proxyLimit: 1,
    });
    // 37 voters, each trying 13–14 times concurrently: 500 attempts.
    const attempts = Array.from({ length: 500 }, (_, i) => w.users[i % 37]!);
    const results = await Promise.allSettled(attempts.map(async (u) => castBallot(await byUser(u.id), m.id, 'FOR')));
    const odd = results.flatMap((r) =>
      r.status === 'rejected' && (r.reason as { code?: string }).code !== 'vote.already'
        ? [String((r.reason as Error).message).slice(0, 200)]
        : [],
    );
    expect(odd.slice(0, 3)).toEqual([]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(37);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.code === 'vote.already')).toBe(
      true,
    );
    expect(await db.ballot.count({ where: { motionId: m.id } })).toBe(37);
  });
});

describe('S5: a written consultation of the owners, with areas and heads', () => {
  test('paper ballots and proxies entered by staff; turnout shown while open; double threshold at close', async () => {
    const { db, secretary, compound } = w;
    const { m } = await decideStep(true);
    const sec = await byUser(secretary.id, '刘书记');
    expect(
      await refusal(
        configureMotion(sec, m.id, {
          mode: 'WRITTEN',
          secret: true,
          hideResults: true,
          allowChange: false,
          closesAt: later(15),
          meetingId: null,
          proxyLimit: 1,
        }),
      ),
    ).toBe('vote.secretOwners');
    await configureMotion(sec, m.id, {
      mode: 'WRITTEN',
      secret: false,
      hideResults: false,
      allowChange: false,
      closesAt: later(15),
      meetingId: null,
      proxyLimit: 1,
    });
    const roll = await db.motionVoter.findMany({ where: { motionId: m.id }, orderBy: { voterKey: 'asc' } });
    expect([roll.length, roll.reduce((a, r) => a + r.areaCentiM2, 0)]).toEqual([10, 100_000]);
    const holder = compound.owners[9]!.id;
    await enterPaperBallot(sec, m.id, {
      voterKey: roll[0]!.voterKey,
      choice: 'FOR',
      proxy: { holderPersonId: holder, document: '委托书 2026-001' },
    });
    expect(
      await refusal(
        enterPaperBallot(sec, m.id, {
          voterKey: roll[1]!.voterKey,
          choice: 'FOR',
          proxy: { holderPersonId: holder, document: '委托书 2026-002' },
        }),
      ),
    ).toBe('vote.proxyLimit');
    for (const r of roll.slice(1, 7))
      await enterPaperBallot(sec, m.id, { voterKey: r.voterKey, choice: r.voterKey % 2 ? 'FOR' : 'AGAINST' });
    const view = await motionView(sec, m.id);
    expect(view?.progress).toMatchObject({ heads: { n: 7, d: 10, least: 7 }, reached: true });
    expect(view?.pending).toHaveLength(3);
    expect(await refusal(enterPaperBallot(sec, m.id, { voterKey: 999_999, choice: 'FOR' }))).toBe('vote.notOnRoster');
    // A written consultation runs to its end (rules.md §3): the end time arrives, then staff close and count.
    expect(await refusal(closeMotion(sec, m.id, { confirmed: true, reason: '提前结束试试' }))).toBe('vote.writtenRunsToEnd');
    await db.motion.update({ where: { id: m.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    const r = await closeMotion(sec, m.id);
    expect(r.lines).toHaveLength(4);
    expect(await recheckTally(m.id)).toMatchObject({ same: true });
  });

  test('the developer’s unsold units are named in the page’s language in the list for paper ballots (decision 058)', async () => {
    const { db, secretary } = w;
    const { m } = await decideStep(true);
    const sec = await byUser(secretary.id, '刘书记');
    const settings = { secret: false, hideResults: false, allowChange: false, closesAt: later(15), meetingId: null, proxyLimit: 1 };
    await configureMotion(sec, m.id, { mode: 'WRITTEN', ...settings });
    await db.motionVoter.create({ data: { motionId: m.id, voterKey: 0, areaCentiM2: 0, units: 1 } });
    const developer = async (locale: 'zh-CN' | 'en') => (await motionView(sec, m.id, locale))?.pending.find((p) => p.key === 0)?.name;
    expect([await developer('zh-CN'), await developer('en')]).toEqual(['开发建设单位（未售出部分）', 'The developer (unsold units)']);
  });

  test('a written consultation closes itself at its end time, refusing anything later', async () => {
    const { db, secretary } = w;
    const { m } = await decideStep(true);
    const sec = await byUser(secretary.id);
    await configureMotion(sec, m.id, {
      mode: 'WRITTEN',
      secret: false,
      hideResults: false,
      allowChange: false,
      closesAt: later(1),
      meetingId: null,
      proxyLimit: 1,
    });
    // The end time arrives (set in the database, as the clock would).
    await db.motion.update({ where: { id: m.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    const voter = (await db.motionVoter.findFirstOrThrow({ where: { motionId: m.id } })).voterKey;
    expect(await refusal(enterPaperBallot(sec, m.id, { voterKey: voter, choice: 'FOR' }))).toBe('vote.closed');
    expect((await closeDueMotions()).closed).toBeGreaterThanOrEqual(1);
    expect((await db.motion.findUniqueOrThrow({ where: { id: m.id } })).status).toBe('FAILED');
  });
});
