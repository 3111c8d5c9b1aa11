/**
 * Where an Open311 request belongs (decision 060): the unit named in agency_responsible, a free address matched to a
 * compound of the district, and coordinates placed at the nearest compound. Pure: the callers read the rows.
 */

export type TAgencyLevel = 'COMPOUND' | 'COMMUNITY' | 'STREET' | 'DISTRICT';
type TPlaceNames = { compound: string | null; community: string; street: string; district: string };

const suffixed = (name: string, already: RegExp, suffix: string) => (already.test(name) ? name : `${name}${suffix}`);

/** "白鹤社区" → "白鹤社区居民委员会", "王家村" → "王家村村民委员会": the committee, named once whatever the place's name ends with. */
const committeeOf = (community: string) =>
  suffixed(community, /(居民委员会|居委会|村民委员会|村委会)$/, /村$/.test(community) ? '村民委员会' : '居民委员会');

/** The unit that handles an issue at its level: the compound's grid (under its committee), the committee, the street office, the district. */
export function agencyName(level: TAgencyLevel, n: TPlaceNames): string {
  switch (level) {
    case 'COMPOUND':
      return n.compound ? `${committeeOf(n.community)} ${n.compound}网格` : committeeOf(n.community);
    case 'COMMUNITY':
      return committeeOf(n.community);
    case 'STREET':
      return suffixed(n.street, /(办事处|人民政府)$/, /[镇乡]$/.test(n.street) ? '人民政府' : '办事处');
    case 'DISTRICT':
      return suffixed(n.district, /人民政府$/, '人民政府');
  }
}

/** Full-width to half-width, no spaces or punctuation: "（晋阳社区）北苑 小区·3栋" and "晋阳社区北苑小区3栋" read alike. */
export const normaliseAddress = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();

type TNamedCompound = { id: number; name: string; community: string; address: string | null };

/**
 * The compound a free address names: its name in the address (3), the compound's street address in it or it in that
 * address (2), the address a part of the compound's name (1, at least two characters), and one more when the community
 * is named too. The highest score wins; a tie is 'ambiguous'; nothing matching is null.
 */
export function bestCompoundFor(address: string, compounds: readonly TNamedCompound[]): number | 'ambiguous' | null {
  const a = normaliseAddress(address);
  if (a.length < 2) return null;
  const scored = compounds.map((c) => {
    const name = normaliseAddress(c.name);
    const street = c.address ? normaliseAddress(c.address) : '';
    const hit = a.includes(name) ? 3 : street.length >= 4 && (a.includes(street) || street.includes(a)) ? 2 : name.includes(a) ? 1 : 0;
    return { id: c.id, score: hit && (a.includes(normaliseAddress(c.community)) ? hit + 1 : hit) };
  });
  const top = Math.max(0, ...scored.map((s) => s.score));
  if (top === 0) return null;
  const best = scored.filter((s) => s.score === top);
  return best.length === 1 ? best[0]!.id : 'ambiguous';
}

type TPoint = { lat: number; long: number };

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMetres(p: TPoint, q: TPoint): number {
  const rad = Math.PI / 180;
  const dLat = (q.lat - p.lat) * rad;
  const dLong = (q.long - p.long) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(p.lat * rad) * Math.cos(q.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The nearest compound that has coordinates, if it is within `maxMetres`; else null (the request waits for staff to place it). */
export function nearestCompound(
  point: TPoint,
  compounds: readonly { id: number; lat: number | null; long: number | null }[],
  maxMetres: number,
): number | null {
  let best: { id: number; d: number } | null = null;
  for (const c of compounds) {
    if (c.lat === null || c.long === null) continue;
    const d = distanceMetres(point, { lat: c.lat, long: c.long });
    if (d <= maxMetres && (!best || d < best.d)) best = { id: c.id, d };
  }
  return best?.id ?? null;
}

/** "30.6417, 104.0431" (latitude first, comma, full-width comma or space between) → the point; null when it is not one. */
export function parseCoordinates(input: string): TPoint | null {
  const m = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,，\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(input.normalize('NFKC'));
  if (!m) return null;
  const [lat, long] = [Number(m[1]), Number(m[2])];
  return Math.abs(lat) <= 90 && Math.abs(long) <= 180 ? { lat, long } : null;
}
