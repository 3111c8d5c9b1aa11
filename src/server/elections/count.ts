import 'server-only';
import { createHash } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import { countElection, type TElectionResult } from '@/domain/elections/count';
import { electionTransition, type TElectionStatus } from '@/domain/elections/status';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { shuffled } from '@/server/votes/seal';
import { unsealChoices } from './ballots';
import { lockElection, managedElection } from './roll';

/**
 * The count (decision 069), once, under a lock of the election row (ballots take it FOR SHARE, so none slips in, and a
 * second count waits and is refused). Secret ballots are unsealed, their choices written apart in random order and
 * the seals emptied; open ballots keep their choices. The domain's countElection decides; its result, the SHA-256
 * over the roll and every ballot, and the winners (`elected`) are stored.
 */

/** The text hashed with a count: rule and seats, the frozen roll, every ballot, the secret choices — in a fixed order. */
export function electionTallyText(
  e: { rule: string; seats: number },
  roll: { voterKey: number; areaCentiM2: number }[],
  ballots: { voterKey: number; invalid: boolean; choices: number[] }[],
  secretChoices: number[],
): string {
  const byKey = <T extends { voterKey: number }>(xs: T[]) => [...xs].sort((a, b) => a.voterKey - b.voterKey);
  return JSON.stringify([
    { rule: e.rule, seats: e.seats },
    byKey(roll).map((v) => [v.voterKey, v.areaCentiM2]),
    byKey(ballots).map((b) => [b.voterKey, b.invalid, [...b.choices].sort((x, y) => x - y)]),
    [...secretChoices].sort((x, y) => x - y),
  ]);
}

/** Reads the roll, ballots and choices and counts them (also used to recheck a stored count). */
export async function tallyOf(tx: TTx, e: { id: number; rule: string; seats: number; secret: boolean }) {
  const roll = await tx.electionVoter.findMany({ where: { electionId: e.id }, select: { voterKey: true, areaCentiM2: true } });
  const ballots = await tx.electionBallot.findMany({
    where: { electionId: e.id },
    select: { voterKey: true, invalid: true, choices: true },
  });
  const secretChoices = e.secret
    ? (await tx.electionChoice.findMany({ where: { electionId: e.id }, select: { candidateId: true } })).map((c) => c.candidateId)
    : [];
  const candidates = await tx.electionCandidate.findMany({ where: { electionId: e.id, status: 'LISTED' }, select: { id: true } });
  const areaOf = new Map(roll.map((v) => [v.voterKey, v.areaCentiM2]));
  const votes = new Map(candidates.map((c) => [c.id, { votes: 0, area: 0 }]));
  const mark = (id: number, area: number) => {
    const v = votes.get(id);
    if (v) {
      v.votes += 1;
      v.area += area;
    }
  };
  if (e.secret) for (const id of secretChoices) mark(id, 0);
  else for (const b of ballots) if (!b.invalid) for (const id of b.choices) mark(id, areaOf.get(b.voterKey) ?? 0);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const result: TElectionResult = countElection({
    rule: e.rule as TElectionResult['rule'],
    seats: e.seats,
    roll: { heads: roll.length, areaCentiM2: sum(roll.map((v) => v.areaCentiM2)) },
    cast: { heads: ballots.length, areaCentiM2: sum(ballots.map((b) => areaOf.get(b.voterKey) ?? 0)) },
    candidates: [...votes].map(([id, v]) => ({ id, votes: v.votes, areaCentiM2: v.area })),
  });
  const hash = createHash('sha256')
    .update(electionTallyText(e, roll, ballots, secretChoices))
    .digest('hex');
  return { result, hash };
}

export async function countBallots(by: TBy, electionId: number) {
  return getDb().$transaction(async (tx) => {
    await managedElection(tx, by, electionId);
    const status = (await lockElection(tx, electionId)) as TElectionStatus;
    if (status === 'COUNTED' || status === 'DONE') refuse('electionVote.alreadyCounted');
    const t = electionTransition(status, { type: 'COUNT' });
    if (!t.ok) return refuse(t.code);
    const e = (await tx.election.findUnique({ where: { id: electionId } }))!;
    // Counting ends the vote: not before its end time, unless every elector on the roll has voted (decision 069).
    if (e.votingEndsAt && e.votingEndsAt > new Date()) {
      const [roll, cast] = await Promise.all([
        tx.electionVoter.count({ where: { electionId } }),
        tx.electionBallot.count({ where: { electionId } }),
      ]);
      if (cast < roll) refuse('electionVote.notEnded');
    }
    if (e.secret) {
      // Unseal every ballot, write the choices apart in random order (random ids), and forget the seals.
      const sealed = await tx.electionBallot.findMany({ where: { electionId, sealed: { not: null } }, select: { sealed: true } });
      const choices = shuffled(sealed.flatMap((b) => unsealChoices(electionId, b.sealed!)));
      if (choices.length) await tx.electionChoice.createMany({ data: choices.map((candidateId) => ({ electionId, candidateId })) });
      await tx.electionBallot.updateMany({ where: { electionId }, data: { sealed: null } });
    }
    const { result, hash } = await tallyOf(tx, e);
    const countedAt = new Date();
    await tx.election.update({
      where: { id: electionId },
      data: { status: t.next, result: result as unknown as Prisma.InputJsonValue, tallyHash: hash, countedAt },
    });
    if (result.elected.length)
      await tx.electionCandidate.updateMany({ where: { electionId, id: { in: result.elected } }, data: { elected: true } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'election.count',
      entityType: 'Election',
      entityId: electionId,
      before: { status },
      after: { status: t.next, code: result.code, elected: result.elected, cast: result.cast.heads, roll: result.roll.heads, hash },
      communityId: e.communityId,
      compoundId: e.compoundId,
    });
    return { result, hash };
  });
}

/** Counts again from what is stored and says whether it matches the stored count (for anyone who may read it). */
export async function recountElection(electionId: number) {
  const db = getDb();
  const e = await db.election.findUniqueOrThrow({ where: { id: electionId } });
  if (!e.tallyHash || !e.result) return null;
  const again = await db.$transaction((tx) => tallyOf(tx, e));
  const stored = e.result as unknown as TElectionResult;
  return {
    same:
      again.hash === e.tallyHash &&
      again.result.code === stored.code &&
      JSON.stringify(again.result.elected) === JSON.stringify(stored.elected),
    hash: again.hash,
  };
}
