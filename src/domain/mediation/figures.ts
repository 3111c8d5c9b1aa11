/**
 * The mediation figures of a place and period (decision 062: the cohort of cases received in the period), pure.
 * 受理 = received; 调解成功 = of those, with a signed agreement; 回访履行 = of those, closed as kept at follow-up;
 * 成功率 = 调解成功 / 受理, computed from summed counts (never averaged), null when nothing was received ("—").
 * Counts only: no name, summary or case number ever reaches a figure.
 */
export const mediationCountKeys = ['received', 'succeeded', 'kept'] as const;
export type TMediationCountKey = (typeof mediationCountKeys)[number];
export type TMediationCounts = Record<TMediationCountKey, number>;
export type TMediationFigures = { counts: TMediationCounts; rate: number | null };

export const zeroMediationCounts = (): TMediationCounts => ({ received: 0, succeeded: 0, kept: 0 });

/** Adds a row (a database row's counts may come as strings or be missing) to counts. */
export function addMediationCounts(a: TMediationCounts, b: Partial<Record<TMediationCountKey, unknown>>): TMediationCounts {
  const out = { ...a };
  for (const k of mediationCountKeys) out[k] += Number(b[k] ?? 0);
  return out;
}

/** 成功率 as a fraction 0..1, or null when nothing was received. */
export const successRate = (c: TMediationCounts): number | null => (c.received === 0 ? null : c.succeeded / c.received);

/** Counts and their rate; counts that cannot be a cohort (kept > succeeded > received) are a bug, refused loudly. */
export function mediationFigures(c: TMediationCounts): TMediationFigures {
  if (c.kept < 0 || c.kept > c.succeeded || c.succeeded > c.received) throw new RangeError(`not a cohort: ${JSON.stringify(c)}`);
  return { counts: c, rate: successRate(c) };
}
