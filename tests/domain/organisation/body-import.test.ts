import { describe, expect, test } from 'vitest';
import { parseBodyKind, parseBodyPosition, parseBodyRecords, type TBodyImportRecord } from '@/domain/organisation/body-import';

const COLS = ['kind', 'body', 'compound', 'seats', 'termStartsOn', 'termEndsOn', 'name', 'phone', 'position', 'startsOn'] as const;
const rec = (row: number, ...v: string[]): TBodyImportRecord => ({
  row,
  cells: Object.fromEntries(COLS.map((k, i) => [k, v[i] ?? ''])) as TBodyImportRecord['cells'],
});

describe('kinds and positions as people type them', () => {
  test.each([
    ['业主委员会', 'OWNERS_COMMITTEE'],
    ['业委会', 'OWNERS_COMMITTEE'],
    ["Owners' committee", 'OWNERS_COMMITTEE'],
    ['OWNERS_COMMITTEE', 'OWNERS_COMMITTEE'],
    ['居务监督委员会', 'SUPERVISORY_COMMITTEE'],
    [' 社区议事会 ', 'COMMUNITY_COUNCIL'],
    ['业主协会', null],
  ])('kind %j → %s', (raw, kind) => expect(parseBodyKind(raw)).toBe(kind));
  test.each([
    ['', 'MEMBER'],
    ['主任', 'CHAIR'],
    ['副主任', 'VICE_CHAIR'],
    ['Secretary', 'SECRETARY'],
    ['委员', 'MEMBER'],
    ['老大', null],
  ])('position %j → %s', (raw, p) => expect(parseBodyPosition(raw)).toBe(p));
});

describe('rows of the bodies import', () => {
  test('a member row, a body-only row, dates as typed; the start of service defaults to the term', () => {
    const { rows, errors } = parseBodyRecords([
      rec(2, '业委会', '锦苑业委会', '锦苑', '5', '2026/1/1', '2030年12月31日', '张三', '138 0000 0001', '主任', '2026-02-01'),
      rec(3, '业委会', '锦苑业委会', '锦苑', '5', '2026-01-01', '2030-12-31', '李四', '', ''),
      rec(4, '居务监督委员会', '晋阳社区居务监督委员会', '', '', '2026-01-01'),
    ]);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.row, r.kind, r.compound, r.seats, r.termStartsOn, r.termEndsOn, r.member])).toEqual([
      [
        2,
        'OWNERS_COMMITTEE',
        '锦苑',
        5,
        '2026-01-01',
        '2030-12-31',
        { name: '张三', phone: '13800000001', position: 'CHAIR', startsOn: '2026-02-01' },
      ],
      [
        3,
        'OWNERS_COMMITTEE',
        '锦苑',
        5,
        '2026-01-01',
        '2030-12-31',
        { name: '李四', phone: null, position: 'MEMBER', startsOn: '2026-01-01' },
      ],
      [4, 'SUPERVISORY_COMMITTEE', null, null, '2026-01-01', null, null],
    ]);
  });

  test.each([
    ['an unknown kind', rec(2, '业主协会', 'x', '', '', '2026-01-01'), 'kind', 'bodyImport.kindUnknown'],
    ['no name', rec(2, '业委会', '', '锦苑', '', '2026-01-01'), 'body', 'roster.required'],
    ['an owners’ committee without its compound', rec(2, '业委会', 'x', '', '', '2026-01-01'), 'compound', 'body.needsCompound'],
    ['a community council in a compound', rec(2, '社区议事会', 'x', '锦苑', '', '2026-01-01'), 'compound', 'body.communityOnly'],
    ['zero seats', rec(2, '业委会', 'x', '锦苑', '0', '2026-01-01'), 'seats', 'bodyImport.seatsInvalid'],
    ['half a seat', rec(2, '业委会', 'x', '锦苑', '2.5', '2026-01-01'), 'seats', 'bodyImport.seatsInvalid'],
    ['no term start', rec(2, '业委会', 'x', '锦苑', '5', ''), 'termStartsOn', 'roster.required'],
    ['a day that is not', rec(2, '业委会', 'x', '锦苑', '5', '2026-02-30'), 'termStartsOn', 'bodyImport.dateInvalid'],
    ['a term that ends before it starts', rec(2, '业委会', 'x', '锦苑', '5', '2026-02-01', '2026-01-01'), 'termEndsOn', 'body.termOrder'],
    ['a phone without its member', rec(2, '业委会', 'x', '锦苑', '5', '2026-01-01', '', '', '13800000001'), 'name', 'roster.required'],
    ['a bad phone', rec(2, '业委会', 'x', '锦苑', '5', '2026-01-01', '', '张三', '1380000'), 'phone', 'roster.phoneInvalid'],
    [
      'an unknown position',
      rec(2, '业委会', 'x', '锦苑', '5', '2026-01-01', '', '张三', '', '老大'),
      'position',
      'bodyImport.positionUnknown',
    ],
    [
      'service before the term',
      rec(2, '业委会', 'x', '锦苑', '5', '2026-01-01', '', '张三', '', '', '2025-12-31'),
      'startsOn',
      'bodyImport.beforeTerm',
    ],
  ])('%s: refused on its field', (_what, r, field, code) => {
    const { rows, errors } = parseBodyRecords([r]);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.field, e.code])).toContainEqual([2, field, code]);
  });

  test('rows of one body must agree on kind, seats and term; a member appears once in a body (by phone, else by name)', () => {
    const { rows, errors } = parseBodyRecords([
      rec(2, '业委会', '锦苑业委会', '锦苑', '5', '2026-01-01', '', '张三', '13800000001'),
      rec(3, '业委会', '锦苑业委会', '锦苑', '7', '2026-01-01', '', '李四'),
      rec(4, '业委会', '锦苑业委会', '锦苑', '5', '2026-01-01', '', '张三丰', '13800000001'),
      rec(5, '业委会', '锦苑业委会', '锦苑', '5', '2026-01-01', '', '王五'),
      rec(6, '业委会', '锦苑业委会', '锦苑', '5', '2026-01-01', '', '王五'),
      // the same name in another compound is another body
      rec(7, '业委会', '锦苑业委会', '北苑', '7', '2026-01-01', '', '王五'),
    ]);
    expect(errors.map((e) => [e.row, e.code, e.values])).toEqual([
      [3, 'bodyImport.bodyDiffers', { row: '2' }],
      [4, 'bodyImport.memberTwice', undefined],
      [6, 'bodyImport.memberTwice', undefined],
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 5, 7]);
  });
});
