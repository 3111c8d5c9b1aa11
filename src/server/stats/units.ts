import 'server-only';
import { can, scopesOf } from '@/domain/authz/can';
import type { TAncestry } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import type { TScope } from './aggregate';

export type TUnitLevel = 'city' | 'district' | 'street' | 'community' | 'compound';
export type TUnitRef = { level: TUnitLevel; id: number };
/** A unit the user may read: its name, the units above it (and whether they may be opened), and its issues' scope. */
export type TUnit = TUnitRef & { name: string; trail: (TUnitRef & { name: string; open: boolean })[]; scope: TScope };

const CHILD: Record<TUnitLevel, TUnitLevel | null> = {
  city: 'street',
  district: 'street',
  street: 'community',
  community: 'compound',
  compound: null,
};
export const childLevel = (l: TUnitLevel) => CHILD[l];

/** "street:12", "city:3" (the city of district 3) → a unit; anything else is refused. */
export function parseUnit(s: string | undefined): TUnitRef | null {
  const m = /^(city|district|street|community|compound):(\d{1,9})$/.exec(s ?? '');
  return m ? { level: m[1] as TUnitLevel, id: Number(m[2]) } : null;
}
export const unitParam = (u: TUnitRef) => `${u.level}:${u.id}`;

/**
 * May the user read this unit's dashboard? A place: stats.read held there or above. The city
 * ranking (every street of the city, as 12345 rankings are published): stats.read held at a
 * district or a street of that city (decision 021).
 */
export async function authorizeUnit(by: TBy, ref: TUnitRef): Promise<TUnit> {
  const db = getDb();
  if (ref.level === 'city') {
    const d = await db.district.findUnique({ where: { id: ref.id }, select: { cityName: true } });
    if (!d) return refuse('auth.forbidden');
    const mine = scopesOf(by.actor, 'stats.read', by.today).filter((p) => p.level === 'district' || p.level === 'street');
    const districts = await db.district.findMany({
      where: { cityName: d.cityName },
      select: { id: true, streets: { select: { id: true } } },
    });
    const ok = mine.some((p) => districts.some((x) => (p.level === 'district' ? x.id === p.id : x.streets.some((s) => s.id === p.id))));
    if (!ok) return refuse('auth.forbidden');
    return { ...ref, name: d.cityName, trail: [], scope: { column: 'districtId', ids: districts.map((x) => x.id) } };
  }
  const ancestry = await ancestryOf(ref as TUnitRef & { level: Exclude<TUnitLevel, 'city'> });
  if (!ancestry || !can(by.actor, 'stats.read', { ancestry }, by.today)) return refuse('auth.forbidden');
  return {
    ...ref,
    name: await nameOf(ref),
    trail: await trailOf(by, ancestry, ref.level),
    scope: { column: `${ref.level}Id` as TScope['column'], ids: [ref.id] },
  };
}

/** May the user open this unit (a row of a table leads there only if so)? */
export function mayRead(by: TBy, ancestry: TAncestry): boolean {
  return can(by.actor, 'stats.read', { ancestry }, by.today);
}

async function nameOf(ref: TUnitRef): Promise<string> {
  const db = getDb();
  switch (ref.level) {
    case 'district':
      return (await db.district.findUniqueOrThrow({ where: { id: ref.id } })).name;
    case 'street':
      return (await db.street.findUniqueOrThrow({ where: { id: ref.id } })).name;
    case 'community':
      return (await db.community.findUniqueOrThrow({ where: { id: ref.id } })).name;
    case 'compound':
      return (await db.compound.findUniqueOrThrow({ where: { id: ref.id } })).name;
    case 'city':
      return '';
  }
}

async function trailOf(by: TBy, a: TAncestry, level: TUnitLevel) {
  const order = ['district', 'street', 'community', 'compound'] as const;
  const out: TUnit['trail'] = [];
  for (const [i, l] of order.slice(0, order.indexOf(level as (typeof order)[number])).entries()) {
    const id = a[l];
    const above: TAncestry = Object.fromEntries(order.slice(0, i + 1).map((x) => [x, a[x]]));
    if (id !== undefined) out.push({ level: l, id, name: await nameOf({ level: l, id }), open: mayRead(by, above) });
  }
  return out;
}

/** The units one level down, with what authorization needs to know about each. */
export async function childrenOf(ref: TUnitRef): Promise<{ level: TUnitLevel; id: number; name: string; ancestry: TAncestry }[]> {
  const db = getDb();
  switch (ref.level) {
    case 'city': {
      const d = await db.district.findUniqueOrThrow({ where: { id: ref.id }, select: { cityName: true } });
      const streets = await db.street.findMany({
        where: { district: { cityName: d.cityName } },
        select: { id: true, name: true, districtId: true, district: { select: { name: true } } },
        orderBy: { code: 'asc' },
      });
      return streets.map((s) => ({
        level: 'street',
        id: s.id,
        name: `${s.district.name} ${s.name}`,
        ancestry: { district: s.districtId, street: s.id },
      }));
    }
    case 'district': {
      const streets = await db.street.findMany({
        where: { districtId: ref.id },
        select: { id: true, name: true },
        orderBy: { code: 'asc' },
      });
      return streets.map((s) => ({ level: 'street', id: s.id, name: s.name, ancestry: { district: ref.id, street: s.id } }));
    }
    case 'street': {
      const s = await db.street.findUniqueOrThrow({
        where: { id: ref.id },
        select: { districtId: true, communities: { select: { id: true, name: true }, orderBy: { code: 'asc' } } },
      });
      return s.communities.map((c) => ({
        level: 'community',
        id: c.id,
        name: c.name,
        ancestry: { district: s.districtId, street: ref.id, community: c.id },
      }));
    }
    case 'community': {
      const cs = await db.compound.findMany({
        where: { communityId: ref.id },
        select: { id: true, name: true, districtId: true, streetId: true },
        orderBy: { name: 'asc' },
      });
      return cs.map((c) => ({
        level: 'compound',
        id: c.id,
        name: c.name,
        ancestry: { district: c.districtId, street: c.streetId, community: ref.id, compound: c.id },
      }));
    }
    case 'compound':
      return [];
  }
}
