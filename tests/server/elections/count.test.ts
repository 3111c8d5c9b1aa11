import { beforeAll, describe, expect, test } from 'vitest';
import type { TElectionResult } from '@/domain/elections/count';
import { castBallot, enterPaperBallot } from '@/server/elections/ballots';
import { countBallots, recountElection } from '@/server/elections/count';
import { openVoting } from '@/server/elections/roll';
import { refusal } from '../refusal';
import { auditCount, publicisedElection, voteWorld, type TVoteWorld } from './vote-world';

let w: TVoteWorld;
beforeAll(async () => {
  w = await voteWorld(223);
}, 60_000);
const owner = (i: number) => w.beiyuan.owners[i]!;

/** 北苑, HOUSEHOLDS (6 on the roll), 3 seats, 4 candidates; `marks[i]` are the candidate indexes owner i marks. */
async function counted(marks: number[][], opts: { secret?: boolean; rule?: 'PLURALITY' | 'MAJORITY' } = {}) {
  const e = await publicisedElection(w, {
    place: 'beiyuan',
    electorate: 'HOUSEHOLDS',
    rule: opts.rule ?? 'PLURALITY',
    seats: 3,
    secret: opts.secret ?? true,
    candidates: w.beiyuan.owners.slice(0, 4).map((p) => p.id),
  });
  await openVoting(w.secretary, e.election.id);
  for (const [i, m] of marks.entries())
    await castBallot(
      await w.by(owner(i).id),
      e.election.id,
      m.map((k) => e.ids[k]!),
    );
  return e;
}

