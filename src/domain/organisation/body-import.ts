/**
 * The bodies-and-members import (issue 18, item 6; decision 046): one row per member, the body named on every row (a
 * row without a member only sets up its body). A body is found by its name at its place (the community, or a compound
 * of it named in the row); rows naming one body must agree on its kind, seats and term. Pure: the server looks up the
 * compounds, people and seats already taken.
 */
import type { TColumns, TRecord, TRowError } from '../imports/table';
import { parseDateCell } from '../imports/table';
import { normalisePhone } from '../shared/phone';
import { bodyLevelRefusal, type TBodyKind } from './body-levels';

export const BODY_IMPORT_COLUMNS = {
  kind: { names: ['机构类别', 'kind', '类别', '组织类别'], required: true, example: '业主委员会' },
  body: { names: ['机构名称', 'body', '组织名称', '机构'], required: true, example: '锦苑小区第一届业主委员会' },
  compound: { names: ['小区', 'compound'], example: '锦苑' },
  seats: { names: ['席位数', 'seats'], example: '5' },
  termStartsOn: { names: ['任期开始', 'term starts'], required: true, example: '2026-01-01' },
  termEndsOn: { names: ['任期结束', 'term ends'], example: '2030-12-31' },
  name: { names: ['成员姓名', 'member', '姓名', 'name'], example: '张三' },
  phone: { names: ['手机号', 'phone', '电话'], example: '13800000000' },
  position: { names: ['职务', 'position'], example: '主任' },
  startsOn: { names: ['任职日期', 'member from'], example: '2026-01-01' },
} as const satisfies TColumns;
export type TBodyImportRecord = TRecord<keyof typeof BODY_IMPORT_COLUMNS & string>;

export type TBodyPosition = 'CHAIR' | 'VICE_CHAIR' | 'SECRETARY' | 'MEMBER';

/** The words a sheet may use for a kind: the Chinese names (and short forms), the English names, the codes. */
const KIND_WORDS: Record<TBodyKind, string[]> = {
  TWO_COMMITTEES: ['两委', 'two committees'],
  RESIDENTS_COMMITTEE: ['居民委员会', '居委会', '村民委员会', '村委会', "residents' committee"],
  OWNERS_ASSEMBLY: ['业主大会', "owners' assembly"],
  OWNERS_COMMITTEE: ['业主委员会', '业委会', "owners' committee"],
  PROPERTY_MANAGEMENT_COMMITTEE: ['物业管理委员会', '物管会', 'property management committee'],
  SUPERVISORY_COMMITTEE: ['监事会', '居务监督委员会', '村务监督委员会', '业主监事会', 'supervisory committee'],
  RESIDENTS_REPRESENTATIVES: ['居民代表会议', '村民代表会议', "residents' representatives meeting"],
  COMMUNITY_COUNCIL: ['社区议事会', '议事会', 'community council'],
  COURTYARD_COUNCIL: ['院落议事会', '居民小组议事会', '小区议事会', 'courtyard council'],
  MEDIATION_COMMITTEE: ['人民调解委员会', '调解委员会', 'mediation committee'],
};
const POSITION_WORDS: Record<TBodyPosition, string[]> = {
  CHAIR: ['主任', '主席', '会长', '组长', '召集人', 'chair'],
  VICE_CHAIR: ['副主任', '副主席', '副会长', '副组长', 'vice-chair', 'vice chair'],
  SECRETARY: ['秘书', '秘书长', 'secretary'],
  MEMBER: ['委员', '成员', '代表', '议事员', 'member'],
};

const key = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/[’‘]/g, "'");
function lookup<K extends string>(words: Record<K, string[]>, raw: string): K | null {
  const k = key(raw);
  for (const [code, ws] of Object.entries(words) as [K, string[]][])
    if (k === code.toLowerCase() || ws.some((w) => key(w) === k)) return code;
  return null;
}
export const parseBodyKind = (raw: string) => lookup(KIND_WORDS, raw);
/** A position as typed; blank is an ordinary member. */
export const parseBodyPosition = (raw: string): TBodyPosition | null => (raw.trim() === '' ? 'MEMBER' : lookup(POSITION_WORDS, raw));

export type TBodyRow = {
  row: number;
  kind: TBodyKind;
  body: string;
  compound: string | null;
  seats: number | null;
  termStartsOn: string;
  termEndsOn: string | null;
  member: { name: string; phone: string | null; position: TBodyPosition; startsOn: string } | null;
};

