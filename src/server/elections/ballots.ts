import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { todayDateOnly } from '@/server/today';
import { sealBytes, unsealBytes } from '@/server/votes/seal';
import { managedElection, type TElectionRow } from './roll';

/**
 * Ballots (decision 069): one per elector on the frozen roll (the database's unique key refuses a second, so two at
 * once make one). Up to maxChoices distinct listed candidates; none at all is a blank ballot (弃权票), which counts in
 * the turnout and for nobody — the form says so. A secret ballot keeps its choices sealed (no choices column) until
 * the count; an open one keeps them. Audit rows name the ballot and the election, never a choice.
 */
export const sealContext = (electionId: number) => `election:${electionId}`;

/** Candidate ids as bytes (4 each, big-endian), sealed to a fixed length whatever their number. */
export function sealChoices(electionId: number, ids: number[]) {
  const b = Buffer.alloc(ids.length * 4);
  ids.forEach((id, i) => b.writeUInt32BE(id, i * 4));
  return sealBytes(sealContext(electionId), b);
}

export function unsealChoices(electionId: number, sealed: Uint8Array): number[] {
  const b = Buffer.from(unsealBytes(sealContext(electionId), sealed));
  if (b.length % 4 !== 0) throw new Error(`A sealed ballot of election ${electionId} is malformed.`);
  return Array.from({ length: b.length / 4 }, (_, i) => b.readUInt32BE(i * 4));
}

/** Locks the election against the count (which takes it FOR UPDATE) for the rest of the transaction; refuses unless voting. */
async function openForBallots(tx: TTx, electionId: number): Promise<TElectionRow> {
  const [row] = await tx.$queryRaw<{ status: string; ended: boolean }[]>`
    SELECT status::text AS status, ("votingEndsAt" IS NOT NULL AND "votingEndsAt" <= now()) AS ended
    FROM "Election" WHERE id = ${electionId} FOR SHARE`;
  if (!row) return refuse('auth.forbidden');
  if (row.status === 'COUNTED' || row.status === 'DONE') refuse('electionVote.closed');
  if (row.status !== 'VOTING') refuse('electionVote.notVoting');
  if (row.ended) refuse('electionVote.closed');
  return (await tx.election.findUnique({ where: { id: electionId } }))!;
}

/** Distinct listed candidates of this election, at most maxChoices. */
async function checkChoices(tx: TTx, e: TElectionRow, candidateIds: number[]) {
  const ids = [...new Set(candidateIds)];
  if (ids.length !== candidateIds.length) refuse('electionVote.duplicateChoice');
  if (ids.length > e.maxChoices) refuse('electionVote.tooManyChoices', { max: e.maxChoices });
  if (ids.length === 0) return ids;
  const listed = await tx.electionCandidate.count({ where: { electionId: e.id, id: { in: ids }, status: 'LISTED' } });
  if (listed !== ids.length) refuse('electionVote.notACandidate');
  return ids;
}

const isUnique = (e: unknown) => (e as { code?: string }).code === 'P2002';

async function personOf(tx: TTx, by: TBy): Promise<number> {
  if (by.personId) return by.personId;
  const u = await tx.user.findUnique({ where: { id: by.userId }, select: { personId: true } });
  return u?.personId ?? refuse('electionVote.notOnRoll');
}

/** For a resident whose household votes through someone else: who that is (their own household, so a name is fine). */
async function householdVoter(tx: TTx, electionId: number, personId: number): Promise<string | null> {
  const homes = await tx.residency.findMany({
    where: { personId, OR: [{ until: null }, { until: { gte: todayDateOnly() } }] },
    select: { householdId: true },
  });
  const voter = await tx.electionVoter.findFirst({
    where: { electionId, householdId: { in: homes.map((h) => h.householdId) } },
    select: { voterKey: true },
  });
  if (!voter) return null;
  return (await tx.person.findUnique({ where: { id: voter.voterKey }, select: { name: true } }))?.name ?? null;
}

