import 'server-only';
import { can } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { ancestryOf } from '@/server/places/ancestry';
import { hostChoices } from './hosts';
import { activeMeetingTypes } from './types';
import { mayReadTopic, topicAncestry } from '@/server/topics/standing';

/**
 * What the scheduling form offers in a community: the community and its compounds where this actor holds
 * meeting.manage, and the community's bodies. Null when the community does not exist.
 */
export async function schedulingChoices(by: TBy, communityCode: string) {
  const community = await getDb().community.findUnique({
    where: { code: communityCode },
    select: {
      id: true,
      name: true,
      compounds: { orderBy: { name: 'asc' }, select: { id: true, name: true } },
      bodies: { orderBy: { id: 'asc' }, select: { id: true, name: true, kind: true } },
      street: { select: { districtId: true } },
    },
  });
  if (!community) return null;
  const candidates = [
    { value: `community:${community.id}`, label: community.name, ref: { level: 'community' as const, id: community.id } },
    ...community.compounds.map((c) => ({
      value: `compound:${c.id}`,
      label: `${community.name} · ${c.name}`,
      ref: { level: 'compound' as const, id: c.id },
    })),
  ];
  const places = [];
  for (const p of candidates) {
    const a = await ancestryOf(p.ref);
    if (a && can(by.actor, 'meeting.manage', { ancestry: a }, by.today)) places.push({ value: p.value, label: p.label });
  }
  // Joint meetings' hosts and the district's own types (decision 066).
  const [hosts, types] = await Promise.all([hostChoices(community.id), activeMeetingTypes(community.street.districtId)]);
  return { places, bodies: community.bodies.map((b) => ({ value: String(b.id), label: b.name, kind: b.kind })), hosts, types };
}

/**
 * What a meeting's organiser forms offer (agenda topics, the reception day's compounds and district): read only for
 * a viewer the meeting view already found to be its organiser (its `staff` part); null for anyone else.
 */
export async function organiserChoices(view: { staff: unknown; place: { communityCode: string } }, by: TBy | null) {
  if (!view.staff || !by) return null;
  const db = getDb();
  const community = await db.community.findUnique({
    where: { code: view.place.communityCode },
    select: { id: true, street: { select: { districtId: true } }, compounds: { select: { id: true, name: true } } },
  });
  if (!community) return null;
  const open = await db.topic.findMany({
    where: { communityId: community.id, status: 'OPEN' },
    select: { id: true, title: true, communityId: true, compoundId: true, partyOnly: true, liaisonUserId: true },
  });
  // Only topics the organiser may read (one in its party-first step only for those who may see it, decision 052).
  const readable = await Promise.all(open.map(async (t) => (t.partyOnly ? mayReadTopic(by, t, (await topicAncestry(t))!) : true)));
  const topics = open.filter((_, i) => readable[i]).map(({ id, title }) => ({ id, title }));
  return { districtId: community.street.districtId, compounds: community.compounds, topics };
}