/** Where a body sits, as a key: the same name in two compounds is two bodies. */
export const bodyKey = (r: Pick<TBodyRow, 'compound' | 'body'>) => `${r.compound ?? ''}\u0000${r.body}`;
/** Who a member is within a body: by phone when there is one, else by name. */
export const memberKey = (m: { name: string; phone: string | null }) => m.phone ?? `name:${m.name}`;

/** One record's values, or its errors by field. */
export function parseBodyRecord(rec: TBodyImportRecord): { row: TBodyRow | null; errors: TRowError[] } {
  const c = rec.cells;
  const errors: TRowError[] = [];
  const err = (field: string, code: string, values?: Record<string, string>) => errors.push({ row: rec.row, field, code, values });
  const kind = parseBodyKind(c.kind);
  if (!c.kind) err('kind', 'roster.required');
  else if (!kind) err('kind', 'bodyImport.kindUnknown', { value: c.kind });
  if (!c.body) err('body', 'roster.required');
  else if (c.body.length > 60) err('body', 'bodyImport.nameTooLong');
  const compound = c.compound || null;
  if (kind) {
    const misplaced = bodyLevelRefusal(kind, compound ? 'compound' : 'community');
    if (misplaced) err('compound', misplaced);
  }
  const seats = c.seats === '' ? null : Number(c.seats);
  if (seats !== null && (!Number.isInteger(seats) || seats < 1 || seats > 500)) err('seats', 'bodyImport.seatsInvalid');
  const termStartsOn = parseDateCell(c.termStartsOn);
  if (!c.termStartsOn) err('termStartsOn', 'roster.required');
  else if (!termStartsOn) err('termStartsOn', 'bodyImport.dateInvalid');
  const termEndsOn = c.termEndsOn ? parseDateCell(c.termEndsOn) : null;
  if (c.termEndsOn && !termEndsOn) err('termEndsOn', 'bodyImport.dateInvalid');
  else if (termStartsOn && termEndsOn && termEndsOn < termStartsOn) err('termEndsOn', 'body.termOrder');
  let member: TBodyRow['member'] = null;
  const memberGiven = !!(c.name || c.phone || c.position || c.startsOn);
  if (memberGiven) {
    if (!c.name) err('name', 'roster.required');
    else if (c.name.length > 30) err('name', 'field.name');
    const phone = c.phone ? normalisePhone(c.phone) : null;
    if (c.phone && !phone) err('phone', 'roster.phoneInvalid');
    const position = parseBodyPosition(c.position);
    if (!position) err('position', 'bodyImport.positionUnknown', { value: c.position });
    const startsOn = c.startsOn ? parseDateCell(c.startsOn) : termStartsOn;
    if (c.startsOn && !startsOn) err('startsOn', 'bodyImport.dateInvalid');
    else if (startsOn && termStartsOn && startsOn < termStartsOn) err('startsOn', 'bodyImport.beforeTerm');
    if (c.name && position && startsOn) member = { name: c.name, phone, position, startsOn };
  }
  if (errors.length) return { row: null, errors };
  return { row: { row: rec.row, kind: kind!, body: c.body, compound, seats, termStartsOn: termStartsOn!, termEndsOn, member }, errors };
}

/**
 * Every record parsed, then checked against the others: rows of one body agree on its kind, seats and term, and a
 * member appears once in a body.
 */
export function parseBodyRecords(records: readonly TBodyImportRecord[]): { rows: TBodyRow[]; errors: TRowError[] } {
  const rows: TBodyRow[] = [];
  const errors: TRowError[] = [];
  const first = new Map<string, TBodyRow>();
  const members = new Set<string>();
  for (const rec of records) {
    const { row, errors: e } = parseBodyRecord(rec);
    errors.push(...e);
    if (!row) continue;
    const k = bodyKey(row);
    const f = first.get(k);
    if (f && (f.kind !== row.kind || f.seats !== row.seats || f.termStartsOn !== row.termStartsOn || f.termEndsOn !== row.termEndsOn)) {
      errors.push({ row: row.row, field: 'body', code: 'bodyImport.bodyDiffers', values: { row: String(f.row) } });
      continue;
    }
    if (!f) first.set(k, row);
    if (row.member) {
      const m = `${k}\u0000${memberKey(row.member)}`;
      if (members.has(m)) {
        errors.push({ row: row.row, field: 'name', code: 'bodyImport.memberTwice' });
        continue;
      }
      members.add(m);
    }
    rows.push(row);
  }
  return { rows, errors };
}
