/**
 * Dashboard periods: whole months in China time, given as "YYYY-MM".."YYYY-MM" (inclusive).
 * Issues are counted in the month they were raised; the previous period is the same number of
 * months just before, for the "change" column.
 */
export type TMonth = string; // "2026-11"
export type TPeriod = { from: TMonth; to: TMonth };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const isMonth = (s: string): boolean => MONTH.test(s);

export function addMonths(m: TMonth, n: number): TMonth {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  const i = y * 12 + (mo - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(p: TPeriod): TMonth[] {
  const out: TMonth[] = [];
  for (let m = p.from; m <= p.to && out.length < 240; m = addMonths(m, 1)) out.push(m);
  return out;
}

export const presets = ['thisMonth', 'lastMonth', 'thisYear', 'last12'] as const;
export type TPreset = (typeof presets)[number];

export function presetPeriod(preset: TPreset, today: string /* YYYY-MM-DD, China time */): TPeriod {
  const m = today.slice(0, 7);
  switch (preset) {
    case 'thisMonth':
      return { from: m, to: m };
    case 'lastMonth':
      return { from: addMonths(m, -1), to: addMonths(m, -1) };
    case 'thisYear':
      return { from: `${m.slice(0, 4)}-01`, to: m };
    case 'last12':
      return { from: addMonths(m, -11), to: m };
  }
}

export type TPeriodRefusal = 'stats.badMonth' | 'stats.periodReversed' | 'stats.periodTooLong' | 'stats.periodInFuture';

/** Reads a period from a form or a link; the default is this year so far (a morning review sees what is still open). */
export function parsePeriod(
  input: { from?: string; to?: string; preset?: string },
  today: string,
): { ok: true; period: TPeriod } | { ok: false; code: TPeriodRefusal } {
  if (input.preset && (presets as readonly string[]).includes(input.preset))
    return { ok: true, period: presetPeriod(input.preset as TPreset, today) };
  if (!input.from && !input.to) return { ok: true, period: presetPeriod('thisYear', today) };
  const from = input.from ?? input.to!;
  const to = input.to ?? input.from!;
  if (!isMonth(from) || !isMonth(to)) return { ok: false, code: 'stats.badMonth' };
  if (from > to) return { ok: false, code: 'stats.periodReversed' };
  if (from > today.slice(0, 7)) return { ok: false, code: 'stats.periodInFuture' };
  if (monthsBetween({ from, to }).length > 36) return { ok: false, code: 'stats.periodTooLong' };
  return { ok: true, period: { from, to } };
}

export function previousPeriod(p: TPeriod): TPeriod {
  const n = monthsBetween(p).length;
  return { from: addMonths(p.from, -n), to: addMonths(p.to, -n) };
}

/** The first day of each month, as the rollup keys months (a DATE). */
export const monthStart = (m: TMonth): string => `${m}-01`;
