import { describe, expect, test } from 'vitest';
import { mapColumns, parseDateCell, parseYesNo, recordsOf, templateRows, type TColumns } from '@/domain/imports/table';

const COLUMNS = {
  name: { names: ['姓名', 'name'], required: true, example: '张三' },
  phone: { names: ['手机号', 'phone', '手机', '联系电话'], example: '13800000000' },
  joined: { names: ['入党日期', 'joined'], required: true, example: '2001-07-01' },
} as const satisfies TColumns;

describe('columns are found by their header, in either language, in any order', () => {
  test.each([
    [['姓名', '手机号', '入党日期'], { name: 0, phone: 1, joined: 2 }, []],
    [['Joined', ' NAME '], { name: 1, joined: 0 }, []],
    [['联系电话', '姓名'], { name: 1, phone: 0 }, ['joined']],
    [['ｎａｍｅ', '入党日期'], { name: 0, joined: 1 }, []], // full-width letters, as some keyboards type them
    [[], {}, ['name', 'joined']],
  ])('%j', (header, map, missing) => {
    expect(mapColumns(header, COLUMNS)).toEqual({ map, missing });
  });
});

test('records carry their spreadsheet row; blank rows are skipped; absent columns read as empty', () => {
  const { map } = mapColumns(['姓名', '入党日期'], COLUMNS);
  const data = [
    [' 张三 ', '2001-07-01'],
    ['', '  '],
    ['李四', ''],
  ];
  expect(recordsOf(data, map, COLUMNS)).toEqual([
    { row: 2, cells: { name: '张三', phone: '', joined: '2001-07-01' } },
    { row: 4, cells: { name: '李四', phone: '', joined: '' } },
  ]);
});

test('a template: the header in the reader’s language and one example row', () => {
  expect(templateRows(COLUMNS, 'zh-CN')).toEqual([
    ['姓名', '手机号', '入党日期'],
    ['张三', '13800000000', '2001-07-01'],
  ]);
  expect(templateRows(COLUMNS, 'en')[0]).toEqual(['name', 'phone', 'joined']);
});

test.each([
  ['是', false, true],
  ['否', true, false],
  ['Y', false, true],
  ['no', true, false],
  ['', false, false],
  ['', true, true],
  ['有', false, true],
  ['无', true, false],
  ['也许', false, null],
])('yes/no %j (blank = %j) → %j', (raw, blank, expected) => {
  expect(parseYesNo(raw, blank)).toBe(expected);
});

test.each([
  ['2026-03-01', '2026-03-01'],
  ['2026/3/1', '2026-03-01'],
  ['2026.3.1', '2026-03-01'],
  ['2026年3月1日', '2026-03-01'],
  ['２０２６－０３－０１', '2026-03-01'],
  ['2026-02-29', null], // not a leap year
  ['2024-02-29', '2024-02-29'],
  ['2026-13-01', null],
  ['3/1/2026', null],
  ['', null],
])('date %j → %j', (raw, expected) => {
  expect(parseDateCell(raw)).toBe(expected);
});
