import 'server-only';
import { electionTransition } from '@/domain/elections/status';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { ownersRoll } from '@/server/votes/owners-roll';
import { refuse } from '@/server/errors';
import { thisYear, todayDateOnly } from '@/server/today';
import { requireElection } from './access';

/**
 * The roll (decision 069): opening the vote freezes who elects in ElectionVoter, in the same transaction as the
 * status change, so joining the place later gives no ballot (rules.md §1). Also the small access helpers the voting
 * half of elections shares (the place an election belongs to, and "this manager runs it").
 */
export type TElectionRow = NonNullable<Awaited<ReturnType<TTx['election']['findUnique']>>>;
type TPlaceOf = { buildingId: number | null; compoundId: number | null; communityId: number };

/** The election, refused like one that does not exist unless `by` runs elections at its place (E1's one gate). */
export async function managedElection(tx: TTx, by: TBy, electionId: number): Promise<TElectionRow> {
  await requireElection(by, electionId, 'manage', { db: tx });
  return (await tx.election.findUnique({ where: { id: electionId } }))!;
}

/** Row lock on the election for the rest of the transaction; its status as it stands now. */
export async function lockElection(tx: TTx, electionId: number): Promise<string> {
  const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Election" WHERE id = ${electionId} FOR UPDATE`;
  return row?.status ?? refuse('auth.forbidden');
}

/** The buildings of the election's place (one building, a compound, or the whole community). */
export const buildingsOf = (e: TPlaceOf) =>
  e.buildingId ? { id: e.buildingId } : e.compoundId ? { compoundId: e.compoundId } : { compound: { communityId: e.communityId } };

const living = (day: Date) => ({ OR: [{ until: null }, { until: { gte: day } }] });

type TRollRow = { voterKey: number; areaCentiM2: number; units: number; householdId: number | null };

/** Who elects, as of now. */
export async function rollOf(tx: TTx, e: TElectionRow): Promise<TRollRow[]> {
  const day = todayDateOnly();
  const buildings = buildingsOf(e);
  switch (e.electorate) {
    case 'ADULT_RESIDENTS': {
      // 18 or over this year (an unknown birth year counts: the register is often incomplete, the elector is not refused).
      const adultBorn = thisYear() - 18;
      const rows = await tx.residency.findMany({
        where: {
          ...living(day),
          household: { building: buildings },
          person: { OR: [{ birthYear: null }, { birthYear: { lte: adultBorn } }] },
        },
        select: { personId: true },
        orderBy: { personId: 'asc' },
      });
      return [...new Set(rows.map((r) => r.personId))].map((p) => ({ voterKey: p, areaCentiM2: 0, units: 0, householdId: null }));
    }
    case 'HOUSEHOLDS': {
      // One per occupied household: its representative (户代表), else its first resident. Someone who represents two
      // households votes once, for the first.
      const homes = await tx.household.findMany({
        where: { building: buildings },
        orderBy: { id: 'asc' },
        select: {
          id: true,
          residencies: { where: living(day), orderBy: [{ isRepresentative: 'desc' }, { id: 'asc' }], take: 1, select: { personId: true } },
        },
      });
      const seen = new Set<number>();
      return homes.flatMap((h) => {
        const p = h.residencies[0]?.personId;
        if (p === undefined || seen.has(p)) return [];
        seen.add(p);
        return [{ voterKey: p, areaCentiM2: 0, units: 0, householdId: h.id }];
      });
    }
    case 'OWNERS': {
      // As an owners' assembly (src/server/topics/motions.ts): each owner once with the area of all their units, the
      // developer's unsold units once (key 0), parking in the area only if the compound says so.
      if (!e.compoundId) return refuse('electionVote.ownersNeedCompound');
      const compound = await tx.compound.findUniqueOrThrow({ where: { id: e.compoundId }, select: { parkingCountsInArea: true } });
      return (await ownersRoll(tx, buildings, compound.parkingCountsInArea)).map((r) => ({ ...r, householdId: null }));
    }
    case 'PARTY_MEMBERS': {
      if (!e.partyOrgId) return refuse('electionVote.emptyRoll');
      const members = await tx.partyMember.findMany({
        where: { partyOrgId: e.partyOrgId },
        select: { personId: true },
        orderBy: { personId: 'asc' },
      });
      return members.map((m) => ({ voterKey: m.personId, areaCentiM2: 0, units: 0, householdId: null }));
    }
  }
}

/**
 * Opens the vote: the candidate list's publicity has ended and every objection is answered; the roll is frozen now.
 * An empty roll is refused (nobody could elect). Audited with the roll's size, never names.
 */
export async function openVoting(by: TBy, electionId: number) {
  return getDb().$transaction(async (tx) => openVotingIn(tx, by, electionId));
}

export async function openVotingIn(tx: TTx, by: TBy, electionId: number) {
  await managedElection(tx, by, electionId);
  const status = await lockElection(tx, electionId);
  const e = (await tx.election.findUniqueOrThrow({
    where: { id: electionId },
    include: { candidateNotice: { select: { periodEndsAt: true } } },
  }))!;
  const now = new Date();
  const ends = e.candidateNotice?.periodEndsAt;
  const objectionsOpen = await tx.electionObjection.count({ where: { electionId, answeredAt: null } });
  const t = electionTransition(status as TElectionRow['status'], {
    type: 'OPEN_VOTING',
    objectionsOpen,
    publicityEnded: !!ends && ends.getTime() <= now.getTime(),
  });
  if (!t.ok) return refuse(t.code);
  if (e.votingEndsAt && e.votingEndsAt.getTime() <= now.getTime()) refuse('electionVote.endsInPast');
  const roll = await rollOf(tx, e);
  if (roll.length === 0) refuse('electionVote.emptyRoll');
  await tx.electionVoter.createMany({ data: roll.map((r) => ({ electionId, ...r })) });
  await tx.election.update({ where: { id: electionId }, data: { status: t.next, votingStartsAt: e.votingStartsAt ?? now } });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'election.openVoting',
    entityType: 'Election',
    entityId: electionId,
    before: { status },
    after: { status: t.next, roll: roll.length },
    communityId: e.communityId,
    compoundId: e.compoundId,
  });
  return { roll: roll.length };
}
