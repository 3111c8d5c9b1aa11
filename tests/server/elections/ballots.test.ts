import { beforeAll, describe, expect, test } from 'vitest';
import { castBallot, enterPaperBallot, sealChoices, unsealChoices } from '@/server/elections/ballots';
import { openVoting } from '@/server/elections/roll';
import { votingView } from '@/server/elections/voting-read';
import { refusal } from '../refusal';
import { auditCount, publicisedElection, voteWorld, type TVoteWorld } from './vote-world';

let w: TVoteWorld;
beforeAll(async () => {
  w = await voteWorld(222);
}, 60_000);

/** A secret HOUSEHOLDS election of 北苑 (3 seats, 4 candidates), voting open. */
async function voting(opts: { secret?: boolean; votingEndsAt?: Date } = {}) {
  const e = await publicisedElection(w, {
    place: 'beiyuan',
    electorate: 'HOUSEHOLDS',
    rule: 'PLURALITY',
    seats: 3,
    secret: opts.secret ?? true,
    votingEndsAt: opts.votingEndsAt,
    candidates: w.beiyuan.owners.slice(0, 4).map((p) => p.id),
  });
  await openVoting(w.secretary, e.election.id);
  return e;
}
const owner = (i: number) => w.beiyuan.owners[i]!;
const ballotsOf = (electionId: number) => w.db.electionBallot.findMany({ where: { electionId } });

describe('the seal', () => {
  test('every sealed ballot has the same length, is bound to its election, and opens to what was sealed', () => {
    const a = sealChoices(7, []);
    const b = sealChoices(7, [3, 9, 12]);
    expect(a.length).toBe(b.length);
    expect(unsealChoices(7, b)).toEqual([3, 9, 12]);
    expect(unsealChoices(7, a)).toEqual([]);
    expect(() => unsealChoices(8, b)).toThrow();
  });
});

describe('an elector casts a ballot', () => {
  test('a secret ballot keeps no choice in the clear; the audit row names only the ballot', async () => {
    const { election, ids } = await voting();
    const ballot = await castBallot(await w.by(owner(0).id), election.id, [ids[0]!, ids[2]!]);
    const [row] = await ballotsOf(election.id);
    expect(row).toMatchObject({ id: ballot.id, voterKey: owner(0).id, choices: [], channel: 'ELECTRONIC', invalid: false });
    expect(unsealChoices(election.id, row!.sealed!)).toEqual([ids[0], ids[2]]);
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: 'election.ballot', entityId: String(election.id) } });
    expect(audit.after).toEqual({ ballotId: ballot.id });
  });

  test('an open ballot keeps its choices; a blank ballot is a ballot', async () => {
    const { election, ids } = await voting({ secret: false });
    await castBallot(await w.by(owner(0).id), election.id, [ids[1]!]);
    await castBallot(await w.by(owner(1).id), election.id, []);
    const rows = await ballotsOf(election.id);
    expect(rows.map((r) => [r.voterKey, r.choices, r.sealed])).toEqual(
      expect.arrayContaining([
        [owner(0).id, [ids[1]], null],
        [owner(1).id, [], null],
      ]),
    );
  });

  test('a second ballot is refused; two at once make one', async () => {
    const { election, ids } = await voting();
    const by = await w.by(owner(2).id);
    await castBallot(by, election.id, [ids[0]!]);
    expect(await refusal(castBallot(by, election.id, [ids[1]!]))).toBe('electionVote.already');
    const by3 = await w.by(owner(3).id);
    const out = await Promise.all([refusal(castBallot(by3, election.id, [ids[0]!])), refusal(castBallot(by3, election.id, [ids[1]!]))]);
    expect(out.sort()).toEqual(['electionVote.already', 'no refusal']);
    expect(await ballotsOf(election.id)).toHaveLength(2);
  });

  test('bad choices are refused in words and write nothing', async () => {
    const { election, ids } = await voting();
    const by = await w.by(owner(0).id);
    const before = await auditCount('election.ballot');
    expect(await refusal(castBallot(by, election.id, [ids[0]!, ids[1]!, ids[2]!, ids[3]!]))).toBe('electionVote.tooManyChoices');
    expect(await refusal(castBallot(by, election.id, [ids[0]!, ids[0]!]))).toBe('electionVote.duplicateChoice');
    expect(await refusal(castBallot(by, election.id, [999_999]))).toBe('electionVote.notACandidate');
    await w.db.electionCandidate.update({ where: { id: ids[3]! }, data: { status: 'WITHDRAWN' } });
    expect(await refusal(castBallot(by, election.id, [ids[3]!]))).toBe('electionVote.notACandidate');
    expect(await ballotsOf(election.id)).toEqual([]);
    expect(await auditCount('election.ballot')).toBe(before);
  });

  test('only the roll votes: a tenant is told who votes for the household; others are refused', async () => {
    const { election, ids } = await voting();
    expect(await refusal(castBallot(await w.by(w.tenant.person.id), election.id, [ids[0]!]))).toBe('electionVote.householdVoter');
    await castBallot(await w.by(w.tenant.person.id), election.id, [ids[0]!]).catch((e: { values: Record<string, string> }) =>
      expect(e.values.name).toBe(owner(0).name),
    );
    expect(await refusal(castBallot(await w.by(w.oucheng.owners[0]!.id), election.id, [ids[0]!]))).toBe('electionVote.notOnRoll');
    expect(await ballotsOf(election.id)).toEqual([]);
  });

  test('no ballot before voting opens or after it ends', async () => {
    const early = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      seats: 1,
      candidates: [owner(0).id],
    });
    expect(await refusal(castBallot(await w.by(owner(0).id), early.election.id, []))).toBe('electionVote.notVoting');
    const { election, ids } = await voting({ votingEndsAt: new Date(Date.now() + 60_000) });
    await w.db
      .$executeRaw`UPDATE "Election" SET "votingStartsAt" = now() - interval '2 days', "votingEndsAt" = now() - interval '1 second' WHERE id = ${election.id}`;
    expect(await refusal(castBallot(await w.by(owner(0).id), election.id, [ids[0]!]))).toBe('electionVote.closed');
  });
});

