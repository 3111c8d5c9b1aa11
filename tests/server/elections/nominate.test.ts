import { beforeAll, describe, expect, test } from 'vitest';
import { nominate, second, withdraw } from '@/server/elections/nominate';
import { refusal } from '../refusal';
import { electionWorld, homeOf, openCouncil, snapshot, type TElectionWorld } from './nomination-world';

let w: TElectionWorld;
beforeAll(async () => {
  w = await electionWorld();
});

/** r`by` names owner `i` by home and name (a residents' nomination). */
const named = async (w: TElectionWorld, i: number) => ({ ...(await homeOf(w.homes[i]!.id)), name: w.ownerName(i) });
const statusOf = async (id: number) => (await w.db.electionCandidate.findUniqueOrThrow({ where: { id } })).status;

describe('nominations (decision 069)', () => {
  test('自荐 is listed at once; a residents’ nomination waits for its seconders and is listed by the last needed', async () => {
    const id = await openCouncil(w);
    const self = await nominate(w.r[2]!, id, { kind: 'SELF', statement: '愿意为院落服务' });
    expect(self.listed).toBe(true);
    expect(await statusOf(self.id)).toBe('LISTED');
    const byRes = await nominate(w.r[0]!, id, { kind: 'RESIDENTS', find: await named(w, 3) });
    expect(byRes.listed).toBe(false);
    const c = await w.db.electionCandidate.findUniqueOrThrow({ where: { id: byRes.id } });
    expect(c).toMatchObject({ personId: w.a.owners[3]!.id, kind: 'RESIDENTS', status: 'NOMINATED', nominatedById: w.r[0]!.userId });
    expect(await second(w.r[1]!, byRes.id)).toEqual({ listed: false, seconders: 1 });
    // Neither the candidate nor the nominator seconds; nobody twice; nobody from outside the place.
    const before = await snapshot();
    expect(await refusal(second(w.r[3]!, byRes.id))).toBe('election.secondSelf');
    expect(await refusal(second(w.r[0]!, byRes.id))).toBe('election.secondOwn');
    expect(await refusal(second(w.r[1]!, byRes.id))).toBe('election.alreadySeconded');
    expect(await refusal(second(w.elsewhere, byRes.id))).toBe('auth.forbidden');
    expect(await refusal(second(w.secretary, byRes.id))).toBe('auth.forbidden');
    expect(await refusal(second(w.r[1]!, self.id))).toBe('election.noSeconding');
    expect(await snapshot()).toEqual(before);
    expect(await second(w.r[4]!, byRes.id)).toEqual({ listed: true, seconders: 2 });
    expect(await statusOf(byRes.id)).toBe('LISTED');
    const audit = await w.db.auditLog.findMany({
      where: { action: { in: ['election.nominate', 'election.second'] } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['election.nominate', 'election.nominate', 'election.second', 'election.second']);
  });

  test('two seconders at once: two seconder rows, the candidate listed once', async () => {
    const id = await openCouncil(w);
    const c = await nominate(w.r[0]!, id, { kind: 'RESIDENTS', find: await named(w, 3) });
    const results = await Promise.all([second(w.r[1]!, c.id), second(w.r[4]!, c.id)]);
    expect(results.map((r) => r.seconders).sort()).toEqual([1, 2]);
    expect(results.filter((r) => r.listed)).toHaveLength(1);
    expect(await w.db.candidateSeconder.count({ where: { candidateId: c.id } })).toBe(2);
    expect(await statusOf(c.id)).toBe('LISTED');
    const listings = await w.db.auditLog.findMany({ where: { action: 'election.second', entityId: String(c.id) } });
    expect(listings.filter((a) => (a.after as { listed: boolean }).listed)).toHaveLength(1);
  });

  test('the same person twice: refused with 已被提名; two nominations of one person at once, one wins', async () => {
    const id = await openCouncil(w);
    const [a, b] = await Promise.all([
      refusal(nominate(w.r[0]!, id, { kind: 'RESIDENTS', find: await named(w, 3) })),
      refusal(nominate(w.r[1]!, id, { kind: 'RESIDENTS', find: await named(w, 3) })),
    ]);
    expect([a, b].sort()).toEqual(['election.alreadyNominated', 'no refusal']);
    expect(await w.db.electionCandidate.count({ where: { electionId: id } })).toBe(1);
    expect(await refusal(nominate(w.r[3]!, id, { kind: 'SELF' }))).toBe('election.alreadyNominated');
    expect(await w.db.auditLog.count({ where: { action: 'election.nominate', after: { path: ['electionId'], equals: id } } })).toBe(1);
  });

  test('after the deadline nothing is taken: nominations and seconders are refused (the time in China shown)', async () => {
    const id = await openCouncil(w);
    const c = await nominate(w.r[0]!, id, { kind: 'RESIDENTS', find: await named(w, 3) });
    await w.db.election.update({ where: { id }, data: { nominationEndsAt: new Date(Date.now() - 1000) } });
    const before = await snapshot();
    expect(await refusal(nominate(w.r[2]!, id, { kind: 'SELF' }))).toBe('election.nominationClosed');
    expect(await refusal(second(w.r[1]!, c.id))).toBe('election.nominationClosed');
    expect(await refusal(nominate(w.secretary, id, { kind: 'STAFF', find: await named(w, 1) }))).toBe('election.nominationClosed');
    const err = await nominate(w.r[2]!, id, { kind: 'SELF' }).catch((e: { values?: { at: string } }) => e);
    expect((err as { values: { at: string } }).values.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await snapshot()).toEqual(before);
  });

  test('the branch secretary (党组织推荐) and staff from paper: listed at once; residents may not use either kind', async () => {
    const id = await openCouncil(w);
    const branch = await nominate(w.branchSecretary, id, { kind: 'BRANCH', personId: w.a.owners[1]!.id, statement: '支部推荐' });
    const staff = await nominate(w.secretary, id, { kind: 'STAFF', find: await named(w, 2) });
    expect([await statusOf(branch.id), await statusOf(staff.id)]).toEqual(['LISTED', 'LISTED']);
    const before = await snapshot();
    expect(await refusal(nominate(w.r[0]!, id, { kind: 'BRANCH', personId: w.a.owners[3]!.id }))).toBe('auth.forbidden');
    expect(await refusal(nominate(w.r[0]!, id, { kind: 'STAFF', personId: w.a.owners[3]!.id }))).toBe('auth.forbidden');
    // A resident names by home and name only: an id is ignored, so the roster cannot be probed.
    expect(await refusal(nominate(w.r[0]!, id, { kind: 'RESIDENTS', personId: w.a.owners[3]!.id }))).toBe('election.personNotFound');
    expect(await refusal(nominate(w.r[0]!, id, { kind: 'RESIDENTS', find: { ...(await named(w, 3)), name: '不存在的人' } }))).toBe(
      'election.personNotFound',
    );
    expect(await refusal(nominate(w.r[0]!, id, { kind: 'RESIDENTS', find: await named(w, 0) }))).toBe('election.useSelf');
    // Someone of another community, entered by staff: not of the electorate.
    const outside = (await w.db.ownership.findFirstOrThrow({ where: { household: { building: { compoundId: w.b.compound.id } } } }))
      .personId;
    expect(await refusal(nominate(w.secretary, id, { kind: 'STAFF', personId: outside }))).toBe('election.candidateOutside');
    expect(await refusal(nominate(w.r[0]!, id, { kind: 'SELF', statement: '长'.repeat(501) }))).toBe('election.statementLong');
    expect(await refusal(nominate(w.r[0]!, id, { kind: 'NOBODY' as never }))).toBe('election.badInput');
    expect(await snapshot()).toEqual(before);
  });

  test('a party election: only the organisation’s members take part, candidates are members', async () => {
    const id = await openCouncil(w, {
      bodyId: null,
      post: '支部委员',
      electorate: 'PARTY_MEMBERS',
      partyOrgId: w.branch.id,
      secondersNeeded: 1,
    });
    const before = await snapshot();
    expect(await refusal(nominate(w.r[2]!, id, { kind: 'SELF' }))).toBe('auth.forbidden');
    expect(await refusal(nominate(w.secretary, id, { kind: 'STAFF', personId: w.a.owners[3]!.id }))).toBe('election.candidateOutside');
    expect(await snapshot()).toEqual(before);
    await nominate(w.r[0]!, id, { kind: 'SELF' });
    const c = await nominate(w.branchSecretary, id, { kind: 'BRANCH', personId: w.a.owners[1]!.id });
    expect(await statusOf(c.id)).toBe('LISTED');
  });

  test('withdrawing: the candidate or a manager, before voting; nobody else', async () => {
    const id = await openCouncil(w);
    const a = await nominate(w.r[2]!, id, { kind: 'SELF' });
    const b = await nominate(w.r[3]!, id, { kind: 'SELF' });
    const before = await snapshot();
    for (const by of [w.r[0]!, w.elsewhere, w.otherSecretary]) expect(await refusal(withdraw(by, a.id))).toBe('auth.forbidden');
    expect(await refusal(withdraw(w.r[0]!, 999_999))).toBe('auth.forbidden');
    expect(await snapshot()).toEqual(before);
    await withdraw(w.r[2]!, a.id);
    await withdraw(w.secretary, b.id);
    expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(['WITHDRAWN', 'WITHDRAWN']);
    expect(await refusal(withdraw(w.r[2]!, a.id))).toBe('election.candidateGone');
    await w.db.election.update({ where: { id }, data: { status: 'CANCELLED', cancelReason: '测试' } });
    const c = await w.db.electionCandidate.create({
      data: { electionId: id, personId: w.a.owners[0]!.id, kind: 'SELF', nominatedById: w.r[0]!.userId, status: 'LISTED' },
    });
    expect(await refusal(withdraw(w.r[0]!, c.id))).toBe('election.wrongState');
  });

  test('outsiders are refused for every nomination action, and leave no audit row', async () => {
    const id = await openCouncil(w);
    const c = await nominate(w.r[0]!, id, { kind: 'RESIDENTS', find: await named(w, 3) });
    const before = await snapshot();
    for (const by of [w.elsewhere, w.otherSecretary]) {
      expect(await refusal(nominate(by, id, { kind: 'SELF' }))).toBe('auth.forbidden');
      expect(await refusal(nominate(by, id, { kind: 'STAFF', personId: w.a.owners[1]!.id }))).toBe('auth.forbidden');
      expect(await refusal(nominate(by, id, { kind: 'BRANCH', personId: w.a.owners[1]!.id }))).toBe('auth.forbidden');
      expect(await refusal(second(by, c.id))).toBe('auth.forbidden');
      expect(await refusal(withdraw(by, c.id))).toBe('auth.forbidden');
    }
    expect(await refusal(nominate(w.r[0]!, 999_999, { kind: 'SELF' }))).toBe('auth.forbidden');
    expect(await snapshot()).toEqual(before);
  });
});
