import 'server-only';
import { can } from '@/domain/authz/can';
import { maySeeTopic } from '@/domain/topics/party-first';
import type { TTopicStanding } from '@/domain/topics/procedure';
import type { TAncestry } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { livesWithin } from '@/server/accounts/scope';
import { getDb } from '@/server/db';
import { ancestryOf } from '@/server/places/ancestry';
import { inForceOn, today } from '@/server/today';
import { ownedBy } from './task-owners';

/** The place a topic belongs to (its compound, else its community), with every place above it. */
export function topicAncestry(t: { compoundId: number | null; communityId: number }) {
  return ancestryOf(t.compoundId ? { level: 'compound', id: t.compoundId } : { level: 'community', id: t.communityId });
}

/**
 * How the actor stands toward a topic at this place, in the procedure's terms. Each comes from a role
 * in the one permission matrix held over the place: community staff (topic.manage held at the
 * community or above), the compound's branch secretary, owners' committee members, council members —
 * and, from the topic itself, its liaison (协商联络人, decision 052), on that topic alone.
 */
export function topicActorsOf(by: TBy, ancestry: TAncestry, topic: { liaisonUserId: number | null }): Set<TTopicStanding> {
  const out = new Set<TTopicStanding>();
  if (topic.liaisonUserId === by.userId) out.add('LIAISON');
  for (const g of by.actor.grants) {
    const one = { userId: by.actor.userId, grants: [g] };
    if (g.role === 'BRANCH_SECRETARY' && can(one, 'topic.manage', { ancestry }, by.today)) out.add('BRANCH');
    else if (can(one, 'topic.manage', { ancestry }, by.today)) out.add('COMMUNITY_STAFF');
    if ((g.role === 'OWNERS_COMMITTEE_CHAIR' || g.role === 'OWNERS_COMMITTEE_MEMBER') && can(one, 'topic.raise', { ancestry }, by.today))
      out.add('OWNERS_COMMITTEE');
    if (g.role === 'COUNCIL_MEMBER' && can(one, 'topic.raise', { ancestry }, by.today)) out.add('COUNCIL');
  }
  return out;
}

/** Residents take part in the topics of the places around their home (topic.suggest). */
export const takesPart = (by: TBy, ancestry: TAncestry) => livesWithin(by, ancestry, 'topic.suggest');

/**
 * May see the topic at all: in a party-members-first step, those holding topic.partyFirst at its place and its liaison only
 * (decision 052); otherwise also staff and members who read topics there, residents of the place, followers, invited stakeholders.
 */
export async function mayReadTopic(
  by: TBy,
  topic: { id: number; partyOnly: boolean; liaisonUserId: number | null },
  ancestry: TAncestry,
): Promise<boolean> {
  const partyFirst = can(by.actor, 'topic.partyFirst', { ancestry }, by.today);
  const liaison = topic.liaisonUserId === by.userId;
  if (topic.partyOnly || liaison) return maySeeTopic(topic.partyOnly, { reads: false, partyFirst, liaison });
  return maySeeTopic(false, { reads: await readsOpenTopic(by, topic, ancestry), partyFirst, liaison });
}

async function readsOpenTopic(by: TBy, topic: { id: number }, ancestry: TAncestry): Promise<boolean> {
  if (can(by.actor, 'topic.read', { ancestry }, by.today)) return true;
  if (await takesPart(by, ancestry)) return true;
  const db = getDb();
  if (await db.topicFollower.findUnique({ where: { topicId_userId: { topicId: topic.id, userId: by.userId } } })) return true;
  const me = await db.user.findUnique({ where: { id: by.userId }, select: { personId: true } });
  if (!me) return false;
  if ((await stakeholderPersonIds(topic.id)).has(me.personId)) return true;
  // Those acting for a task's owner (the property firm's staff, the committee's members) read the topic they report on.
  return (await db.topicTask.count({ where: { topicId: topic.id, withdrawnAt: null, ...ownedBy(by.userId, me.personId, by.today) } })) > 0;
}

/** Everyone a stakeholder entry stands for: the person, a body's current members, a party organisation's officers, an organisation's people. */
export async function stakeholderPersonIds(topicId: number): Promise<Set<number>> {
  const db = getDb();
  const rows = await db.stakeholder.findMany({ where: { topicId } });
  const current = inForceOn(today());
  const ids = new Set(rows.flatMap((r) => (r.personId ? [r.personId] : [])));
  const bodies = rows.flatMap((r) => (r.bodyId ? [r.bodyId] : []));
  const orgs = rows.flatMap((r) => (r.partyOrgId ? [r.partyOrgId] : []));
  const firms = rows.flatMap((r) => (r.organizationId ? [r.organizationId] : []));
  if (bodies.length)
    for (const m of await db.bodyMember.findMany({ where: { bodyId: { in: bodies }, ...current }, select: { personId: true } }))
      ids.add(m.personId);
  if (orgs.length)
    for (const m of await db.partyOrgMember.findMany({ where: { partyOrgId: { in: orgs }, ...current }, select: { personId: true } }))
      ids.add(m.personId);
  if (firms.length)
    for (const m of await db.organizationMember.findMany({ where: { organizationId: { in: firms } }, select: { personId: true } }))
      ids.add(m.personId);
  return ids;
}