describe('the count', () => {
  test('secret ballots: unsealed into choices apart, seals emptied, winners marked, hash stored and rechecked', async () => {
    const { election, ids } = await counted([[0, 1], [0, 1, 2], [0, 3], [1], []]);
    const { result, hash } = await countBallots(w.secretary, election.id);
    expect(result.code).toBe('RUNOFF');
    expect(result.cast).toEqual({ heads: 5, areaCentiM2: 0 });
    expect(result.lines.map((l) => [l.id, l.votes])).toEqual([
      [ids[0], 3],
      [ids[1], 3],
      [ids[2], 1],
      [ids[3], 1],
    ]);
    // PLURALITY ranks 3, 3, 1, 1 for 3 seats: candidates 2 and 3 tie across the last seat and run off for it.
    expect(result.elected).toEqual([ids[0], ids[1]]);
    expect(result.runoff).toMatchObject({ seats: 1, candidateIds: [ids[2], ids[3]], reason: 'TIE' });
    expect(await w.db.electionChoice.count({ where: { electionId: election.id } })).toBe(8);
    expect(await w.db.electionBallot.count({ where: { electionId: election.id, sealed: { not: null } } })).toBe(0);
    const e = await w.db.election.findUniqueOrThrow({ where: { id: election.id } });
    expect([e.status, e.tallyHash, (e.result as unknown as TElectionResult).code]).toEqual(['COUNTED', hash, 'RUNOFF']);
    const elected = await w.db.electionCandidate.findMany({ where: { electionId: election.id, elected: true }, select: { id: true } });
    expect(elected.map((c) => c.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(await recountElection(election.id)).toEqual({ same: true, hash });
    // Nothing is cast after the count.
    expect(await refusal(castBallot(await w.by(owner(5).id), election.id, []))).toBe('electionVote.closed');
  });

  test('open ballots are counted from the ballots; MAJORITY needs more than half of the ballots', async () => {
    const { election, ids } = await counted([[0, 1], [0, 1], [0, 2], [0], [3]], { secret: false, rule: 'MAJORITY' });
    const { result } = await countBallots(w.secretary, election.id);
    // 5 cast: 3 needed. Candidate 0 has 4, candidate 1 has 2: one elected, two seats to a run-off by a third.
    expect(result.elected).toEqual([ids[0]]);
    expect(result.runoff).toMatchObject({ seats: 2, rule: 'RUNOFF_THIRD', reason: 'SHORT' });
    expect(await w.db.electionChoice.count({ where: { electionId: election.id } })).toBe(0);
  });

  test('not before voting ends, unless every elector has voted (a review found the count could end the vote early)', async () => {
    const { election } = await counted([[0], [0], [1]]);
    const open = { votingStartsAt: new Date(Date.now() - 60_000), votingEndsAt: new Date(Date.now() + 86_400_000) };
    await w.db.election.update({ where: { id: election.id }, data: open });
    expect(await refusal(countBallots(w.secretary, election.id))).toBe('electionVote.notEnded');
    expect(await w.db.election.findUniqueOrThrow({ where: { id: election.id } })).toMatchObject({ status: 'VOTING', result: null });
    const ended = { votingStartsAt: new Date(Date.now() - 60_000), votingEndsAt: new Date(Date.now() - 1000) };
    await w.db.election.update({ where: { id: election.id }, data: ended });
    expect((await countBallots(w.secretary, election.id)).result.code).toBe('TURNOUT_FAILED');
  });

  test('turnout failed: nobody elected', async () => {
    const { election } = await counted([[0], [0], [0]]);
    const { result } = await countBallots(w.secretary, election.id);
    expect([result.code, result.elected]).toEqual(['TURNOUT_FAILED', []]);
    expect(result.turnout[0]).toMatchObject({ count: 3, denominator: 6, least: 4, met: false });
  });

  test('two counts at once make one count', async () => {
    const { election } = await counted([
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ]);
    const out = await Promise.all([refusal(countBallots(w.secretary, election.id)), refusal(countBallots(w.secretary, election.id))]);
    expect(out.sort()).toEqual(['electionVote.alreadyCounted', 'no refusal']);
    expect(await w.db.electionChoice.count({ where: { electionId: election.id } })).toBe(12);
    expect(await w.db.auditLog.count({ where: { action: 'election.count', entityId: String(election.id) } })).toBe(1);
  });

  test('a forged count: forbidden, nothing unsealed, no audit row', async () => {
    const { election } = await counted([[0], [1], [2], [3]]);
    const before = await auditCount('election.count');
    for (const by of [await w.by(owner(0).id), w.tanghuSecretary])
      expect(await refusal(countBallots(by, election.id))).toBe('auth.forbidden');
    expect(await w.db.electionChoice.count({ where: { electionId: election.id } })).toBe(0);
    expect(await w.db.electionBallot.count({ where: { electionId: election.id, sealed: { not: null } } })).toBe(4);
    expect(await auditCount('election.count')).toBe(before);
    expect((await w.db.election.findUniqueOrThrow({ where: { id: election.id } })).status).toBe('VOTING');
  });
});

describe('owners (art. 278)', () => {
  test('heads and area: one candidate passes heads but fails area', async () => {
    // 欧城: 6 on the roll (the developer with 2 unsold flats counts once). Candidates: owners 1, 2, 3.
    const o = w.oucheng.owners;
    const { election, ids } = await publicisedElection(w, {
      place: 'oucheng',
      electorate: 'OWNERS',
      rule: 'OWNERS_278',
      seats: 2,
      candidates: [o[1]!.id, o[2]!.id, o[3]!.id],
    });
    await openVoting(w.tanghuSecretary, election.id);
    const roll = await w.db.electionVoter.findMany({ where: { electionId: election.id } });
    const area = (k: number) => roll.find((r) => r.voterKey === k)!.areaCentiM2;
    // Everyone votes. A: the developer, the two-flat owner and two small owners (4 heads, 6 of 8 flats). B: the four
    // small owners (4 of 6 heads, more than half, but exactly half of the area — not more than half).
    await enterPaperBallot(w.tanghuSecretary, election.id, { voterKey: 0, candidateIds: [ids[0]!], invalid: false });
    await castBallot(await w.by(o[0]!.id), election.id, [ids[0]!]);
    for (const p of o.slice(1, 5))
      await castBallot(await w.by(p.id), election.id, [ids[1]!, ids[0]!].slice(0, p === o[1] || p === o[2] ? 2 : 1));
    const { result } = await countBallots(w.tanghuSecretary, election.id);
    const line = (id: number) => result.lines.find((l) => l.id === id)!;
    expect(result.turnout.every((t) => t.met)).toBe(true);
    expect(line(ids[0]!).qualifies).toBe(true);
    // B: 4 of 6 heads (more than half) but only the four small flats' area.
    const bArea = o.slice(1, 5).reduce((a, p) => a + area(p.id), 0);
    expect([line(ids[1]!).votes, line(ids[1]!).areaCentiM2]).toEqual([4, bArea]);
    expect(2 * bArea).toBeLessThanOrEqual(result.cast.areaCentiM2);
    expect(line(ids[1]!).qualifies).toBe(false);
    expect(result.elected).toEqual([ids[0]]);
  });
});
