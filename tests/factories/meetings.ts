import { randomBytes } from 'node:crypto';
import type { MeetingKind } from '@/generated/prisma/client';
import type { TDbLike } from './db';

/** A meeting with its holding body's members invited (demo data and tests). */
export async function createMeeting(
  db: TDbLike,
  a: {
    kind: MeetingKind;
    title: string;
    communityId: number;
    compoundId?: number;
    bodyId?: number;
    startsAt: Date;
    minutes: number;
    location: string;
    createdById: number;
    seriesId?: number;
  },
) {
  const m = await db.meeting.create({
    data: {
      kind: a.kind,
      title: a.title,
      communityId: a.communityId,
      compoundId: a.compoundId ?? null,
      bodyId: a.bodyId ?? null,
      seriesId: a.seriesId ?? null,
      startsAt: a.startsAt,
      endsAt: new Date(a.startsAt.getTime() + a.minutes * 60_000),
      location: a.location,
      signInToken: randomBytes(18).toString('base64url'),
      createdById: a.createdById,
    },
  });
  if (a.bodyId) {
    const members = await db.bodyMember.findMany({ where: { bodyId: a.bodyId }, select: { personId: true } });
    await db.meetingInvite.createMany({
      data: [...new Set(members.map((x) => x.personId))].map((personId) => ({ meetingId: m.id, personId })),
    });
  }
  return m;
}
