/**
 * The dashboard figures (响应率 / 解决率 / 满意率 and the counts behind them), pure.
 * Counts come from the rollup cells; rates are computed from summed counts, never averaged, so a
 * street's rate is exactly the rate of all its issues. Excluded issues count in the volumes
 * (opened, open, overdue, escalated, taken over) and in nothing else.
 */
export const countKeys = [
  'opened',
  'open',
  'overdue',
  'escalated',
  'takenOver',
  'excluded',
  'ackDue',
  'ackOnTime',
  'resolveDue',
  'resolved',
  'rated',
  'satisfied',
] as const;
export type TCountKey = (typeof countKeys)[number];
export type TCounts = Record<TCountKey, number>;

export const rateKeys = ['response', 'resolution', 'satisfaction'] as const;
export type TRateKey = (typeof rateKeys)[number];

/** Numerator and denominator of each rate. */
export const RATE_PARTS: Record<TRateKey, [TCountKey, TCountKey]> = {
  response: ['ackOnTime', 'ackDue'],
  resolution: ['resolved', 'resolveDue'],
  satisfaction: ['satisfied', 'rated'],
};

export const zeroCounts = (): TCounts => Object.fromEntries(countKeys.map((k) => [k, 0])) as TCounts;

export function addCounts(a: TCounts, b: Partial<TCounts>): TCounts {
  const out = { ...a };
  for (const k of countKeys) out[k] += Number(b[k] ?? 0);
  return out;
}

/** A rate as a fraction 0..1, or null when nothing was due (shown as "—", never as 0 % or 100 %). */
export function rate(c: TCounts, key: TRateKey): number | null {
  const [num, den] = RATE_PARTS[key];
  return c[den] === 0 ? null : c[num] / c[den];
}

export function rates(c: TCounts): Record<TRateKey, number | null> {
  return { response: rate(c, 'response'), resolution: rate(c, 'resolution'), satisfaction: rate(c, 'satisfaction') };
}

/** The figures of one unit (or month, or category): counts, the rates from them, the two medians in minutes. */
export type TFigures = { counts: TCounts; rates: Record<TRateKey, number | null>; ackMedian: number | null; resolveMedian: number | null };
export const emptyFigures = (): TFigures => ({ counts: zeroCounts(), rates: rates(zeroCounts()), ackMedian: null, resolveMedian: null });

export const medianKeys = ['ackMedian', 'resolveMedian'] as const;
/** Every figure a table can show, in the order the exports list them. */
export type TFigureKey = TCountKey | TRateKey | (typeof medianKeys)[number];
export const figureKeys: readonly TFigureKey[] = [...countKeys, ...rateKeys, ...medianKeys];
export const isRateKey = (k: string): k is TRateKey => (rateKeys as readonly string[]).includes(k);
export const isMedianKey = (k: string): k is (typeof medianKeys)[number] => (medianKeys as readonly string[]).includes(k);

/** One figure's value: a count, a rate (0..1 or null) or a median in minutes (or null). */
export function figureValue(f: TFigures, k: TFigureKey): number | null {
  if (isRateKey(k)) return f.rates[k];
  if (isMedianKey(k)) return f[k];
  return f.counts[k];
}

/** The unit a median is read in where a number stands alone (the Excel export): response in hours, resolution in days. */
export const medianUnits = { ackMedian: { unit: 'hours', minutes: 60 }, resolveMedian: { unit: 'days', minutes: 1440 } } as const;

/** A median in its unit, to a tenth (90 minutes → 1.5 hours); null stays null. */
export function medianInUnit(k: (typeof medianKeys)[number], minutes: number | null): number | null {
  return minutes === null ? null : Math.round((minutes / medianUnits[k].minutes) * 10) / 10;
}

/** The median of a list of minutes (mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A rate as the dashboards print it: one decimal, "—" for none. */
export function formatRate(r: number | null): string {
  return r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}

/** Minutes as "3天4小时" / "3 d 4 h": days and hours above a day, hours and minutes below. */
export function formatMinutes(m: number | null, locale: 'zh' | 'en'): string {
  if (m === null) return '—';
  const total = Math.round(m);
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const min = total % 60;
  const zh = locale === 'zh';
  if (d > 0) return zh ? `${d}天${h}小时` : `${d} d ${h} h`;
  if (h > 0) return zh ? `${h}小时${min}分` : `${h} h ${min} min`;
  return zh ? `${min}分钟` : `${min} min`;
}

/** The change of a figure against the previous period: points for rates, a count for counts. */
export function change(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

/** Every figure a ranking table can be sorted by, with the direction in which "better" lies. */
export const rankFigures = {
  opened: 'none',
  open: 'low',
  overdue: 'low',
  escalated: 'low',
  takenOver: 'low',
  response: 'high',
  resolution: 'high',
  satisfaction: 'high',
  ackMedian: 'low',
  resolveMedian: 'low',
} as const;
export type TRankFigure = keyof typeof rankFigures;
export const isRankFigure = (s: string): s is TRankFigure => s in rankFigures;

/** The direction that puts the worst first: lowest rates, most overdue (and most raised). */
export const worstFirst = (k: TRankFigure): 'asc' | 'desc' => (rankFigures[k] === 'high' ? 'asc' : 'desc');

/** Sorts rows by a figure, missing values (null) last whichever the direction. */
export function sortRows<T>(rows: readonly T[], value: (r: T) => number | null, dir: 'asc' | 'desc'): T[] {
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return dir === 'asc' ? x - y : y - x;
  });
}
