/**
 * The territory tree: district → street → community → compound → building.
 * A place is identified by its level and id; its ancestry lists the ids above it, which is all
 * that authorization needs to decide whether a role held at one place covers another.
 */
export const placeLevels = ['district', 'street', 'community', 'compound', 'building'] as const;
export type TPlaceLevel = (typeof placeLevels)[number];

export type TPlaceRef = { level: TPlaceLevel; id: number };

/** The ids of a place and of every place above it. */
export type TAncestry = Partial<Record<TPlaceLevel, number>>;

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: TAncestry, outer: TPlaceRef): boolean {
  return inner[outer.level] === outer.id;
}

export function levelOf(ancestry: TAncestry): TPlaceLevel | null {
  for (let i = placeLevels.length - 1; i >= 0; i--) if (ancestry[placeLevels[i]!] !== undefined) return placeLevels[i]!;
  return null;
}
