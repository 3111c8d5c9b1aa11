import { mapColumns, type TColumn } from '../imports/table';
import { parseAreaM2 } from '../shared/area';
import { normalisePhone } from '../shared/phone';

/**
 * A household roster, one row per unit: building, stairwell unit, room, exclusive area, owner name,
 * owner phone, ownership share. Column names may be Chinese or English. Rows are validated one by
 * one; every error names its row number as the spreadsheet shows it (the header is row 1).
 */
export const ROSTER_COLUMNS = {
  building: ['楼栋', '楼号', 'building'],
  unitNo: ['单元', 'unit'],
  roomNo: ['房号', '门牌号', 'room'],
  area: ['面积', '建筑面积', '专有面积', '专有部分面积', 'area', 'area_m2'],
  ownerName: ['业主姓名', '业主', '姓名', 'owner', 'owner_name'],
  phone: ['手机号', '手机', '电话', '联系电话', 'phone'],
  share: ['产权份额', '份额', 'share'],
  use: ['用途', 'use'],
} as const;
export type TRosterField = keyof typeof ROSTER_COLUMNS;

/** Owner names that mean "still the developer's, unsold or undelivered" (rules.md §3). */
const DEVELOPER_MARKS = /^(开发商|开发建设单位|未售|待售|未交付|developer|unsold)$/i;

export type TRosterRow = {
  row: number;
  building: string;
  unitNo: string;
  roomNo: string;
  areaCentiM2: number;
  use: 'RESIDENTIAL' | 'PARKING' | 'COMMERCIAL';
  developerHeld: boolean;
  owner: { name: string; phone: string | null; shareBp: number } | null;
};
export type TRosterError = { row: number; field: TRosterField | 'row'; code: string; values?: Record<string, string> };

export type TRosterValidation = {
  rows: TRosterRow[];
  errors: TRosterError[];
  /** Owners holding more than one unit, keyed by phone (they count once in an owners' vote). */
  multiUnitOwners: { phone: string; name: string; units: number }[];
  developerUnits: number;
};

const REQUIRED: readonly TRosterField[] = ['building', 'roomNo', 'area', 'ownerName'];
const COLUMNS = Object.fromEntries(
  Object.entries(ROSTER_COLUMNS).map(([f, names]) => [f, { names, required: REQUIRED.includes(f as TRosterField) }]),
) as unknown as Record<TRosterField, TColumn>;

/** Where each roster column is (the import kit's reader of headers). */
export function mapHeader(header: string[]): { map: Partial<Record<TRosterField, number>>; missing: TRosterField[] } {
  return mapColumns(header, COLUMNS);
}

const USES: Record<string, TRosterRow['use']> = {
  住宅: 'RESIDENTIAL',
  residential: 'RESIDENTIAL',
  '': 'RESIDENTIAL',
  车位: 'PARKING',
  车库: 'PARKING',
  parking: 'PARKING',
  商铺: 'COMMERCIAL',
  商业: 'COMMERCIAL',
  commercial: 'COMMERCIAL',
};

function parseShare(raw: string): number | null {
  const s = raw.normalize('NFKC').trim().replace(/%$/, '');
  if (s === '') return 10_000;
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp > 0 && bp <= 10_000 ? bp : null;
}

/** 9050 basis points → "90.5" */
const percent = (bp: number) =>
  `${Math.trunc(bp / 100)}${
    bp % 100
      ? `.${String(bp % 100)
          .padStart(2, '0')
          .replace(/0$/, '')}`
      : ''
  }`;

/** Validates data rows (without the header). `firstRow` is the sheet row number of the first data row. */

