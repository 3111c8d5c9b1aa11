/** The p-th percentile (nearest rank) of a list of numbers, rounded. */
export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
}

type THistogram = { p50: number; p90: number; p97_5: number; p99: number } & Record<string, number>;

/** autocannon's latency summary; it reports p90 and p97.5 but not p95, so p95 is interpolated between them. */
export function latencyOf(latency: object) {
  const l = latency as THistogram;
  return { p50: l.p50, p95: l.p95 ?? Math.round((l.p90 + l.p97_5) / 2), p99: l.p99 };
}

/** A ratio with two significant digits ("0.015", "0.42", "1.3"). */
export const ratio = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(2)).toString() : 'n/a');
