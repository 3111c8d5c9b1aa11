import 'server-only';
import { can } from '@/domain/authz/can';
import { isAdult, requestThreshold, type TRequestBasis } from '@/domain/meetings/residents';
import { authorize, type TBy } from '@/server/accounts/by';
import { livesWithin } from '@/server/accounts/scope';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { notify } from '@/server/issues/notify';
import { once } from '@/server/once';
import { ancestryOf } from '@/server/places/ancestry';
import { inForceOn, thisYear, today, todayDateOnly } from '@/server/today';
import { placeRoster } from './households';

/**
 * Residents asking for a residents' meeting (组织法 art. 10, decision 068). Residents of the community start and
 * support a request; a household supports a HOUSEHOLDS request once, a compound (a residents' group) a GROUPS request
 * once — signed by one of its residents' representatives or building heads. Reaching a fifth (a third for groups)
 * tells the community's secretaries once; staff call the meeting or close the request with a reason.
 */
const communityAncestry = async (communityId: number) =>
  (await ancestryOf({ level: 'community', id: communityId })) ?? refuse('meetingRequest.unknown');

const manages = async (by: TBy, communityId: number) =>
  can(by.actor, 'meeting.manage', { ancestry: await communityAncestry(communityId) }, by.today);

/** The person behind the account and their home in the community (where they live, else a home they own). */
async function homeOf(db: TTx | ReturnType<typeof getDb>, by: TBy, communityId: number) {
  if (!(await livesWithin(by, await communityAncestry(communityId), 'meeting.request'))) refuse('meetingRequest.notResident');
  const { personId, person } = await db.user.findUniqueOrThrow({
    where: { id: by.userId },
    select: { personId: true, person: { select: { birthYear: true } } },
  });
  const inCommunity = { building: { compound: { communityId } } };
  const living = await db.residency.findFirst({
    where: { personId, household: inCommunity, OR: [{ until: null }, { until: { gte: todayDateOnly() } }] },
    orderBy: { id: 'asc' },
    select: { householdId: true, household: { select: { building: { select: { id: true, compoundId: true } } } } },
  });
  // Residents only (art. 10 counts residents and the households they live in): an owner living elsewhere would count
  // against a denominator of residents, and take the slot of the household that lives there.
  const owned = living;
  if (!owned) return refuse('meetingRequest.notResident');
  return { personId, birthYear: person.birthYear, householdId: owned.householdId, ...owned.household.building };
}

/** The denominator of a basis: adult residents, occupied households, or the community's compounds (its residents' groups). */
async function totalOf(db: TTx | ReturnType<typeof getDb>, basis: TRequestBasis, communityId: number) {
  if (basis === 'GROUPS') return db.compound.count({ where: { communityId } });
  const roster = await placeRoster(db, { communityId, compoundId: null });
  if (basis === 'HOUSEHOLDS') return roster.filter((h) => h.residents.length > 0).length;
  const adults = new Set<number>();
  for (const h of roster) for (const r of h.residents) if (isAdult(r.birthYear, thisYear())) adults.add(r.personId);
  return adults.size;
}

export async function startRequest(
  by: TBy,
  input: { communityId: number; basis: TRequestBasis; matter: string; idempotencyKey?: string },
): Promise<{ id: number }> {
  const db = getDb();
  await homeOf(db, by, input.communityId);
  const made = (key: string) =>
    db.meetingRequest
      .findUnique({ where: { idempotencyKey: key }, select: { id: true, createdById: true } })
      .then((r) => r && { made: { id: r.id }, madeBy: r.createdById });
  return once(input.idempotencyKey, by.userId, made, () =>
    db.$transaction(async (tx) => {
      const r = await tx.meetingRequest.create({
        data: {
          communityId: input.communityId,
          basis: input.basis,
          matter: input.matter,
          createdById: by.userId,
          idempotencyKey: input.idempotencyKey ?? null,
        },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'meetingRequest.start',
        entityType: 'MeetingRequest',
        entityId: r.id,
        after: { basis: input.basis, matter: input.matter },
        communityId: input.communityId,
      });
      return { id: r.id };
    }),
  );
}

