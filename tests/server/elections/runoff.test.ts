import { beforeAll, describe, expect, test } from 'vitest';
import { castBallot } from '@/server/elections/ballots';
import { countBallots } from '@/server/elections/count';
import { publishResult } from '@/server/elections/result';
import { openVoting } from '@/server/elections/roll';
import { callRunoff } from '@/server/elections/runoff';
import { fromDateOnly } from '@/server/today';
import { refusal } from '../refusal';
import { auditCount, publicisedElection, voteWorld, type TVoteWorld } from './vote-world';

let w: TVoteWorld;
beforeAll(async () => {
  w = await voteWorld(225);
}, 60_000);
const owner = (i: number) => w.beiyuan.owners[i]!;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);

describe('另行选举', () => {
  test('a tie across the last seat: the tied run off at once, and the winner joins the first round’s', async () => {
    const { election, ids } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      seats: 3,
      secret: true,
      candidates: w.beiyuan.owners.slice(0, 4).map((p) => p.id),
    });
    await openVoting(w.secretary, election.id);
    const marks = [[0, 1, 2], [0, 1, 3], [0, 1], [2], [3]];
    for (const [i, m] of marks.entries())
      await castBallot(
        await w.by(owner(i).id),
        election.id,
        m.map((k) => ids[k]!),
      );
    const { result } = await countBallots(w.secretary, election.id);
    expect(result.runoff).toEqual({ seats: 1, candidateIds: [ids[2], ids[3]], rule: 'PLURALITY', reason: 'TIE' });

    // Refusals first: not a manager, an end in the past.
    const before = await auditCount('election.runoff');
    expect(await refusal(callRunoff(w.tanghuSecretary, election.id, { votingEndsAt: inHours(2) }))).toBe('auth.forbidden');
    expect(await refusal(callRunoff(w.secretary, election.id, { votingEndsAt: new Date(Date.now() - 1000) }))).toBe(
      'electionVote.runoffEnds',
    );
    expect(await auditCount('election.runoff')).toBe(before);

    // Two calls at once: one run-off.
    const out = await Promise.all([
      refusal(callRunoff(w.secretary, election.id, { votingEndsAt: inHours(2) })),
      refusal(callRunoff(w.secretary, election.id, { votingEndsAt: inHours(2) })),
    ]);
    expect(out.sort()).toEqual(['electionVote.runoffExists', 'no refusal']);
    const run = await w.db.election.findUniqueOrThrow({ where: { runoffOfId: election.id }, include: { candidates: true } });
    expect([run.status, run.round, run.seats, run.maxChoices, run.rule, run.secret]).toEqual(['VOTING', 2, 1, 1, 'PLURALITY', true]);
    expect(run.candidates.map((c) => [c.personId, c.status]).sort()).toEqual(
      [
        [owner(2).id, 'LISTED'],
        [owner(3).id, 'LISTED'],
      ].sort(),
    );
    expect(await w.db.electionVoter.count({ where: { electionId: run.id } })).toBe(6);

    await publishResult(w.secretary, election.id);
    const cand = (personId: number) => run.candidates.find((c) => c.personId === personId)!.id;
    for (const i of [0, 1, 2, 4]) await castBallot(await w.by(owner(i).id), run.id, [cand(owner(i === 4 ? 3 : 2).id)]);
    // Counted when its voting has ended (two of six did not vote).
    const ended = { votingStartsAt: new Date(Date.now() - 60_000), votingEndsAt: new Date(Date.now() - 1000) };
    await w.db.election.update({ where: { id: run.id }, data: ended });
    const second = await countBallots(w.secretary, run.id);
    expect([second.result.code, second.result.elected]).toEqual(['ELECTED', [cand(owner(2).id)]]);
    const seated = await publishResult(w.secretary, run.id);
    // A run-off seat ends nobody.
    expect(seated).toMatchObject({ members: 1, ended: 0 });
    const current = await w.db.bodyMember.findMany({ where: { bodyId: w.council.id, startsOn: { gte: new Date('2027-01-01') } } });
    expect(current.map((m) => m.personId).sort()).toEqual([owner(0).id, owner(1).id, owner(2).id].sort());
    expect(current.every((m) => fromDateOnly(m.startsOn) === '2027-01-01')).toBe(true);
    const body = await w.db.body.findUniqueOrThrow({ where: { id: w.council.id } });
    expect(body.termNo).toBe(2);
    const notice = await w.db.notice.findUniqueOrThrow({
      where: { id: (await w.db.election.findUniqueOrThrow({ where: { id: run.id } })).resultNoticeId! },
    });
    expect(notice.body).toContain('第 2 轮（另行选举）');
  });

  test('no run-off where the count needs none', async () => {
    const { election, ids } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      seats: 1,
      candidates: [owner(0).id, owner(1).id],
    });
    await openVoting(w.secretary, election.id);
    for (const i of [0, 1, 2, 3]) await castBallot(await w.by(owner(i).id), election.id, [ids[0]!]);
    await countBallots(w.secretary, election.id);
    expect(await refusal(callRunoff(w.secretary, election.id, { votingEndsAt: inHours(2) }))).toBe('electionVote.noRunoff');
  });
});
