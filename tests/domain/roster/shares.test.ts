import { describe, expect, test } from 'vitest';
import { validateRoster } from '@/domain/roster/validate';

// Issue 18 item 6: the co-owners' shares of a unit must add up to 100 % (60 % + 30 % was accepted).
const HEADER = ['楼栋', '单元', '房号', '面积', '业主姓名', '手机号', '产权份额'];
const row = (room: string, owner: string, share: string) => ['1栋', '1', room, '89.50', owner, '', share];

describe("co-owners' shares of one unit add up to 100 %", () => {
  test.each([
    ['one owner, no share given (100 %)', [row('101', '张三', '')], []],
    ['one owner, 100', [row('101', '张三', '100')], []],
    ['two owners, 50 + 50', [row('101', '张三', '50'), row('101', '李四', '50')], []],
    ['three owners, 33.34 + 33.33 + 33.33', [row('101', '甲', '33.34'), row('101', '乙', '33.33'), row('101', '丙', '33.33')], []],
    ['two owners, 60 + 30', [row('101', '张三', '60'), row('101', '李四', '30')], [{ row: 2, total: '90' }]],
    ['one owner, 50', [row('101', '张三', '50')], [{ row: 2, total: '50' }]],
    [
      'two units, one short',
      [row('101', '张三', '100'), row('102', '李四', '70'), row('102', '王五', '20.5')],
      [{ row: 3, total: '90.5' }],
    ],
    ['the developer holds a unit whole', [['1栋', '1', '101', '89.50', '开发商', '', '']], []],
  ])('%s', (_, data, expected) => {
    const v = validateRoster(HEADER, data);
    expect(v.errors).toEqual(
      expected.map((e) => ({ row: e.row, field: 'share', code: 'roster.sharesIncomplete', values: { total: e.total } })),
    );
  });

  test('over 100 % stays the error it was, on the row that passes it', () => {
    const v = validateRoster(HEADER, [row('101', '张三', '60'), row('101', '李四', '50')]);
    expect(v.errors).toEqual([{ row: 3, field: 'share', code: 'roster.sharesExceed' }]);
  });
});
