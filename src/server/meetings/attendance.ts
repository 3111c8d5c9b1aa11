import 'server-only';
import { can } from '@/domain/authz/can';
import { quorum, signInOpen } from '@/domain/meetings/meetings';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';

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
  const db = getDb();
  const m = await db.meeting.findUnique({ where: { id: meetingId } });
  if (!m || m.signInToken !== token) return refuse('meeting.badCode');
  if (!signInOpen(new Date(), m)) refuse('meeting.signInClosed');
  const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  const invite = await db.meetingInvite.findUnique({ where: { meetingId_personId: { meetingId, personId: me.personId } } });
  if (!invite) refuse('meeting.notInvited');
  try {
    await db.$transaction(async (tx) => {
      await tx.attendance.create({ data: { meetingId, personId: me.personId, method: 'QR', byUserId: by.userId } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'meeting.signIn',
        entityType: 'Meeting',
        entityId: meetingId,
        after: { personId: me.personId, method: 'QR' },
        communityId: m.communityId,
        compoundId: m.compoundId,
      });
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('meeting.alreadySignedIn');
    throw e;
  }
}

/** The secretary marks attendance by hand for people without phones (invitees only, once). */
export async function markAttendance(by: TBy, meetingId: number, personId: number) {
  const m = await requireOrganiser(by, meetingId);
  if (m.status === 'CANCELLED') refuse('meeting.cancelled');
  const db = getDb();
  if (!(await db.meetingInvite.findUnique({ where: { meetingId_personId: { meetingId, personId } } }))) refuse('meeting.notInvited');
  try {
    await db.$transaction(async (tx) => {
      await tx.attendance.create({ data: { meetingId, personId, method: 'MANUAL', byUserId: by.userId } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'meeting.mark',
        entityType: 'Meeting',
        entityId: meetingId,
        after: { personId, method: 'MANUAL' },
        communityId: m.communityId,
        compoundId: m.compoundId,
      });
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('meeting.alreadySignedIn');
    throw e;
  }
}

/** 应到 / 实到 and the quorum of the holding body's rule, as the live panel shows it. */
export async function attendancePanel(meetingId: number) {
  const db = getDb();
  const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { kind: true } });
  const [expected, present, guests] = await Promise.all([
    db.meetingInvite.count({ where: { meetingId, member: true } }),
    db.attendance.count({
      where: {
        meetingId,
        personId: {
          in: (await db.meetingInvite.findMany({ where: { meetingId, member: true }, select: { personId: true } })).map((i) => i.personId),
        },
      },
    }),
    db.attendance.count({ where: { meetingId } }),
  ]);
  return { expected, present, others: guests - present, ...quorum(m.kind, expected, present) };
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
