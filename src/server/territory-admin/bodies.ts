import 'server-only';
import { personByPhoneOrNew } from '@/server/people/person-by-phone';
import type { BodyKind, BodyPosition } from '@/generated/prisma/client';
import { bodyLevelRefusal, overseesKeepers, type TBodyKind } from '@/domain/organisation/body-levels';
import { mayBuild } from '@/domain/authz/can';
import type { TAncestry } from '@/domain/territory/places';
import { seatFree } from '@/domain/organisation/seats';
import { normalisePhone } from '@/domain/shared/phone';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly, fromDateOnly } from '@/server/today';

async function bodyPlace(bodyId: number) {
  const body = await getDb().body.findUnique({ where: { id: bodyId }, select: { kind: true, communityId: true, compoundId: true } });
  if (!body) return { body: null, ancestry: null };
  return {
    body,
    ancestry: await ancestryOf(body.compoundId ? { level: 'compound', id: body.compoundId } : { level: 'community', id: body.communityId }),
  };
}

/** body.manage over the body's place; for a body overseeing the place's keepers, held from above it (overseesKeepers). */
export function authorizeBody(by: TBy, body: { kind: TBodyKind; compoundId: number | null }, ancestry: TAncestry | null) {
  authorize(by, 'body.manage', ancestry);
  const level = body.compoundId ? 'compound' : 'community';
  if (overseesKeepers(body.kind, level) && !mayBuild(by.actor, 'body.manage', level, { ancestry: ancestry! }, by.today))
    refuse('body.overseesKeepers');
}

/** A new body (committee, council, assembly) of a community or of one of its compounds, for a term. */
export async function createBody(
  by: TBy,
  input: {
    kind: BodyKind;
    name: string;
    communityId: number;
    compoundId?: number;
    seats?: number;
    termStartsOn: string;
    termEndsOn?: string;
  },
) {
  const place = input.compoundId
    ? { level: 'compound' as const, id: input.compoundId }
    : { level: 'community' as const, id: input.communityId };
  const ancestry = await ancestryOf(place);
  authorizeBody(by, { kind: input.kind, compoundId: input.compoundId ?? null }, ancestry);
  if (input.compoundId && ancestry!.community !== input.communityId) refuse('auth.forbidden');
  const misplaced = bodyLevelRefusal(input.kind, input.compoundId ? 'compound' : 'community');
  if (misplaced) refuse(misplaced);
  if (input.termEndsOn && input.termEndsOn < input.termStartsOn) refuse('body.termOrder');
  const db = getDb();
  return db.$transaction(async (tx) => {
    const body = await tx.body.create({
      data: {
        kind: input.kind,
        name: input.name,
        communityId: input.communityId,
        compoundId: input.compoundId,
        seats: input.seats,
        termNo: 1,
        termStartsOn: dateOnly(input.termStartsOn),
        termEndsOn: input.termEndsOn ? dateOnly(input.termEndsOn) : null,
      },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'body.create',
      entityType: 'Body',
      entityId: body.id,
      after: { ...input },
      communityId: input.communityId,
      compoundId: input.compoundId,
    });
    return body;
  });
}

/**
 * Refuses a member beyond the body's seats on any day of a term starting `startsOn`. Runs under the
 * body's row lock, so two appointments into the last seat at once cannot both see it free (the
 * database's trigger "BodyMember_seats" refuses it too).
 */
export async function requireSeat(tx: TTx, bodyId: number, startsOn: string) {
  const [body] = await tx.$queryRaw<{ seats: number | null }[]>`SELECT seats FROM "Body" WHERE id = ${bodyId} FOR UPDATE`;
  const terms = await tx.bodyMember.findMany({
    where: { bodyId, OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(startsOn) } }] },
    select: { startsOn: true, endsOn: true },
  });
  const held = terms.map((t) => ({ startsOn: fromDateOnly(t.startsOn), endsOn: t.endsOn ? fromDateOnly(t.endsOn) : null }));
  if (!seatFree(body?.seats ?? null, held, { startsOn, endsOn: null })) refuse('body.seatsFull', { seats: body!.seats!, date: startsOn });
}

/**
 * Appoints a person to a position in a body from a date. The person is found by mobile number
 * (and created if the number is new); without a number a new person is recorded.
 */
export async function appointMember(
  by: TBy,
  input: { bodyId: number; name: string; phone?: string; position: BodyPosition; startsOn: string },
) {
  const { body, ancestry } = await bodyPlace(input.bodyId);
  if (!body) refuse('auth.forbidden');
  authorizeBody(by, body!, ancestry);
  const phone = input.phone ? (normalisePhone(input.phone) ?? refuse('account.phoneInvalid')) : null;
  const db = getDb();
  return db.$transaction(async (tx) => {
    await requireSeat(tx, input.bodyId, input.startsOn);
    const person = await personByPhoneOrNew(tx, input.name, phone);
    if (await tx.bodyMember.findFirst({ where: { bodyId: input.bodyId, personId: person.id, endsOn: null } })) refuse('body.alreadyMember');
    const member = await tx.bodyMember.create({
      data: { bodyId: input.bodyId, personId: person.id, position: input.position, startsOn: dateOnly(input.startsOn) },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'body.appoint',
      entityType: 'BodyMember',
      entityId: member.id,
      after: { bodyId: input.bodyId, personId: person.id, name: person.name, position: input.position, startsOn: input.startsOn },
      communityId: body!.communityId,
      compoundId: body!.compoundId,
    });
    return member;
  });
}

/** Ends a member's term on a date (the history stays). */
export async function endMembership(by: TBy, input: { memberId: number; endsOn: string }) {
  const db = getDb();
  const member = await db.bodyMember.findUnique({ where: { id: input.memberId }, select: { bodyId: true, startsOn: true, endsOn: true } });
  const { body, ancestry } = member ? await bodyPlace(member.bodyId) : { body: null, ancestry: null };
  if (!body) refuse('auth.forbidden');
  authorizeBody(by, body!, ancestry);
  if (member!.endsOn) refuse('body.alreadyEnded');
  if (input.endsOn < fromDateOnly(member!.startsOn)) refuse('body.termOrder');
  await db.$transaction(async (tx) => {
    // Only a term still running is ended: of two requests at once, the second finds it ended and says so.
    const ended = await tx.bodyMember.updateMany({ where: { id: input.memberId, endsOn: null }, data: { endsOn: dateOnly(input.endsOn) } });
    if (ended.count === 0) refuse('body.alreadyEnded');
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'body.endMembership',
      entityType: 'BodyMember',
      entityId: input.memberId,
      before: { endsOn: null },
      after: { endsOn: input.endsOn },
      communityId: body!.communityId,
      compoundId: body!.compoundId,
    });
  });
}

/** A community's own bodies (the two committees, councils, representatives' meeting…) with current members. */
export async function getCommunityBodiesForAdmin(by: TBy, communityId: number) {
  authorize(by, 'body.manage', await ancestryOf({ level: 'community', id: communityId }));
  return getDb().community.findUniqueOrThrow({
    where: { id: communityId },
    select: {
      id: true,
      name: true,
      bodies: {
        where: { compoundId: null },
        orderBy: { id: 'asc' },
        select: {
          id: true,
          kind: true,
          name: true,
          seats: true,
          termStartsOn: true,
          termEndsOn: true,
          members: {
            where: { endsOn: null },
            orderBy: { id: 'asc' },
            select: { id: true, position: true, startsOn: true, person: { select: { name: true } } },
          },
        },
      },
    },
  });
}
