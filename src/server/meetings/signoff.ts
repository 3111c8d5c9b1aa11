import 'server-only';
import { chairOf } from '@/domain/meetings/joint';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { inForceOn, today } from '@/server/today';
import { organises } from './attendance';
import { hostName } from './hosts';

/** The persons who chair a host today: a body's CHAIR else VICE_CHAIR; a party organisation's SECRETARY else DEPUTY_SECRETARY. */
async function chairsOf(tx: TTx, h: { bodyId: number | null; partyOrgId: number | null }) {
  const day = today();
  if (h.bodyId) {
    const rows = await tx.bodyMember.findMany({
      where: { bodyId: h.bodyId, ...inForceOn(day) },
      select: { personId: true, position: true },
    });
    return chairOf(rows, 'body');
  }
  const rows = await tx.partyOrgMember.findMany({
    where: { partyOrgId: h.partyOrgId!, ...inForceOn(day) },
    select: { personId: true, position: true },
  });
  return chairOf(rows, 'partyOrg');
}

/**
 * A host's chair signs off the circulated minutes of a joint meeting (签认), or someone who manages the meeting signs on
 * the chair's behalf (代签, recorded: signedById is theirs). One sign-off per host: a second is refused. The minutes row is
 * locked first, so two sign-offs at once are counted one after the other, and the last one approves the minutes in the
 * same transaction (decision 066).
 */
export async function signOffMinutes(by: TBy, meetingId: number, hostId: number) {
  const db = getDb();
  const m = (await db.meeting.findUnique({ where: { id: meetingId } })) ?? refuse('auth.forbidden');
  const host = await db.meetingHost.findUnique({ where: { id: hostId } });
  if (!host || host.meetingId !== meetingId) return refuse('auth.forbidden');
  const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  const chair = (await chairsOf(db, host)).includes(me.personId);
  if (!chair && !(await organises(by, m))) refuse('meetingHosts.notChair');
  try {
    return await db.$transaction(async (tx) => {
      const [min] = await tx.$queryRaw<{ id: number; status: string }[]>`
        SELECT id, status::text AS status FROM "Minutes" WHERE "meetingId" = ${meetingId} FOR UPDATE`;
      if (!min) return refuse('meeting.noMinutes');
      if (min.status === 'APPROVED') refuse('meeting.minutesApproved');
      if (min.status !== 'CIRCULATED') refuse('meeting.minutesNotCirculated');
      await tx.minutesSignoff.create({ data: { minutesId: min.id, hostId, signedById: by.userId } });
      const audit = { actorId: by.userId, actorLabel: by.label, entityType: 'Meeting' as const, entityId: meetingId };
      const place = { communityId: m.communityId, compoundId: m.compoundId };
      await writeAudit(tx, { ...audit, ...place, action: 'meeting.signoff', after: { hostId, onBehalf: !chair } });
      const [hosts, signed] = await Promise.all([
        tx.meetingHost.count({ where: { meetingId } }),
        tx.minutesSignoff.count({ where: { minutesId: min.id } }),
      ]);
      const approved = signed >= hosts;
      if (approved) {
        await tx.minutes.update({ where: { id: min.id }, data: { status: 'APPROVED', approvedAt: new Date() } });
        await writeAudit(tx, { ...audit, ...place, action: 'minutes.approved', after: { bySignoffs: signed } });
      }
      return { approved, onBehalf: !chair };
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('meetingHosts.signedAlready');
    throw e;
  }
}

/**
 * Each host of a meeting with its sign-off (when, and whether on the chair's behalf), and whether the viewer may sign it:
 * the host's chair, or someone who manages the meeting, while the minutes are circulated. Empty without hosts.
 */
export async function signoffView(by: TBy | null, meetingId: number) {
  const db = getDb();
  const hosts = await db.meetingHost.findMany({
    where: { meetingId },
    orderBy: { id: 'asc' },
    include: {
      body: { select: { name: true } },
      partyOrg: { select: { name: true } },
      signoffs: { select: { signedAt: true, signedBy: { select: { personId: true } } } },
    },
  });
  if (!hosts.length) return [];
  const m = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { communityId: true, compoundId: true, minutes: { select: { status: true } } },
  });
  const me = by ? await db.user.findUnique({ where: { id: by.userId }, select: { personId: true } }) : null;
  const manager = await organises(by, m);
  const open = m.minutes?.status === 'CIRCULATED';
  return Promise.all(
    hosts.map(async (h) => {
      const chairs = await chairsOf(db, h);
      const s = h.signoffs[0];
      return {
        hostId: h.id,
        name: hostName(h),
        signed: s ? { at: s.signedAt, onBehalf: !chairs.includes(s.signedBy.personId) } : null,
        maySign: open && !s && !!me && (chairs.includes(me.personId) || manager),
        asChair: !!me && chairs.includes(me.personId),
      };
    }),
  );
}