export function validateRoster(header: string[], data: string[][], firstRow = 2): TRosterValidation & { missing: TRosterField[] } {
  const { map, missing } = mapHeader(header);
  const out: TRosterValidation & { missing: TRosterField[] } = { rows: [], errors: [], multiUnitOwners: [], developerUnits: 0, missing };
  if (missing.length) return out;
  const cell = (r: string[], f: TRosterField) =>
    map[f] === undefined
      ? ''
      : String(r[map[f]!] ?? '')
          .normalize('NFKC')
          .trim();
  const seen = new Map<string, { row: number; areaCentiM2: number; developerHeld: boolean; owners: string[]; shareBp: number }>();
  // Units with a row in error: their total is not known, so it is not judged.
  const flawed = new Set<string>();
  data.forEach((r, i) => {
    const row = firstRow + i;
    if (r.every((c) => String(c ?? '').trim() === '')) return; // blank lines are skipped
    const errors: TRosterError[] = [];
    const building = cell(r, 'building');
    const unitNo = cell(r, 'unitNo') || '1';
    const roomNo = cell(r, 'roomNo');
    if (!building) errors.push({ row, field: 'building', code: 'roster.required' });
    if (!roomNo) errors.push({ row, field: 'roomNo', code: 'roster.required' });
    const area = parseAreaM2(cell(r, 'area'));
    if (!area.ok) errors.push({ row, field: 'area', code: area.code });
    const use = USES[cell(r, 'use').toLowerCase()];
    if (!use) errors.push({ row, field: 'use', code: 'roster.useUnknown' });
    const ownerName = cell(r, 'ownerName');
    const developerHeld = DEVELOPER_MARKS.test(ownerName);
    const rawPhone = cell(r, 'phone');
    const phone = rawPhone ? normalisePhone(rawPhone) : null;
    if (rawPhone && !phone) errors.push({ row, field: 'phone', code: 'roster.phoneInvalid' });
    if (!ownerName) errors.push({ row, field: 'ownerName', code: 'roster.required' });
    const shareBp = parseShare(cell(r, 'share'));
    if (shareBp === null) errors.push({ row, field: 'share', code: 'roster.shareInvalid' });
    // Co-owners of one unit are one row each; the same owner twice, a second developer row, differing
    // areas, or shares above 100 % are errors.
    const key = `${building}|${unitNo}|${roomNo}`;
    const earlier = seen.get(key);
    if (earlier && building && roomNo && area.ok) {
      const ownerKey = phone ?? ownerName;
      if (developerHeld || earlier.developerHeld || earlier.owners.includes(ownerKey))
        errors.push({ row, field: 'row', code: 'roster.duplicateUnit' });
      else if (earlier.areaCentiM2 !== area.centiM2) errors.push({ row, field: 'area', code: 'roster.areaDiffers' });
      else if (earlier.shareBp + (shareBp ?? 0) > 10_000) errors.push({ row, field: 'share', code: 'roster.sharesExceed' });
    }
    if (errors.length) {
      flawed.add(key);
      return void out.errors.push(...errors);
    }
    const entry = earlier ?? { row, areaCentiM2: (area as { centiM2: number }).centiM2, developerHeld, owners: [], shareBp: 0 };
    entry.owners.push(phone ?? ownerName);
    entry.shareBp += developerHeld ? 10_000 : shareBp!;
    seen.set(key, entry);
    out.rows.push({
      row,
      building,
      unitNo,
      roomNo,
      areaCentiM2: (area as { centiM2: number }).centiM2,
      use: use!,
      developerHeld,
      owner: developerHeld ? null : { name: ownerName, phone, shareBp: shareBp! },
    });
  });
  // Every unit's co-owners hold all of it (rules.md §0: shares are integers of 0.01 %): one short of 100 % is named
  // on the unit's first row, with the total found.
  for (const [key, unit] of seen) {
    if (unit.shareBp < 10_000 && !flawed.has(key)) {
      out.errors.push({ row: unit.row, field: 'share', code: 'roster.sharesIncomplete', values: { total: percent(unit.shareBp) } });
    }
  }
  out.errors.sort((a, b) => a.row - b.row);
  const byPhone = new Map<string, { name: string; units: number }>();
  for (const r of out.rows) {
    if (r.developerHeld) out.developerUnits++;
    if (r.owner?.phone) byPhone.set(r.owner.phone, { name: r.owner.name, units: (byPhone.get(r.owner.phone)?.units ?? 0) + 1 });
  }

  out.multiUnitOwners = [...byPhone].filter(([, v]) => v.units > 1).map(([phone, v]) => ({ phone, ...v }));
  return out;
}
