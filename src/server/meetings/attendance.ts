import 'server-only';
import { can } from '@/domain/authz/can';
import { quorum, signInOpen } from '@/domain/meetings/meetings';
import { heldOnline, presentSplit } from '@/domain/meetings/online';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { mayAttendOpen, requireAnnounced } from './open';

export const meetingAncestry = (m: { compoundId: number | null; communityId: number }) =>
  ancestryOf(m.compoundId ? { level: 'compound', id: m.compoundId } : { level: 'community', id: m.communityId });

export async function requireOrganiser(by: TBy, meetingId: number) {
  const m = (await getDb().meeting.findUnique({ where: { id: meetingId } })) ?? refuse('auth.forbidden');
  authorize(by, 'meeting.manage', await meetingAncestry(m));
  return m;
}

export async function organises(by: TBy | null, m: { compoundId: number | null; communityId: number }) {
  const a = by ? await meetingAncestry(m) : null;
  return !!by && !!a && can(by.actor, 'meeting.manage', { ancestry: a }, by.today);
}

/**
 * A member signs in by scanning the meeting's QR code on their phone (signed in as themselves): only
 * someone invited as a member of the holding body, only while sign-in is open, only once.
 */
export async function signInByQr(by: TBy, meetingId: number, token: string) {
  const m = await getDb().meeting.findUnique({ where: { id: meetingId } });
  if (!m || m.signInToken !== token) return refuse('meeting.badCode');
  await signIn(by, m, false);
}

/** An invitee taking part in an online or hybrid meeting from wherever they are signs in from the meeting's page. */
export async function signInOnline(by: TBy, meetingId: number) {
  const m = (await getDb().meeting.findUnique({ where: { id: meetingId } })) ?? refuse('auth.forbidden');
  if (!heldOnline(m.mode)) refuse('meeting.notOnline');
  await signIn(by, m, true);
}

async function signIn(by: TBy, m: Parameters<typeof mayAttendOpen>[1] & { startsAt: Date; endsAt: Date; status: string }, online: boolean) {
  const db = getDb();
  const meetingId = m.id;
  requireAnnounced(m);
  if (!signInOpen(new Date(), m)) refuse('meeting.signInClosed');
  const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  const invite = await db.meetingInvite.findUnique({ where: { meetingId_personId: { meetingId, personId: me.personId } } });
  // Not invited: at an open meeting a resident of the place signs in all the same (decision 067), counted in 参与人次.
  if (!invite) await mayAttendOpen(by, m);
  try {
    await db.$transaction(async (tx) => {
      const method = online ? 'ONLINE' : 'QR';
      await tx.attendance.create({ data: { meetingId, personId: me.personId, method, online, byUserId: by.userId } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'meeting.signIn',
        entityType: 'Meeting',
        entityId: meetingId,
        after: { personId: me.personId, method },
        communityId: m.communityId,
        compoundId: m.compoundId,
      });
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('meeting.alreadySignedIn');
    throw e;
  }
}

/** The secretary marks attendance by hand for people without phones, or who joined online (invitees only, once). */
export async function markAttendance(by: TBy, meetingId: number, personId: number, online = false) {
  const m = await requireOrganiser(by, meetingId);
  if (m.status === 'CANCELLED') refuse('meeting.cancelled');
  if (online && !heldOnline(m.mode)) refuse('meeting.notOnline');
  const db = getDb();
  if (!(await db.meetingInvite.findUnique({ where: { meetingId_personId: { meetingId, personId } } }))) refuse('meeting.notInvited');
  try {
    await db.$transaction(async (tx) => {
      await tx.attendance.create({ data: { meetingId, personId, method: 'MANUAL', online, byUserId: by.userId } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'meeting.mark',
        entityType: 'Meeting',
        entityId: meetingId,
        after: { personId, method: 'MANUAL', online },
        communityId: m.communityId,
        compoundId: m.compoundId,
      });
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('meeting.alreadySignedIn');
    throw e;
  }
}

/**
 * 应到 / 实到 and the quorum of the holding body's rule, as the live panel shows it; 实到 split into those in the room (现场)
 * and those online (线上) — both count toward the quorum (decision 059).
 */
export async function attendancePanel(meetingId: number) {
  const db = getDb();
  const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { kind: true } });
  const [members, rows] = await Promise.all([
    db.meetingInvite.findMany({ where: { meetingId, member: true }, select: { personId: true } }),
    db.attendance.findMany({ where: { meetingId }, select: { personId: true, online: true } }),
  ]);
  const memberIds = new Set(members.map((i) => i.personId));
  const present = rows.filter((r) => r.personId !== null && memberIds.has(r.personId));
  const expected = members.length;
  return {
    expected,
    present: present.length,
    ...presentSplit(present),
    others: rows.length - present.length,
    /** 参与人次 (decision 067): every row that is not a present member — residents, walk-ins, guests. */
    participants: rows.length - present.length,
    ...quorum(m.kind, expected, present.length),
  };
}

/** The panel for a viewer: those who run meetings at its place, or someone invited to it (decision 031); else refused. */
export async function attendancePanelFor(by: TBy, meetingId: number) {
  const db = getDb();
  const m =
    (await db.meeting.findUnique({ where: { id: meetingId }, select: { communityId: true, compoundId: true } })) ??
    refuse('auth.forbidden');
  if (await organises(by, m)) return attendancePanel(meetingId);
  const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  if (!(await db.meetingInvite.findUnique({ where: { meetingId_personId: { meetingId, personId: me.personId } } })))
    refuse('auth.forbidden');
  return attendancePanel(meetingId);
}

export async function rsvp(by: TBy, meetingId: number, answer: 'YES' | 'NO') {
  const db = getDb();
  const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  const r = await db.meetingInvite.updateMany({ where: { meetingId, personId: me.personId }, data: { rsvp: answer } });
  if (r.count !== 1) refuse('meeting.notInvited');
}

/** Closes the meeting: sign-in ends. */
export async function closeMeeting(by: TBy, meetingId: number) {
  const m = await requireOrganiser(by, meetingId);
  if (m.status !== 'SCHEDULED') refuse('meeting.notOpen');
  await getDb().$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: meetingId }, data: { status: 'CLOSED' } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meeting.close',
      entityType: 'Meeting',
      entityId: meetingId,
      communityId: m.communityId,
      compoundId: m.compoundId,
    });
  });
}
