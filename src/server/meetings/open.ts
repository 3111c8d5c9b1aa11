import 'server-only';
import { announced, type TApproval } from '@/domain/meetings/approval';
import type { TBy } from '@/server/accounts/by';
import { livesWithin } from '@/server/accounts/scope';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { dateOnly, today } from '@/server/today';
import { meetingAncestry, requireOrganiser } from './attendance';

type TOpenMeeting = { id: number; open: boolean; approval: TApproval | null; communityId: number; compoundId: number | null };

/** A proposed or returned meeting is not announced: nobody signs in to it, and no walk-in is entered (decision 067). */
export function requireAnnounced(m: { approval: TApproval | null }) {
  if (!announced(m.approval)) refuse('meetingOpen.notApproved');
}

/**
 * May someone not invited sign in to this meeting by its QR code? Only at an open meeting, only a verified resident
 * living around its place (meeting.attend held at home, decision 067); refused otherwise, with what to do.
 */
export async function mayAttendOpen(by: TBy, m: TOpenMeeting): Promise<void> {
  if (!m.open) refuse('meeting.notInvited');
  requireAnnounced(m);
  const ancestry = await meetingAncestry(m);
  if (ancestry && (await livesWithin(by, ancestry, 'meeting.attend'))) return;
  // No confirmed household at all: the account is told to have it confirmed, not that it lives elsewhere.
  const home = by.actor.grants.some((g) => g.place.level === 'building');
  refuse(home ? 'meetingOpen.elsewhere' : 'meetingOpen.unverified');
}

/** A walk-in: staff type a name (no account, not in the roster), or pick a resident of the place from the roster. */
export type TWalkIn = { name?: string; personId?: number; idempotencyKey?: string };

/**
 * Staff record someone who came to an open meeting: counted in 参与人次, never in 实到. A name is written as typed
 * (the same form key twice writes it once); a resident picked from the roster must live at the meeting's place and
 * is recorded once per meeting.
 */
export async function addWalkIn(by: TBy, meetingId: number, w: TWalkIn) {
  const m = await requireOrganiser(by, meetingId);
  if (!m.open) refuse('meetingOpen.notOpen');
  requireAnnounced(m);
  if (m.status === 'CANCELLED') refuse('meeting.cancelled');
  const name = w.name?.trim() ?? '';
  if (!w.personId && name.length === 0) refuse('meetingOpen.nameEmpty');
  if (name.length > 40) refuse('meetingOpen.nameTooLong');
  const db = getDb();
  if (w.personId && !(await livesAt(w.personId, m))) refuse('meetingOpen.notResident');
  try {
    return await db.$transaction(async (tx) => {
      // One form key, one walk-in: the meeting's row is locked while the key is looked up, so two taps queue here.
      await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
      if (w.idempotencyKey) {
        const done = await tx.auditLog.findFirst({
          where: {
            action: 'meeting.walkIn',
            entityType: 'Meeting',
            entityId: String(meetingId),
            after: { path: ['key'], equals: w.idempotencyKey },
          },
          select: { id: true },
        });
        if (done) return { repeated: true };
      }
      const row = await tx.attendance.create({
        data: { meetingId, personId: w.personId ?? null, walkInName: w.personId ? null : name, method: 'MANUAL', byUserId: by.userId },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'meeting.walkIn',
        entityType: 'Meeting',
        entityId: meetingId,
        after: { attendanceId: row.id, personId: w.personId ?? null, walkInName: row.walkInName, key: w.idempotencyKey ?? null },
        communityId: m.communityId,
        compoundId: m.compoundId,
      });
      return { repeated: false };
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('meeting.alreadySignedIn');
    throw e;
  }
}

/** A residency not ended before today. */
const stillLiving = () => ({ OR: [{ until: null }, { until: { gte: dateOnly(today()) } }] });

/** Households of the place (a compound, or the whole community). */
const householdsAt = (m: { communityId: number; compoundId: number | null }) =>
  m.compoundId ? { building: { compoundId: m.compoundId } } : { building: { compound: { communityId: m.communityId } } };

async function livesAt(personId: number, m: { communityId: number; compoundId: number | null }) {
  const db = getDb();
  const where = { personId, household: householdsAt(m) };
  const [r, o] = await Promise.all([db.residency.findFirst({ where: { ...where, ...stillLiving() } }), db.ownership.findFirst({ where })]);
  return !!(r || o);
}

/**
 * The roster to pick a resident from (organisers only): the place's buildings, and in the chosen one its rooms'
 * residents as "1-101 · 姓名" (unit-room). Names are for the organiser's form; nothing here is public.
 */
export async function rosterPick(by: TBy, meetingId: number, buildingId: number | undefined) {
  const m = await requireOrganiser(by, meetingId);
  const db = getDb();
  const buildings = await db.building.findMany({
    where: m.compoundId ? { compoundId: m.compoundId } : { compound: { communityId: m.communityId } },
    orderBy: [{ compoundId: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, compound: { select: { name: true } } },
    take: 500,
  });
  const building = buildings.find((b) => b.id === buildingId);
  const people = building
    ? await db.residency.findMany({
        where: { household: { buildingId: building.id }, ...stillLiving() },
        orderBy: [{ household: { unitNo: 'asc' } }, { household: { roomNo: 'asc' } }],
        select: { personId: true, person: { select: { name: true } }, household: { select: { unitNo: true, roomNo: true } } },
      })
    : [];
  return {
    buildings: buildings.map((b) => ({ id: b.id, label: m.compoundId ? b.name : `${b.compound.name} ${b.name}` })),
    building: building?.id ?? null,
    people: [...new Map(people.map((p) => [p.personId, p])).values()].map((p) => ({
      personId: p.personId,
      label: `${p.household.unitNo}-${p.household.roomNo} · ${p.person.name}`,
    })),
  };
}

/**
 * 参与人次 for the organisers' sheet: everyone signed in who is not an invited member — residents (by QR or picked from
 * the roster), invited guests and walk-ins by name — listed apart. Organisers only (the public sees counts).
 */
export async function participantsOf(meetingId: number) {
  const db = getDb();
  const [members, rows] = await Promise.all([
    db.meetingInvite.findMany({ where: { meetingId, member: true }, select: { personId: true } }),
    db.attendance.findMany({
      where: { meetingId, householdId: null },
      orderBy: { at: 'asc' },
      select: { id: true, personId: true, walkInName: true, method: true, at: true },
    }),
  ]);
  const memberIds = new Set(members.map((i) => i.personId));
  const others = rows.filter((r) => r.personId === null || !memberIds.has(r.personId));
  const persons = await db.person.findMany({
    where: { id: { in: others.flatMap((r) => (r.personId === null ? [] : [r.personId])) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(persons.map((p) => [p.id, p.name]));
  return {
    residents: others.filter((r) => r.personId !== null).map((r) => ({ id: r.id, name: nameOf.get(r.personId!) ?? '', method: r.method })),
    walkIns: others.filter((r) => r.personId === null && r.walkInName).map((r) => ({ id: r.id, name: r.walkInName! })),
  };
}