describe('paper ballots', () => {
  test('staff enter one per elector on the roll, spoiled ones too; never twice', async () => {
    const { election, ids } = await voting();
    await enterPaperBallot(w.secretary, election.id, { voterKey: owner(4).id, candidateIds: [ids[1]!, ids[2]!], invalid: false });
    await enterPaperBallot(w.secretary, election.id, { voterKey: owner(5).id, candidateIds: [ids[1]!], invalid: true });
    const rows = await ballotsOf(election.id);
    expect(rows.map((r) => [r.voterKey, r.channel, r.invalid, r.enteredById, r.sealed === null]).sort()).toEqual(
      [
        [owner(4).id, 'PAPER', false, w.secretary.userId, false],
        [owner(5).id, 'PAPER', true, w.secretary.userId, true],
      ].sort(),
    );
    expect(await refusal(enterPaperBallot(w.secretary, election.id, { voterKey: owner(4).id, candidateIds: [], invalid: false }))).toBe(
      'electionVote.alreadyPaper',
    );
    expect(await refusal(castBallot(await w.by(owner(4).id), election.id, []))).toBe('electionVote.already');
    expect(
      await refusal(enterPaperBallot(w.secretary, election.id, { voterKey: w.tenant.person.id, candidateIds: [], invalid: false })),
    ).toBe('electionVote.notOnRollPaper');
  });

  test('a paper ballot and the elector’s own at once: one ballot', async () => {
    const { election, ids } = await voting();
    const out = await Promise.all([
      refusal(enterPaperBallot(w.secretary, election.id, { voterKey: owner(1).id, candidateIds: [ids[0]!], invalid: false })),
      refusal(castBallot(await w.by(owner(1).id), election.id, [ids[1]!])),
    ]);
    expect(out.filter((o) => o === 'no refusal')).toHaveLength(1);
    expect(await ballotsOf(election.id)).toHaveLength(1);
  });

  test('a forged paper ballot (a resident, another community’s secretary): forbidden, nothing written, no audit row', async () => {
    const { election, ids } = await voting();
    const before = await auditCount('election.paperBallot');
    for (const by of [await w.by(owner(0).id), w.tanghuSecretary]) {
      expect(await refusal(enterPaperBallot(by, election.id, { voterKey: owner(2).id, candidateIds: [ids[0]!], invalid: false }))).toBe(
        'auth.forbidden',
      );
    }
    expect(await ballotsOf(election.id)).toEqual([]);
    expect(await auditCount('election.paperBallot')).toBe(before);
  });
});

describe('what the voting section shows', () => {
  test('an elector, a tenant, the manager and an outsider each see their own part — never how anyone voted', async () => {
    const { election, ids } = await voting();
    const mine = await votingView(await w.by(owner(0).id), election.id);
    expect(mine).toMatchObject({
      status: 'VOTING',
      maxChoices: 3,
      viewer: { onRoll: true, ballot: null, manages: false },
      desk: null,
      result: null,
    });
    expect(mine!.candidates.map((c) => c.id)).toEqual(ids);
    await castBallot(await w.by(owner(0).id), election.id, [ids[0]!]);
    // A secret ballot's receipt says it was counted, not for whom.
    expect((await votingView(await w.by(owner(0).id), election.id))!.viewer.ballot).toMatchObject({ choices: null });
    // The tenant, once their home is verified (a claim approved), reads the election and is told who votes for the flat.
    expect(await votingView(await w.by(w.tenant.person.id), election.id)).toBeNull();
    await w.db.householdClaim.create({
      data: {
        userId: w.tenant.userId,
        householdId: w.beiyuan.households[0]!.id,
        relation: 'TENANT',
        status: 'APPROVED',
        reviewedAt: new Date(),
      },
    });
    expect((await votingView(await w.by(w.tenant.person.id), election.id))!.viewer).toMatchObject({
      onRoll: false,
      householdVoter: owner(0).name,
    });
    const desk = (await votingView(w.secretary, election.id))!.desk!;
    expect([desk.roll, desk.cast, desk.pending.length]).toEqual([6, 1, 5]);
    expect(desk.pending[0]).toMatchObject({ where: expect.stringMatching(/^1栋1单元/) });
    expect(JSON.stringify(desk)).not.toContain(String(ids[0]));
    expect(await votingView(w.tanghuSecretary, election.id)).toBeNull();
  });
});
