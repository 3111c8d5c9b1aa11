/**
 * Floor areas are integers of 0.01 m² ("centi-square-metres"): 89.50 m² is 8950.
 * Parsing and formatting go through strings so that no float ever decides an area (rules.md §0).
 */
export type TAreaParse =
  { ok: true; centiM2: number } | { ok: false; code: 'area.invalid' | 'area.negative' | 'area.tooPrecise' | 'area.outOfRange' };

const MAX_CENTI_M2 = 100_000_000; // 1,000,000 m²: no single unit is larger

export function parseAreaM2(input: string): TAreaParse {
  // NFKC turns full-width digits into ASCII and "㎡" into "m2".
  const s = input
    .normalize('NFKC')
    .trim()
    .replace(/(m²|m2|平方米|平米)$/i, '')
    .trim();
  const m = /^(\d{1,9})(?:\.(\d*))?$/.exec(s);
  if (!m) return { ok: false, code: /^[-−]\s*\d/.test(s) ? 'area.negative' : 'area.invalid' };
  const whole = m[1]!;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > 2) return { ok: false, code: 'area.tooPrecise' };
  const centi = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (centi <= 0 || centi > MAX_CENTI_M2) return { ok: false, code: 'area.outOfRange' };
  return { ok: true, centiM2: centi };
}

/** 8950 → "89.50" */
export function formatAreaM2(centiM2: number): string {
  const sign = centiM2 < 0 ? '-' : '';
  const abs = Math.abs(centiM2);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
