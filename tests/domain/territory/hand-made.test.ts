import { describe, expect, test } from 'vitest';
import { cleanPlaceName, isHandMadeCode, isValidDivisionCode, nextHandMadeCode } from '@/domain/territory/hand-made';

describe('hand-made codes never collide with official ones', () => {
  test.each([
    ['510107', [], '510107X1'],
    ['510107', ['510107009', '510107010'], '510107X1'],
    ['510107', ['510107X1', '510107X3', '510107009'], '510107X4'],
    ['510107009', ['510107009003', '510107009X2', '510107009X10'], '510107009X11'],
    // a hand-made community under a hand-made street; the street's own siblings' children do not count
    ['510107X1', ['510107X1X1', '510107X10X5'], '510107X1X2'],
  ])('under %s with %j → %s', (parent, siblings, code) => expect(nextHandMadeCode(parent, siblings)).toBe(code));

  test.each([
    ['street', '510107009', true],
    ['street', '510107X1', true],
    ['street', '51010700', false],
    ['street', '510107009001', false],
    ['community', '510107009003', true],
    ['community', '510107009X2', true],
    ['community', '510107X1X1', true],
    ['community', '510107009', false],
    ['community', 'X1', false],
    ['community', '510107009X', false],
    ['community', '510107009x2', false],
  ] as const)('%s code %s valid: %s', (level, code, ok) => expect(isValidDivisionCode(level, code)).toBe(ok));

  test('a hand-made code is never a 12-digit official one', () => {
    for (const parent of ['510107', '510107009', '510107X1']) {
      const code = nextHandMadeCode(parent, []);
      expect([isHandMadeCode(code), /^\d{12}$/.test(code)]).toEqual([true, false]);
    }
  });
});

describe('place names as staff type them', () => {
  test.each([
    ['新建社区', '新建社区'],
    ['  晋阳 社区 ', '晋阳社区'],
    ['锦城（南）社区', '锦城(南)社区'],
    ['ＡＢ村', 'AB村'],
    ['王家·坝村', '王家·坝村'],
    ['', null],
    ['社', null],
    ['晋阳社区<script>', null],
    ['晋阳\n社区', '晋阳社区'],
    ['长'.repeat(31), null],
  ])('%j → %j', (raw, name) => expect(cleanPlaceName(raw)).toBe(name));
});