const openRequest = async (tx: TTx, id: number) => {
  const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "MeetingRequest" WHERE id = ${id} FOR UPDATE`;
  if (!row) refuse('meetingRequest.unknown');
  if (row!.status !== 'OPEN') refuse('meetingRequest.notOpen');
  return tx.meetingRequest.findUniqueOrThrow({ where: { id } });
};

/** Is this person a residents' representative of the community, or a building head of the building they live in? */
async function speaksForGroup(tx: TTx, by: TBy, home: { personId: number; id: number }, communityId: number) {
  const rep = await tx.bodyMember.findFirst({
    where: { personId: home.personId, body: { kind: 'RESIDENTS_REPRESENTATIVES', communityId }, ...inForceOn(today()) },
  });
  if (rep) return true;
  return !!(await tx.roleGrant.findFirst({
    where: { userId: by.userId, role: 'BUILDING_HEAD', placeLevel: 'BUILDING', placeId: home.id, revokedAt: null, ...inForceOn(today()) },
  }));
}

export async function supportRequest(by: TBy, requestId: number) {
  const db = getDb();
  const r = (await db.meetingRequest.findUnique({ where: { id: requestId } })) ?? refuse('meetingRequest.unknown');
  const home = await homeOf(db, by, r.communityId);
  try {
    return await db.$transaction(async (tx) => {
      const req = await openRequest(tx, requestId);
      if (req.basis === 'ADULTS' && !isAdult(home.birthYear, thisYear())) refuse('meetingRequest.notAdult');
      if (req.basis === 'GROUPS' && !(await speaksForGroup(tx, by, home, req.communityId))) refuse('meetingRequest.notGroupRepresentative');
      await tx.meetingRequestSupport.create({
        data: {
          requestId,
          personId: home.personId,
          householdId: req.basis === 'ADULTS' ? null : home.householdId,
          compoundId: req.basis === 'GROUPS' ? home.compoundId : null,
        },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'meetingRequest.support',
        entityType: 'MeetingRequest',
        entityId: requestId,
        communityId: req.communityId,
      });
      const count = await tx.meetingRequestSupport.count({ where: { requestId } });
      const threshold = requestThreshold(req.basis, await totalOf(tx, req.basis, req.communityId), count);
      if (threshold.reached) await tellSecretaries(tx, req);
      return threshold;
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('meetingRequest.alreadySupported');
    throw e;
  }
}

/** The community's secretaries and committee staff, once per request (the notification's key decides). */
async function tellSecretaries(tx: TTx, req: { id: number; communityId: number; matter: string }) {
  const grants = await tx.roleGrant.findMany({
    where: {
      revokedAt: null,
      ...inForceOn(today()),
      role: { in: ['COMMUNITY_SECRETARY', 'RESIDENTS_COMMITTEE_STAFF'] },
      placeLevel: 'COMMUNITY',
      placeId: req.communityId,
    },
    select: { userId: true },
  });
  await notify(
    tx,
    grants.map((g) => g.userId),
    {
      kind: 'meetingRequest.reached',
      link: `/requests/${req.id}`,
      title: req.matter.slice(0, 80),
      body: req.matter,
      onceKey: `meetingRequest:${req.id}:reached`,
    },
  );
}

export async function withdrawSupport(by: TBy, requestId: number) {
  const db = getDb();
  const { personId } = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  await db.$transaction(async (tx) => {
    const req = await openRequest(tx, requestId);
    const gone = await tx.meetingRequestSupport.deleteMany({ where: { requestId, personId } });
    if (gone.count === 0) refuse('meetingRequest.notSupported');
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meetingRequest.withdrawSupport',
      entityType: 'MeetingRequest',
      entityId: requestId,
      communityId: req.communityId,
    });
  });
}

/** Staff answer a request with a residents' meeting of the community not yet held (status CALLED). */
export async function callRequestedMeeting(by: TBy, requestId: number, meetingId: number) {
  const db = getDb();
  const r = (await db.meetingRequest.findUnique({ where: { id: requestId } })) ?? refuse('meetingRequest.unknown');
  authorize(by, 'meeting.manage', await communityAncestry(r.communityId));
  const m = await db.meeting.findUnique({ where: { id: meetingId } });
  if (!m || m.kind !== 'RESIDENTS_MEETING' || m.communityId !== r.communityId || m.status !== 'SCHEDULED')
    refuse('meetingRequest.meetingUnfit');
  await db.$transaction(async (tx) => {
    await openRequest(tx, requestId);
    await tx.meetingRequest.update({ where: { id: requestId }, data: { status: 'CALLED', meetingId } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meetingRequest.call',
      entityType: 'MeetingRequest',
      entityId: requestId,
      after: { meetingId },
      communityId: r.communityId,
    });
  });
}

/** Closed with a reason: by staff, or withdrawn by whoever started it. */
export async function closeRequest(by: TBy, requestId: number, reason: string) {
  const db = getDb();
  const r = (await db.meetingRequest.findUnique({ where: { id: requestId } })) ?? refuse('meetingRequest.unknown');
  const staff = can(by.actor, 'meeting.manage', { ancestry: await communityAncestry(r.communityId) }, by.today);
  if (r.createdById !== by.userId && !staff) authorize(by, 'meeting.manage', await communityAncestry(r.communityId));
  await db.$transaction(async (tx) => {
    await openRequest(tx, requestId);
    // Its starter withdraws it only while nobody else has joined: others' support is theirs (staff close it with a reason).
    if (!staff) {
      const me = await tx.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
      if ((await tx.meetingRequestSupport.count({ where: { requestId, personId: { not: me.personId } } })) > 0)
        refuse('meetingRequest.othersSupport');
    }
    await tx.meetingRequest.update({ where: { id: requestId }, data: { status: 'CLOSED', closeReason: reason } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meetingRequest.close',
      entityType: 'MeetingRequest',
      entityId: requestId,
      after: { reason },
      communityId: r.communityId,
    });
  });
}

/** Who may read a community's requests: its residents and those who run its meetings. Supporters are counted, never named. */
async function requireReader(by: TBy, communityId: number) {
  const staff = await manages(by, communityId);
  if (!staff && !(await livesWithin(by, await communityAncestry(communityId), 'meeting.request'))) refuse('auth.forbidden');
  return staff;
}

export async function listRequests(by: TBy, communityId: number) {
  const staff = await requireReader(by, communityId);
  const db = getDb();
  const rows = await db.meetingRequest.findMany({
    where: { communityId },
    orderBy: { id: 'desc' },
    take: 50,
    select: { id: true, basis: true, matter: true, status: true, createdAt: true, _count: { select: { supports: true } } },
  });
  const totals = new Map<TRequestBasis, number>();
  for (const b of new Set(rows.map((r) => r.basis))) totals.set(b, await totalOf(db, b, communityId));
  return {
    staff,
    requests: rows.map((r) => ({ ...r, ...requestThreshold(r.basis, totals.get(r.basis)!, r._count.supports) })),
  };
}

export async function requestView(by: TBy, requestId: number) {
  const db = getDb();
  const r =
    (await db.meetingRequest.findUnique({
      where: { id: requestId },
      include: { meeting: { select: { id: true, title: true } }, community: { select: { name: true, code: true } } },
    })) ?? refuse('meetingRequest.unknown');
  const staff = await requireReader(by, r.communityId);
  const { personId } = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  const [count, mine] = await Promise.all([
    db.meetingRequestSupport.count({ where: { requestId } }),
    db.meetingRequestSupport.findUnique({ where: { requestId_personId: { requestId, personId } } }),
  ]);
  const meetings = staff
    ? await db.meeting.findMany({
        where: { communityId: r.communityId, kind: 'RESIDENTS_MEETING', status: 'SCHEDULED' },
        orderBy: { startsAt: 'asc' },
        select: { id: true, title: true, startsAt: true },
      })
    : [];
  return {
    id: r.id,
    basis: r.basis,
    matter: r.matter,
    status: r.status,
    closeReason: r.closeReason,
    meeting: r.meeting,
    community: r.community,
    createdAt: r.createdAt,
    mine: !!mine,
    starter: r.createdById === by.userId,
    staff,
    meetings,
    ...requestThreshold(r.basis, await totalOf(db, r.basis, r.communityId), count),
  };
}

/** For the secretary's desk: open requests of the places they run that reached their threshold. */
export async function requestsAtThreshold(communityIds: number[]) {
  const db = getDb();
  const open = await db.meetingRequest.findMany({
    where: { communityId: { in: communityIds }, status: 'OPEN' },
    select: { id: true, basis: true, matter: true, communityId: true, _count: { select: { supports: true } } },
  });
  const out = [];
  for (const r of open) {
    const t = requestThreshold(r.basis, await totalOf(db, r.basis, r.communityId), r._count.supports);
    if (t.reached) out.push({ id: r.id, matter: r.matter, basis: r.basis, ...t });
  }
  return out;
}

/** The community of a link (?community=<code>), or a refusal: pages show not-found for both. */
export async function communityOfCode(code: string) {
  return (
    (await getDb().community.findUnique({ where: { code }, select: { id: true, name: true, code: true } })) ??
    refuse('meetingRequest.unknown')
  );
}
