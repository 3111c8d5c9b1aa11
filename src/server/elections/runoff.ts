import 'server-only';
import type { TElectionResult } from '@/domain/elections/count';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { lockElection, managedElection, rollOf } from './roll';

/**
 * 另行选举 (decision 069, "Run-offs, as built"): when a count leaves seats to a run-off, the manager calls it. The
 * run-off is a new election (runoffOfId, round + 1) of the same electorate, place, body and term, for the seats left
 * under the result's run-off rule, with the run-off candidates listed at once (they were on the list publicised for
 * the first round, so no second publicity) and its roll frozen again now: it goes straight to VOTING, as a run-off is
 * usually held the same day or at the same meeting.
 */
export async function callRunoff(by: TBy, electionId: number, input: { votingEndsAt: Date }) {
  const now = new Date();
  if (input.votingEndsAt.getTime() <= now.getTime()) refuse('electionVote.runoffEnds');
  try {
    return await getDb().$transaction(async (tx) => {
      await managedElection(tx, by, electionId);
      const status = await lockElection(tx, electionId);
      if (status !== 'COUNTED' && status !== 'DONE') refuse('election.wrongState');
      const e = (await tx.election.findUniqueOrThrow({ where: { id: electionId }, include: { runoff: { select: { id: true } } } }))!;
      const result = e.result as unknown as TElectionResult | null;
      if (!result?.runoff) return refuse('electionVote.noRunoff');
      if (e.runoff) return refuse('electionVote.runoffExists');
      const { seats, rule, candidateIds } = result.runoff;
      const run = await tx.election.create({
        data: {
          communityId: e.communityId,
          compoundId: e.compoundId,
          buildingId: e.buildingId,
          bodyId: e.bodyId,
          post: e.post,
          title: e.title,
          seats,
          maxChoices: Math.min(e.maxChoices, seats),
          electorate: e.electorate,
          partyOrgId: e.partyOrgId,
          rule,
          secret: e.secret,
          secondersNeeded: 0,
          nominationEndsAt: now,
          publicityDays: 1,
          votingStartsAt: now,
          votingEndsAt: input.votingEndsAt,
          meetingId: e.meetingId,
          termStartsOn: e.termStartsOn,
          termEndsOn: e.termEndsOn,
          status: 'VOTING',
          round: e.round + 1,
          runoffOfId: e.id,
          createdById: by.userId,
        },
      });
      const first = await tx.electionCandidate.findMany({
        where: { electionId, id: { in: candidateIds } },
        orderBy: [{ listOrder: 'asc' }, { id: 'asc' }],
      });
      await tx.electionCandidate.createMany({
        data: first.map((c, i) => ({
          electionId: run.id,
          personId: c.personId,
          kind: c.kind,
          nominatedById: c.nominatedById,
          statement: c.statement,
          status: 'LISTED' as const,
          listOrder: i + 1,
        })),
      });
      const roll = await rollOf(tx, run);
      if (roll.length === 0) refuse('electionVote.emptyRoll');
      await tx.electionVoter.createMany({ data: roll.map((r) => ({ electionId: run.id, ...r })) });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'election.runoff',
        entityType: 'Election',
        entityId: run.id,
        after: { runoffOf: e.id, round: run.round, seats, rule, candidates: first.length, roll: roll.length },
        communityId: e.communityId,
        compoundId: e.compoundId,
      });
      return { id: run.id, roll: roll.length };
    });
  } catch (err) {
    // Two calls at once: the run-off's unique link to its first round makes one.
    if ((err as { code?: string }).code === 'P2002') return refuse('electionVote.runoffExists');
    throw err;
  }
}
