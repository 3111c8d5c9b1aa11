import 'server-only';
import { refuse } from '@/server/errors';
import { scopesOf } from '@/domain/authz/can';
import type { TPermission } from '@/domain/authz/permissions';
import type { TPlaceRef } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { compoundWhere, placeFilter } from '@/server/accounts/scope';
import { getDb } from '@/server/db';
import { parsePlaceQuery } from '@/domain/territory/initials';

/** Compounds (with their buildings) where the actor holds the permission. */
export async function listCompoundsInScope(by: TBy, permission: TPermission) {
  const scopes = scopesOf(by.actor, permission, by.today);
  if (scopes.length === 0) return [];
  return getDb().compound.findMany({
    where: { OR: scopes.map(compoundWhere) },
    orderBy: [{ communityId: 'asc' }, { name: 'asc' }],
    take: 500,
    select: {
      id: true,
      name: true,
      community: { select: { name: true } },
      buildings: { orderBy: { id: 'asc' }, select: { id: true, name: true } },
    },
  });
}

/** Names of the places where the actor holds any staff permission, for the desk's heading. */
export async function describeScopes(by: TBy): Promise<string[]> {
  const db = getDb();
  const seen = new Map<string, TPlaceRef>();
  for (const g of by.actor.grants) seen.set(`${g.place.level}:${g.place.id}`, g.place);
  const names = await Promise.all(
    [...seen.values()].map(async (p) => {
      switch (p.level) {
        case 'district':
          return (await db.district.findUnique({ where: { id: p.id } }))?.name;
        case 'street':
          return (await db.street.findUnique({ where: { id: p.id } }))?.name;
        case 'community':
          return (await db.community.findUnique({ where: { id: p.id } }))?.name;
        case 'compound':
          return (await db.compound.findUnique({ where: { id: p.id } }))?.name;
        case 'building': {
          const b = await db.building.findUnique({ where: { id: p.id }, select: { name: true, compound: { select: { name: true } } } });
          return b && `${b.compound.name}${b.name}`;
        }
      }
    }),
  );
  return names.filter((n): n is string => !!n);
}

/** Places where the actor manages staff, for the grant form: streets, communities, compounds, buildings. */
export async function listGrantablePlaces(by: TBy) {
  const scopes = scopesOf(by.actor, 'staff.manage', by.today);
  if (scopes.length === 0) return [];
  const db = getDb();
  const out: { level: TPlaceRef['level']; id: number; name: string }[] = [];
  for (const s of scopes) {
    if (s.level === 'district') {
      const d = await db.district.findUnique({
        where: { id: s.id },
        select: { name: true, streets: { select: { id: true, name: true } } },
      });
      if (d)
        out.push(
          { level: 'district', id: s.id, name: d.name },
          ...d.streets.map((x) => ({ level: 'street' as const, id: x.id, name: `${d.name} ${x.name}` })),
        );
    }
    if (s.level === 'street') {
      const st = await db.street.findUnique({ where: { id: s.id }, select: { name: true } });
      if (st) out.push({ level: 'street', id: s.id, name: st.name });
    }
    const communities = await db.community.findMany({
      where:
        s.level === 'district'
          ? { street: { districtId: s.id } }
          : s.level === 'street'
            ? { streetId: s.id }
            : s.level === 'community'
              ? { id: s.id }
              : { id: -1 },
      orderBy: { code: 'asc' },
      select: { id: true, name: true, compounds: { select: { id: true, name: true, buildings: { select: { id: true, name: true } } } } },
    });
    for (const c of communities) {
      out.push({ level: 'community', id: c.id, name: c.name });
      for (const p of c.compounds) {
        out.push({ level: 'compound', id: p.id, name: `${c.name} ${p.name}` });
        for (const b of p.buildings) out.push({ level: 'building', id: b.id, name: `${p.name} ${b.name}` });
      }
    }
  }
  return out;
}

/**
 * A household by its address inside a compound the actor may verify residents of. Outside their places: refused as
 * forbidden (whether or not the room exists); inside, an address that is not on the roster says so (issue 17).
 */
export async function findHousehold(by: TBy, input: { compoundId: number; building: string; unitNo: string; roomNo: string }) {
  const scopes = scopesOf(by.actor, 'resident.verify', by.today);
  if (scopes.length === 0) return refuse('auth.forbidden');
  const inScope = { compoundId: input.compoundId, OR: scopes.map(placeFilter) };
  const household = await getDb().household.findFirst({
    where: { unitNo: input.unitNo || '1', roomNo: input.roomNo, building: { ...inScope, name: input.building } },
    select: { id: true },
  });
  if (household) return household;
  if (!(await getDb().building.findFirst({ where: inScope, select: { id: true } }))) return refuse('auth.forbidden');
  return refuse('place.roomUnknown', { building: input.building, unit: input.unitNo || '1', room: input.roomNo });
}

/** An account the actor may reset, by phone (residents of their places, or staff they manage). */
export async function findUserByPhone(phone: string) {
  return getDb().user.findUnique({ where: { phone }, select: { id: true } });
}

/** Communities where the actor holds the permission (for "new compound"). */
export async function listCommunitiesInScope(by: TBy, permission: TPermission) {
  const scopes = scopesOf(by.actor, permission, by.today).filter(
    (s) => s.level === 'district' || s.level === 'street' || s.level === 'community',
  );
  if (scopes.length === 0) return [];
  return getDb().community.findMany({
    where: {
      OR: scopes.map((s) =>
        s.level === 'district' ? { street: { districtId: s.id } } : s.level === 'street' ? { streetId: s.id } : { id: s.id },
      ),
    },
    orderBy: { code: 'asc' },
    take: 1000,
    select: { id: true, name: true, street: { select: { name: true } } },
  });
}

export const COMMUNITY_PAGE = 30;

/**
 * Communities where the actor holds the permission, a page at a time, optionally matching a name or pinyin initials
 * (a district holds thousands: never all at once). With their street, for "new compound" and the community list.
 */
export async function pageCommunitiesInScope(by: TBy, permission: TPermission, opts: { q?: string; page?: number } = {}) {
  const scopes = scopesOf(by.actor, permission, by.today).filter(
    (s) => s.level === 'district' || s.level === 'street' || s.level === 'community',
  );
  if (scopes.length === 0) return { items: [], total: 0 };
  const q = parsePlaceQuery(opts.q ?? '');
  const where = {
    OR: scopes.map((s) =>
      s.level === 'district' ? { street: { districtId: s.id } } : s.level === 'street' ? { streetId: s.id } : { id: s.id },
    ),
    ...(q.kind === 'name' ? { name: { contains: q.text } } : q.kind === 'initials' ? { initials: { startsWith: q.text } } : {}),
  };
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const db = getDb();
  const [items, total] = await Promise.all([
    db.community.findMany({
      where,
      orderBy: { code: 'asc' },
      skip: (page - 1) * COMMUNITY_PAGE,
      take: COMMUNITY_PAGE,
      select: { id: true, name: true, kind: true, streetId: true, street: { select: { name: true } } },
    }),
    db.community.count({ where }),
  ]);
  return { items, total };
}
