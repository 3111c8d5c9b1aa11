import 'server-only';
import { getDb } from '@/server/db';
import { motionResultView } from '@/server/votes/describe';
import { procedureOf } from './procedures';

/** The notice kinds that make a topic's decision public (its record may then be read by anyone). */
const DECIDED = ['DECISION', 'RESULT'];

/**
 * A topic's public record (issue 20, item 9): what a decision notice's "查看议事经过" opens, for anyone. Only for a topic
 * whose decision is public (a decision or result notice on the board) and not in a party-members-first step. It shows
 * the steps and when each began, the meetings held on it, the closed votes' tallies and the notices — never a person:
 * no actor, author, attendee or voter name, no description (it may name the resident who raised it).
 */
export async function publicTopicRecord(topicId: number) {
  const db = getDb();
  const topic = await db.topic.findUnique({
    where: { id: topicId },
    include: {
      procedure: true,
      notices: { orderBy: { publishedAt: 'asc' }, select: { id: true, kind: true, title: true, publishedAt: true } },
    },
  });
  if (!topic || topic.partyOnly || !topic.notices.some((n) => DECIDED.includes(n.kind))) return null;
  const [events, motions, agenda, place] = await Promise.all([
    db.topicEvent.findMany({ where: { topicId }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { stepIndex: true, at: true } }),
    db.motion.findMany({ where: { topicId, status: { not: 'OPEN' } }, orderBy: { id: 'asc' } }),
    db.agendaItem.findMany({
      where: { topicId, meeting: { status: 'CLOSED' } },
      select: { meeting: { select: { id: true, title: true, startsAt: true, _count: { select: { attendance: true } } } } },
    }),
    db.community.findUnique({
      where: { id: topic.communityId },
      select: { name: true, code: true, compounds: { where: { id: topic.compoundId ?? -1 }, select: { name: true } } },
    }),
  ]);
  const bodies = new Map(
    (
      await db.body.findMany({
        where: { id: { in: motions.flatMap((m) => (m.bodyId ? [m.bodyId] : [])) } },
        select: { id: true, name: true },
      })
    ).map((b) => [b.id, b.name]),
  );
  const firstAt = (i: number) => events.find((e) => e.stepIndex === i)?.at ?? null;
  const meetings = new Map(
    agenda.map(({ meeting: m }) => [m.id, { id: m.id, title: m.title, startsAt: m.startsAt, attended: m._count.attendance }]),
  );
  return {
    id: topic.id,
    title: topic.title,
    status: topic.status,
    place: { community: place?.name ?? '', communityCode: place?.code ?? null, compound: place?.compounds[0]?.name ?? null },
    procedure: { name: topic.procedure.nameZh, nameEn: topic.procedure.nameEn },
    steps: procedureOf(topic.procedure).steps.map((s, i) => ({
      key: s.key,
      reached: i <= topic.stepIndex || topic.status === 'DONE',
      current: topic.status === 'OPEN' && i === topic.stepIndex,
      from: i === 0 ? topic.createdAt : i <= topic.stepIndex ? firstAt(i) : null,
    })),
    meetings: [...meetings.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    motions: motions.map((m) => ({
      id: m.id,
      stepIndex: m.stepIndex,
      view: motionResultView(m, m.bodyId ? (bodies.get(m.bodyId) ?? null) : null),
    })),
    notices: topic.notices,
  };
}

/**
 * Where 查看议事经过 leads: the topic's public record once its decision is public; before that its page for those signed
 * in, and nowhere for anyone else. The one rule for the notice page and the finance page.
 */
export async function topicHref(topicId: number, signedIn: boolean): Promise<string | null> {
  if (await hasPublicRecord(topicId)) return `/board/t/${topicId}`;
  return signedIn ? `/topics/${topicId}` : null;
}

/** Whether a topic has a public record (a notice links to it only then; otherwise to the signed-in topic page). */
export async function hasPublicRecord(topicId: number): Promise<boolean> {
  const topic = await getDb().topic.findFirst({
    where: { id: topicId, partyOnly: false, notices: { some: { kind: { in: DECIDED } } } },
    select: { id: true },
  });
  return topic !== null;
}
