import 'server-only';
import { parsePlaceQuery } from '@/domain/territory/initials';
import { getDb } from '@/server/db';

export type TPlaceHit = {
  level: 'district' | 'street' | 'community' | 'compound';
  key: string;
  name: string;
  /** Names of the places above it, outermost first. */
  path: string[];
};

const LIMIT = 30;

/** Searches districts, streets, communities and compounds by Chinese name or by pinyin initials. */
export async function searchPlaces(raw: string): Promise<TPlaceHit[]> {
  const q = parsePlaceQuery(raw);
  if (q.kind === 'empty') return [];
  const db = getDb();
  const where = q.kind === 'name' ? { name: { contains: q.text } } : { initials: { startsWith: q.text } };
  const [districts, streets, communities, compounds] = await Promise.all([
    db.district.findMany({ where, take: LIMIT, orderBy: { code: 'asc' }, select: { code: true, name: true, cityName: true } }),
    db.street.findMany({
      where,
      take: LIMIT,
      orderBy: { code: 'asc' },
      select: { code: true, name: true, district: { select: { name: true, cityName: true } } },
    }),
    db.community.findMany({
      where,
      take: LIMIT,
      orderBy: { code: 'asc' },
      select: { code: true, name: true, street: { select: { name: true, district: { select: { name: true } } } } },
    }),
    db.compound.findMany({
      where,
      take: LIMIT,
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        community: { select: { name: true, street: { select: { name: true, district: { select: { name: true } } } } } },
      },
    }),
  ]);
  const hits: TPlaceHit[] = [
    ...districts.map((d) => ({ level: 'district' as const, key: d.code, name: d.name, path: [d.cityName] })),
    ...streets.map((s) => ({ level: 'street' as const, key: s.code, name: s.name, path: [s.district.cityName, s.district.name] })),
    ...communities.map((c) => ({ level: 'community' as const, key: c.code, name: c.name, path: [c.street.district.name, c.street.name] })),
    ...compounds.map((p) => ({
      level: 'compound' as const,
      key: String(p.id),
      name: p.name,
      path: [p.community.street.district.name, p.community.street.name, p.community.name],
    })),
  ];
  // Exact and prefix matches first, then by level (compounds are what residents look for most).
  const text = q.text;
  const rank = (h: TPlaceHit) => (h.name === text ? 0 : h.name.startsWith(text) ? 1 : 2);
  return hits.sort((a, b) => rank(a) - rank(b)).slice(0, LIMIT);
}
