import 'server-only';
import { can, scopesOf } from '@/domain/authz/can';
import { publicationState } from '@/domain/meetings/residents';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { chinaDay, today } from '@/server/today';
import { livesWithin } from '@/server/accounts/scope';

/**
 * An owners' committee publishes its decisions within 3 days (rules.md §4; decision 068 "As built": China's calendar
 * days, the decision day not counted). A decided motion of an OWNERS_COMMITTEE body whose topic has no DECISION notice
 * published since is warned about from the third day: on the meeting page (when the motion was taken there or its
 * topic is on the agenda) and on the desk of those who run meetings at its place.
 */
type TWhere = { meetingId?: number; topicIds?: number[]; places?: Record<string, unknown>[] };

/** A topic filter for the places where a permission is held (no role holds meeting.manage at a building: none there). */
const topicAt = (p: { level: string; id: number }) =>
  p.level === 'district'
    ? { districtId: p.id }
    : p.level === 'street'
      ? { streetId: p.id }
      : p.level === 'community'
        ? { communityId: p.id }
        : p.level === 'compound'
          ? { compoundId: p.id }
          : { id: -1 };

async function decisions(where: TWhere, now: Date) {
  const since = new Date(now.getTime() - 90 * 86_400_000);
  const db = getDb();
  const bodies = (await db.body.findMany({ where: { kind: 'OWNERS_COMMITTEE' }, select: { id: true } })).map((b) => b.id);
  const motions = await db.motion.findMany({
    where: {
      decidedAt: { not: null, gte: since },
      bodyId: { in: bodies },
      ...(where.meetingId || where.topicIds
        ? {
            OR: [
              ...(where.meetingId ? [{ meetingId: where.meetingId }] : []),
              ...(where.topicIds ? [{ topicId: { in: where.topicIds } }] : []),
            ],
          }
        : {}),
      // The desk asks for its own places only: another place's decisions never crowd its warnings out of the page.
      ...(where.places ? { topic: { OR: where.places } } : {}),
    },
    orderBy: { decidedAt: 'asc' },
    take: 200,
    select: {
      id: true,
      decidedAt: true,
      topic: {
        select: {
          id: true,
          title: true,
          districtId: true,
          streetId: true,
          communityId: true,
          compoundId: true,
          notices: { where: { kind: 'DECISION' }, select: { publishedAt: true } },
        },
      },
    },
  });
  const day = today(now);
  return motions
    .map((m) => {
      const published = m.topic.notices.find((n) => n.publishedAt >= m.decidedAt!);
      const state = publicationState(chinaDay(m.decidedAt!), day, published ? chinaDay(published.publishedAt) : null);
      return { motionId: m.id, topicId: m.topic.id, title: m.topic.title, decided: chinaDay(m.decidedAt!), topic: m.topic, ...state };
    })
    .filter((w) => w.state === 'LAST_DAY' || w.state === 'LATE');
}

const strip = (w: Awaited<ReturnType<typeof decisions>>[number]) => ({
  motionId: w.motionId,
  topicId: w.topicId,
  title: w.title,
  decided: w.decided,
  state: w.state,
  over: w.over,
  dueBy: w.dueBy,
});

/** The warnings a meeting's page shows: decisions taken at it (or on its agenda) late to publish. Organisers and residents of the place alike. */
export async function meetingCommitteeWarnings(meetingId: number, now = new Date()) {
  const db = getDb();
  const m = await db.meeting.findUnique({ where: { id: meetingId }, select: { kind: true, agenda: { select: { topicId: true } } } });
  if (!m || m.kind !== 'OWNERS_COMMITTEE') return [];
  const topicIds = m.agenda.flatMap((a) => (a.topicId ? [a.topicId] : []));
  return (await decisions({ meetingId, topicIds }, now)).map(strip);
}

/** The desk: late committee decisions of the places where this person runs meetings. */
export async function deskCommitteeWarnings(by: TBy, now = new Date()) {
  const places = scopesOf(by.actor, 'meeting.manage', by.today).map(topicAt);
  if (places.length === 0) return [];
  const all = await decisions({ places }, now);
  return all
    .filter((w) =>
      can(
        by.actor,
        'meeting.manage',
        {
          ancestry: {
            district: w.topic.districtId,
            street: w.topic.streetId,
            community: w.topic.communityId,
            ...(w.topic.compoundId ? { compound: w.topic.compoundId } : {}),
          },
        },
        by.today,
      ),
    )
    .map(strip);
}

/** Whether a viewer may see the meeting's warnings (they name a decision, which is public once published anyway). */
export const mayReadWarnings = (by: TBy | null, ancestry: Parameters<typeof livesWithin>[1]) =>
  by ? can(by.actor, 'meeting.manage', { ancestry }, by.today) || livesWithin(by, ancestry, 'meeting.attend') : false;
