/** The ten built-in topic categories (migration 072 inserts them with these codes; they cannot be retired). */
export const BUILT_IN_CATEGORIES = [
  'ENVIRONMENT',
  'SAFETY',
  'PROPERTY',
  'CONVENTIONS',
  'DISPUTES',
  'FACILITIES',
  'PARKING',
  'CARE',
  'CULTURE',
  'OTHER',
] as const;
export type TBuiltInCategory = (typeof BUILT_IN_CATEGORIES)[number];

/** Where an issue's category obviously names a topic's; OTHER (and a district's own) does not. */
const FROM_ISSUE: Record<string, TBuiltInCategory> = {
  PARKING: 'PARKING',
  PROPERTY: 'PROPERTY',
  FEES: 'PROPERTY',
  ENVIRONMENT: 'ENVIRONMENT',
  SECURITY: 'SAFETY',
  FACILITIES: 'FACILITIES',
  NEIGHBOUR: 'DISPUTES',
};

/**
 * The topic category a topic taken up from these issues gets without asking: the one their categories all
 * map to. Null when any maps to none, or when they disagree: then the form asks.
 */
export function categoryFromIssues(issueCategoryCodes: string[]): TBuiltInCategory | null {
  const mapped = new Set(issueCategoryCodes.map((c) => FROM_ISSUE[c] ?? null));
  if (mapped.size !== 1) return null;
  return [...mapped][0]!;
}

/** A planned time: a quarter or a month (never both), or none. */
export function plannedWhen(quarter: number | null, month: number | null): 'ok' | 'both' | 'range' {
  if (quarter !== null && month !== null) return 'both';
  if (quarter !== null && !(Number.isInteger(quarter) && quarter >= 1 && quarter <= 4)) return 'range';
  if (month !== null && !(Number.isInteger(month) && month >= 1 && month <= 12)) return 'range';
  return 'ok';
}
