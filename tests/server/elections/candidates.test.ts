import { beforeAll, describe, expect, test } from 'vitest';
import { publishCandidates } from '@/server/elections/candidates';
import { nominate, second, withdraw } from '@/server/elections/nominate';
import { refusal } from '../refusal';
import { electionWorld, homeOf, openCouncil, snapshot, type TElectionWorld } from './nomination-world';

let w: TElectionWorld;
beforeAll(async () => {
  w = await electionWorld();
});

describe('the candidate list on the board (decision 069)', () => {
  test('fewer listed than seats: refused, nothing written; nominated, withdrawn candidates do not count', async () => {
    const id = await openCouncil(w);
    await nominate(w.r[2]!, id, { kind: 'SELF' });
    const gone = await nominate(w.r[3]!, id, { kind: 'SELF' });
    await withdraw(w.r[3]!, gone.id);
    await nominate(w.r[0]!, id, { kind: 'RESIDENTS', find: { ...(await homeOf(w.homes[1]!.id)), name: w.ownerName(1) } });
    const before = await snapshot();
    expect(await refusal(publishCandidates(w.secretary, id))).toBe('election.tooFewCandidates');
    expect(await snapshot()).toEqual(before);
  });

  test('published in the order listed: a notice (RESIDENTS) for publicityDays, the election PUBLICISING, audited', async () => {
    const id = await openCouncil(w, { publicityDays: 3 });
    // Owner 3 is nominated first but listed last (when the second seconder seconds).
    const late = await nominate(w.r[0]!, id, { kind: 'RESIDENTS', find: { ...(await homeOf(w.homes[3]!.id)), name: w.ownerName(3) } });
    const self = await nominate(w.r[2]!, id, { kind: 'SELF', statement: '热心公益' });
    const waiting = await nominate(w.r[1]!, id, { kind: 'RESIDENTS', find: { ...(await homeOf(w.homes[0]!.id)), name: '同住家属1' } });
    await second(w.r[1]!, late.id);
    await second(w.r[4]!, late.id);
    const before = await snapshot();
    for (const by of [w.r[0]!, w.branchSecretary, w.elsewhere, w.otherSecretary])
      expect(await refusal(publishCandidates(by, id))).toBe('auth.forbidden');
    expect(await snapshot()).toEqual(before);
    const { noticeId } = await publishCandidates(w.secretary, id);
    const rows = await w.db.electionCandidate.findMany({ where: { electionId: id }, orderBy: { id: 'asc' } });
    expect(rows.map((c) => [c.id, c.status, c.listOrder])).toEqual([
      [late.id, 'LISTED', 2],
      [self.id, 'LISTED', 1],
      [waiting.id, 'NOMINATED', null],
    ]);
    const e = await w.db.election.findUniqueOrThrow({ where: { id } });
    expect(e).toMatchObject({ status: 'PUBLICISING', candidateNoticeId: noticeId });
    const n = await w.db.notice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(n).toMatchObject({
      category: 'RESIDENTS',
      title: '北苑院落议事会换届选举候选人名单公示',
      communityId: w.jinyang.id,
      compoundId: w.a.compound.id,
      periodDays: 3,
    });
    expect(n.body).toContain(`1. ${w.ownerName(2)}（自荐）：热心公益`);
    expect(n.body).toContain(`2. ${w.ownerName(3)}（居民联名推荐）`);
    expect(n.body).not.toContain('同住家属1');
    expect(n.seq).not.toBeNull();
    expect(n.periodEndsAt!.getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect(await w.db.auditLog.count({ where: { action: 'election.publishCandidates', entityId: String(id) } })).toBe(1);
    // Published once: the second time is the wrong state, and nominations are closed.
    expect(await refusal(publishCandidates(w.secretary, id))).toBe('election.wrongState');
    expect(await refusal(nominate(w.r[4]!, id, { kind: 'SELF' }))).toBe('election.wrongState');
  });

  test('two publications at once: one notice, one transition', async () => {
    const id = await openCouncil(w);
    await nominate(w.r[2]!, id, { kind: 'SELF' });
    await nominate(w.r[3]!, id, { kind: 'SELF' });
    const notices = await w.db.notice.count();
    const out = await Promise.all([refusal(publishCandidates(w.secretary, id)), refusal(publishCandidates(w.street, id))]);
    expect(out.sort()).toEqual(['election.wrongState', 'no refusal']);
    expect(await w.db.notice.count()).toBe(notices + 1);
  });

  test('a party election’s list goes on the party board', async () => {
    const id = await openCouncil(w, { bodyId: null, post: '支部委员', electorate: 'PARTY_MEMBERS', partyOrgId: w.branch.id, seats: 1 });
    await nominate(w.r[0]!, id, { kind: 'SELF' });
    const { noticeId } = await publishCandidates(w.secretary, id);
    expect((await w.db.notice.findUniqueOrThrow({ where: { id: noticeId } })).category).toBe('PARTY');
  });
});
