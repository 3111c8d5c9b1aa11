import 'server-only';
import { scopesOf } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { compoundWhere } from '@/server/accounts/scope';
import { getDb } from '@/server/db';
import { categoriesFor } from '@/server/consultation/categories';
import { proceduresFor } from './procedures';

/**
 * What the "raise a topic" form offers: the places where the user may raise topics (communities and
 * their compounds), the procedures of their districts, and the open issues there not yet taken up.
 */
export async function raiseOptions(by: TBy) {
  const db = getDb();
  const scopes = scopesOf(by.actor, 'topic.raise', by.today);
  if (scopes.length === 0) return { places: [], procedures: {}, categories: {}, issues: [] };
  const compounds = await db.compound.findMany({
    where: { OR: scopes.map(compoundWhere) },
    orderBy: { name: 'asc' },
    take: 300,
    select: {
      id: true,
      name: true,
      districtId: true,
      communityId: true,
      community: { select: { name: true } },
      // Owners' votes about one building (its lift, its roof) are decided by that building's owners alone.
      buildings: { orderBy: { id: 'asc' }, take: 200, select: { id: true, name: true } },
    },
  });
  const communityScopes = scopes.filter((s) => s.level === 'community' || s.level === 'street' || s.level === 'district');
  const communities = communityScopes.length
    ? await db.community.findMany({
        where: {
          OR: communityScopes.map((s) =>
            s.level === 'community' ? { id: s.id } : s.level === 'street' ? { streetId: s.id } : { street: { districtId: s.id } },
          ),
          compounds: { some: {} },
        },
        orderBy: { name: 'asc' },
        take: 100,
        select: { id: true, name: true, street: { select: { districtId: true } } },
      })
    : [];
  const places = [
    ...communities.map((c) => ({
      value: `community:${c.id}`,
      label: c.name,
      districtId: c.street.districtId,
      communityId: c.id,
      compoundId: null as number | null,
      buildings: [] as { id: number; name: string }[],
    })),
    ...compounds.map((c) => ({
      value: `compound:${c.id}`,
      label: `${c.community.name} · ${c.name}`,
      districtId: c.districtId,
      communityId: c.communityId,
      compoundId: c.id as number | null,
      buildings: c.buildings,
    })),
  ];
  const districts = [...new Set(places.map((p) => p.districtId))];
  const procedures = Object.fromEntries(
    await Promise.all(
      districts.map(
        async (d) => [d, (await proceduresFor(d)).map((p) => ({ value: String(p.id), code: p.code, zh: p.nameZh, en: p.nameEn }))] as const,
      ),
    ),
  );
  // What it is about (decision 072): the district's categories, none preselected.
  const categories = Object.fromEntries(
    await Promise.all(
      districts.map(async (d) => [d, (await categoriesFor(d)).map((c) => ({ value: String(c.id), zh: c.nameZh, en: c.nameEn }))] as const),
    ),
  );
  const issues = await db.issue.findMany({
    where: {
      topicId: null,
      mergedIntoId: null,
      state: { in: ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED'] },
      OR: [{ communityId: { in: places.map((p) => p.communityId) } }],
    },
    orderBy: { id: 'desc' },
    take: 200,
    select: { id: true, title: true, communityId: true, compoundId: true },
  });
  return { places, procedures, categories, issues };
}