/** The signed-in elector casts their ballot on the phone. */
export async function castBallot(by: TBy, electionId: number, candidateIds: number[]) {
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const e = await openForBallots(tx, electionId);
      const personId = await personOf(tx, by);
      const voter = await tx.electionVoter.findUnique({ where: { electionId_voterKey: { electionId, voterKey: personId } } });
      if (!voter) {
        const name = e.electorate === 'HOUSEHOLDS' ? await householdVoter(tx, electionId, personId) : null;
        return name ? refuse('electionVote.householdVoter', { name }) : refuse('electionVote.notOnRoll');
      }
      if (await tx.electionBallot.findUnique({ where: { electionId_voterKey: { electionId, voterKey: personId } }, select: { id: true } }))
        refuse('electionVote.already');
      const ids = await checkChoices(tx, e, candidateIds);
      const ballot = await tx.electionBallot.create({
        data: {
          electionId,
          voterKey: personId,
          channel: 'ELECTRONIC',
          ...(e.secret ? { sealed: sealChoices(electionId, ids) } : { choices: ids }),
        },
        select: { id: true, castAt: true },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'election.ballot',
        entityType: 'Election',
        entityId: electionId,
        after: { ballotId: ballot.id },
        communityId: e.communityId,
        compoundId: e.compoundId,
      });
      return ballot;
    });
  } catch (err) {
    // Two taps at once: the second meets the unique key.
    if (isUnique(err)) return refuse('electionVote.already');
    throw err;
  }
}

export type TPaperBallot = { voterKey: number; candidateIds: number[]; invalid: boolean };

/** Staff enter a paper ballot (at a meeting or collected door to door) for an elector on the roll, once. */
export async function enterPaperBallot(by: TBy, electionId: number, input: TPaperBallot) {
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      await managedElection(tx, by, electionId);
      const e = await openForBallots(tx, electionId);
      const voter = await tx.electionVoter.findUnique({ where: { electionId_voterKey: { electionId, voterKey: input.voterKey } } });
      if (!voter) refuse('electionVote.notOnRollPaper');
      if (
        await tx.electionBallot.findUnique({
          where: { electionId_voterKey: { electionId, voterKey: input.voterKey } },
          select: { id: true },
        })
      )
        refuse('electionVote.alreadyPaper');
      // A spoiled ballot (废票) counts in the turnout and for nobody: whatever was marked is not kept.
      const ids = input.invalid ? [] : await checkChoices(tx, e, input.candidateIds);
      const ballot = await tx.electionBallot.create({
        data: {
          electionId,
          voterKey: input.voterKey,
          channel: 'PAPER',
          invalid: input.invalid,
          enteredById: by.userId,
          // A spoiled ballot keeps nothing, sealed or open (the database checks it).
          ...(input.invalid ? {} : e.secret ? { sealed: sealChoices(electionId, ids) } : { choices: ids }),
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'election.paperBallot',
        entityType: 'Election',
        entityId: electionId,
        after: { ballotId: ballot.id },
        communityId: e.communityId,
        compoundId: e.compoundId,
      });
      return ballot;
    });
  } catch (err) {
    if (isUnique(err)) return refuse('electionVote.alreadyPaper');
    throw err;
  }
}

/**
 * The confirmation step before a ballot: the same checks as casting (on the roll, voting open, choices), nothing
 * written; returns the names chosen so the elector sees them once more.
 */
export async function checkBallot(by: TBy, electionId: number, candidateIds: number[]) {
  return getDb().$transaction(async (tx) => {
    const e = await openForBallots(tx, electionId);
    const personId = await personOf(tx, by);
    const voter = await tx.electionVoter.findUnique({
      where: { electionId_voterKey: { electionId, voterKey: personId } },
      include: { ballot: { select: { id: true } } },
    });
    if (!voter) {
      const name = e.electorate === 'HOUSEHOLDS' ? await householdVoter(tx, electionId, personId) : null;
      return name ? refuse('electionVote.householdVoter', { name }) : refuse('electionVote.notOnRoll');
    }
    if (voter.ballot) refuse('electionVote.already');
    const ids = await checkChoices(tx, e, candidateIds);
    const names = await tx.electionCandidate.findMany({
      where: { id: { in: ids } },
      select: { id: true, person: { select: { name: true } } },
    });
    const nameOf = new Map(names.map((c) => [c.id, c.person.name]));
    return { ids, names: ids.map((id) => nameOf.get(id)!) };
  });
}
