import 'server-only';
import { electorates, rulesFor, type TElectionRule, type TElectorate } from '@/domain/elections/status';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { once } from '@/server/once';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly, fromDateOnly } from '@/server/today';

export type TOpenElection = {
  communityId: number;
  compoundId?: number | null;
  buildingId?: number | null;
  /** One of the place's bodies, or a post in words (楼栋长): one of the two. */
  bodyId?: number | null;
  post?: string | null;
  title: string;
  seats: number;
  /** Defaults to the seats. */
  maxChoices?: number | null;
  electorate: TElectorate;
  partyOrgId?: number | null;
  rule: TElectionRule;
  secret: boolean;
  secondersNeeded: number;
  nominationEndsAt: Date;
  publicityDays: number;
  votingStartsAt?: Date | null;
  votingEndsAt?: Date | null;
  meetingId?: number | null;
  /** China's dates, "2027-01-01". */
  termStartsOn: string;
  termEndsOn: string;
  idempotencyKey?: string;
};

const DAY_MS = 86_400_000;
const isDay = (s: string) => {
  try {
    return /^\d{4}-\d{2}-\d{2}$/.test(s ?? '') && fromDateOnly(dateOnly(s)) === s;
  } catch {
    return false; // dateOnly refuses a day the calendar does not have (2027-13-01)
  }
};
const whole = (n: unknown, min: number, max: number) => Number.isSafeInteger(n) && (n as number) >= min && (n as number) <= max;
const validDate = (d: Date | null | undefined) => d instanceof Date && !Number.isNaN(d.getTime());

/** The input's own checks, before anything is read: each refusal names what is wrong. */
function check(input: TOpenElection, now: number) {
  const title = input.title?.trim() ?? '';
  if (!title || title.length > 100) refuse('election.badTitle');
  if (!electorates.includes(input.electorate)) refuse('election.badElectorate');
  if (!rulesFor(input.electorate).includes(input.rule)) refuse('election.ruleElectorate');
  if (!whole(input.seats, 1, 99)) refuse('election.badSeats');
  const maxChoices = input.maxChoices ?? input.seats;
  if (!whole(maxChoices, 1, input.seats)) refuse('election.maxChoices', { seats: input.seats });
  // A sealed ballot has a fixed length (decision 069): it holds at most 60 choices.
  if (input.secret && input.electorate !== 'OWNERS' && maxChoices > 60) refuse('election.maxChoicesSecret');
  if (!whole(input.secondersNeeded, 0, 1000)) refuse('election.badSeconders');
  if (!whole(input.publicityDays, 1, 60)) refuse('election.badPublicity');
  const post = input.post?.trim() || null;
  if (!input.bodyId === !post) refuse('election.seatOf');
  if (post && post.length > 30) refuse('election.seatOf');
  if (!validDate(input.nominationEndsAt) || input.nominationEndsAt.getTime() <= now) refuse('election.nominationPast');
  const publicityEnds = input.nominationEndsAt.getTime() + input.publicityDays * DAY_MS;
  const { votingStartsAt: starts, votingEndsAt: ends } = input;
  if (starts && (!validDate(starts) || starts.getTime() < publicityEnds)) refuse('election.votingBeforePublicity');
  if (ends && (!starts || !validDate(ends) || ends <= starts)) refuse('election.votingOrder');
  if (!isDay(input.termStartsOn) || !isDay(input.termEndsOn) || input.termEndsOn <= input.termStartsOn) refuse('election.termOrder');
  if (input.electorate === 'OWNERS' && !input.compoundId) refuse('election.ownersCompound');
  if ((input.electorate === 'PARTY_MEMBERS') !== !!input.partyOrgId) refuse('election.partyOrg');
  if (input.buildingId && !input.compoundId) refuse('election.placeOutside');
  return { title, post, maxChoices };
}

/** The place's parts belong together: the compound in the community, the building in the compound, body, organisation and meeting of the place. */
async function checkPlace(tx: TTx, input: TOpenElection) {
  const { communityId, compoundId, buildingId } = input;
  if (compoundId && !(await tx.compound.count({ where: { id: compoundId, communityId } }))) refuse('election.placeOutside');
  if (buildingId && !(await tx.building.count({ where: { id: buildingId, compoundId: compoundId! } }))) refuse('election.placeOutside');
  if (input.bodyId) {
    const body = await tx.body.findUnique({ where: { id: input.bodyId }, select: { communityId: true, compoundId: true } });
    if (!body || body.communityId !== communityId || (body.compoundId !== null && body.compoundId !== (compoundId ?? null)))
      refuse('election.bodyOutside');
  }
  if (input.partyOrgId) {
    const org = await tx.partyOrg.findUnique({
      where: { id: input.partyOrgId },
      select: { communityId: true, compoundId: true, dissolvedOn: true },
    });
    if (
      !org ||
      org.dissolvedOn ||
      org.communityId !== communityId ||
      (org.compoundId !== null && compoundId && org.compoundId !== compoundId)
    )
      refuse('election.partyOrgOutside');
  }
  if (input.meetingId && !(await tx.meeting.count({ where: { id: input.meetingId, communityId } }))) refuse('election.meetingOutside');
}

/**
 * Opens an election (decision 069) at a community, or one of its compounds (or a building of it): staff holding
 * election.manage there. Owners' elections are never secret (art. 278 ballots are signed, areas would tell). A double
 * tap with the same form key makes one election.
 */
export async function openElection(by: TBy, input: TOpenElection): Promise<{ id: number }> {
  const place = input.compoundId
    ? ({ level: 'compound', id: input.compoundId } as const)
    : ({ level: 'community', id: input.communityId } as const);
  authorize(by, 'election.manage', Number.isSafeInteger(place.id) ? await ancestryOf(place) : null);
  const { title, post, maxChoices } = check(input, Date.now());
  const db = getDb();
  return once(
    input.idempotencyKey,
    by.userId,
    async (key) => {
      const e = await db.election.findUnique({ where: { idempotencyKey: key }, select: { id: true, createdById: true } });
      return e && { made: { id: e.id }, madeBy: e.createdById };
    },
    () =>
      db.$transaction(async (tx) => {
        await checkPlace(tx, input);
        const e = await tx.election.create({
          data: {
            communityId: input.communityId,
            compoundId: input.compoundId ?? null,
            buildingId: input.buildingId ?? null,
            bodyId: input.bodyId ?? null,
            post,
            title,
            seats: input.seats,
            maxChoices,
            electorate: input.electorate,
            partyOrgId: input.partyOrgId ?? null,
            rule: input.rule,
            secret: input.electorate === 'OWNERS' ? false : input.secret,
            secondersNeeded: input.secondersNeeded,
            nominationEndsAt: input.nominationEndsAt,
            publicityDays: input.publicityDays,
            votingStartsAt: input.votingStartsAt ?? null,
            votingEndsAt: input.votingEndsAt ?? null,
            meetingId: input.meetingId ?? null,
            termStartsOn: dateOnly(input.termStartsOn),
            termEndsOn: dateOnly(input.termEndsOn),
            createdById: by.userId,
            idempotencyKey: input.idempotencyKey ?? null,
          },
          select: { id: true },
        });
        await writeAudit(tx, {
          actorId: by.userId,
          actorLabel: by.label,
          action: 'election.create',
          entityType: 'Election',
          entityId: e.id,
          after: { title, seats: input.seats, electorate: input.electorate, rule: input.rule, bodyId: input.bodyId ?? null, post },
          communityId: input.communityId,
          compoundId: input.compoundId ?? null,
        });
        return e;
      }),
  );
}
