/**
 * Bulk imports from a spreadsheet (issue 18, item 6): one sheet, a header row, one record per row. Columns are found
 * by their header, in Chinese or English, in any order; a record names its row as the spreadsheet shows it (the header
 * is row 1), so that every error can say "第 5 行". Pure: reading files and writing rows live in src/server/imports.
 */

/** A column: the header names it may go by (the first Chinese and the first English name head the template), whether
 * it must be there, and an example value for the template's second row. */
export type TColumn = { names: readonly [string, string, ...string[]]; required?: boolean; example?: string };
export type TColumns = Readonly<Record<string, TColumn>>;

/** One row's values by column key, trimmed and normalised (full-width digits and letters become ASCII). */
export type TRecord<K extends string = string> = { row: number; cells: Record<K, string> };

/** An error of one row (or of the file, row 0): its code is a message of errors.json, with the values it names. */
export type TRowError = { row: number; field: string; code: string; values?: Record<string, string> };

const norm = (h: string) => h.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '_');

/** Where each column is in the header, and which required ones are missing. */
export function mapColumns<C extends TColumns>(header: readonly string[], columns: C) {
  const seen = header.map((h) => norm(String(h ?? '')));
  const map: Partial<Record<keyof C & string, number>> = {};
  for (const [key, col] of Object.entries(columns) as [keyof C & string, TColumn][]) {
    const i = seen.findIndex((h) => col.names.some((n) => norm(n) === h));
    if (i >= 0) map[key] = i;
  }
  const missing = (Object.keys(columns) as (keyof C & string)[]).filter((k) => columns[k]!.required && map[k] === undefined);
  return { map, missing };
}

/** The records of the data rows (the header excluded), blank rows skipped; absent columns read as "". */
export function recordsOf<C extends TColumns>(
  data: readonly (readonly unknown[])[],
  map: Partial<Record<keyof C & string, number>>,
  columns: C,
  firstRow = 2,
): TRecord<keyof C & string>[] {
  const keys = Object.keys(columns) as (keyof C & string)[];
  const out: TRecord<keyof C & string>[] = [];
  data.forEach((r, i) => {
    if (r.every((c) => String(c ?? '').trim() === '')) return;
    const cells = Object.fromEntries(
      keys.map((k) => [
        k,
        map[k] === undefined
          ? ''
          : String(r[map[k]!] ?? '')
              .normalize('NFKC')
              .trim(),
      ]),
    ) as Record<keyof C & string, string>;
    out.push({ row: firstRow + i, cells });
  });
  return out;
}

/** A template: the header row in the reader's language, and one example row. */
export function templateRows(columns: TColumns, locale: 'zh-CN' | 'en'): string[][] {
  const cols = Object.values(columns);
  return [cols.map((c) => (locale === 'en' ? c.names[1] : c.names[0])), cols.map((c) => c.example ?? '')];
}

/** Yes/no cells as people type them: 是/否, 有/无, Y/N, yes/no, true/false, 1/0; blank is the default; anything else null. */
export function parseYesNo(raw: string, blank = false): boolean | null {
  const s = raw.normalize('NFKC').trim().toLowerCase();
  if (s === '') return blank;
  if (['是', '有', 'y', 'yes', 'true', '1', '√', '✓'].includes(s)) return true;
  if (['否', '无', '没有', 'n', 'no', 'false', '0', '×', '✗'].includes(s)) return false;
  return null;
}

/**
 * A date cell as people type it: 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日 (a cell Excel keeps as a date is read
 * as 2026-03-01 by the file reader). Returns an ISO date, or null when it is not a real calendar day.
 */
export function parseDateCell(raw: string): string | null {
  const s = raw.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
