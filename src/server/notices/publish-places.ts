import 'server-only';
import { can } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { ancestryOf } from '@/server/places/ancestry';

/**
 * Where this actor may publish a notice from a community's board: the community, its compounds, its street —
 * those of them where they hold notice.publish. Null when the community does not exist.
 */
export async function publishablePlaces(by: TBy, communityCode: string): Promise<{ value: string; label: string }[] | null> {
  const community = await getDb().community.findUnique({
    where: { code: communityCode },
    select: {
      id: true,
      name: true,
      street: { select: { id: true, name: true } },
      compounds: { orderBy: { name: 'asc' }, select: { id: true, name: true } },
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
    { value: `street:${community.street.id}`, label: community.street.name, ref: { level: 'street' as const, id: community.street.id } },
  ];
  const places = [];
  for (const c of candidates) {
    const a = await ancestryOf(c.ref);
    if (a && can(by.actor, 'notice.publish', { ancestry: a }, by.today)) places.push({ value: c.value, label: c.label });
  }
  return places;
}
