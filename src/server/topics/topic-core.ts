import 'server-only';
import { can } from '@/domain/authz/can';
import type { TTopicEventType } from '@/domain/topics/events';
import { actsInStep, type TActivity, type TProcedure, type TTopicStanding } from '@/domain/topics/procedure';
import { activityOpen } from '@/domain/topics/transition';
import type { TAncestry } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { getDb, type TTx } from '@/server/db';
import { refuse, UseCaseError } from '@/server/errors';
import { loadActor } from '@/server/auth/actor';
import { today as todayOf } from '@/server/today';
import { notify } from '@/server/issues/notify';
import { procedureOf } from './procedures';
import { supervisionScope } from './supervisors';
import { mayReadTopic, stakeholderPersonIds, takesPart, topicActorsOf, topicAncestry } from './standing';

export type TLoadedTopic = Awaited<ReturnType<typeof loadTopic>>;

/**
 * A topic as this actor may act on it: its procedure, place, and how the actor stands. Someone who may
 * not read it gets the same refusal as for a topic that does not exist.
 */
export async function loadTopic(by: TBy, topicId: number) {
  const topic = await getDb().topic.findUnique({ where: { id: topicId }, include: { procedure: true } });
  const ancestry = topic ? await topicAncestry(topic) : null;
  if (!topic || !ancestry || !(await mayReadTopic(by, topic, ancestry))) return refuse('auth.forbidden');
  const procedure: TProcedure = procedureOf(topic.procedure);
  const actors: Set<TTopicStanding> = topicActorsOf(by, ancestry, topic);
  const step = procedure.steps[topic.stepIndex]!;
  // A step the street (or community) took over (decision 049): those who supervise there run it, until it changes.
  if (topic.stepTakenOverAt && can(by.actor, 'topic.supervise', { ancestry: supervisionScope(ancestry, topic.stepLevel) }, by.today))
    for (const a of step.actors) actors.add(a);
  return { topic, procedure, ancestry: ancestry as TAncestry, actors, step };
}

/** The topic as loadTopic gives it, or null for a viewer who may not read it (pages answer as for a topic that does not exist). */
export async function readableTopic(by: TBy, topicId: number): Promise<TLoadedTopic | null> {
  try {
    return await loadTopic(by, topicId);
  } catch (e) {
    if (e instanceof UseCaseError) return null;
    throw e;
  }
}

/** Refuses unless the topic is open in a step of this activity and the actor may act in that step. */
export function requireStep(t: TLoadedTopic, activity: TActivity, { anyActor = false } = {}) {
  if (t.topic.status !== 'OPEN') refuse('topic.closed');
  if (!activityOpen(t.procedure, t.topic, activity)) refuse('topic.notNow');
  if (!anyActor && !actsInStep(t.step, t.actors)) refuse('topic.notYourStep');
}

/** Residents of the place, invited stakeholders and followers take part (suggestions, supervision). */
export async function requireParticipant(by: TBy, t: TLoadedTopic) {
  if (t.actors.size > 0) return;
  if (await takesPart(by, t.ancestry)) return;
  const db = getDb();
  if (await db.topicFollower.findUnique({ where: { topicId_userId: { topicId: t.topic.id, userId: by.userId } } })) return;
  const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  if ((await stakeholderPersonIds(t.topic.id)).has(me.personId)) return;
  refuse('topic.notParticipant');
}

/** Who hears of every step: followers and the accounts of invited stakeholders. */
export async function audienceOf(tx: TTx, topicId: number): Promise<number[]> {
  const persons = [...(await stakeholderPersonIds(topicId))];
  const users = persons.length
    ? await tx.user.findMany({ where: { personId: { in: persons }, disabledAt: null }, select: { id: true } })
    : [];
  const followers = await tx.topicFollower.findMany({ where: { topicId }, select: { userId: true } });
  return [...new Set([...users.map((u) => u.id), ...followers.map((f) => f.userId)])];
}

type TNotifiedTopic = {
  id: number;
  title: string;
  partyOnly: boolean;
  liaisonUserId: number | null;
  compoundId: number | null;
  communityId: number;
};

/** Tells the audience of a step; in a party-members-first step only those who may see it (decision 052). */
export async function notifyTopic(tx: TTx, topic: TNotifiedTopic, kind: string, body: string, except?: number) {
  let to = (await audienceOf(tx, topic.id)).filter((u) => u !== except);
  if (topic.partyOnly) {
    const ancestry = await topicAncestry(topic);
    const today = todayOf();
    const sees = await Promise.all(
      to.map(
        async (userId) =>
          userId === topic.liaisonUserId || can(await loadActor(userId, tx), 'topic.partyFirst', { ancestry: ancestry! }, today),
      ),
    );
    to = to.filter((_, i) => sees[i]);
  }
  await notify(tx, to, { kind, topicId: topic.id, title: topic.title, body });
}

/** A timeline entry; a motion's result names the motion, so that the timeline renders it in the reader's language. */
export async function topicEvent(
  tx: TTx,
  by: { userId: number | null; label: string },
  topic: { id: number; stepIndex: number },
  type: TTopicEventType,
  message?: string | null,
  motionId?: number,
) {
  await tx.topicEvent.create({
    data: {
      topicId: topic.id,
      actorUserId: by.userId,
      actorLabel: by.label,
      type,
      stepIndex: topic.stepIndex,
      message: message ?? null,
      motionId: motionId ?? null,
    },
  });
}
