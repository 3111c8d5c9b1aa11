import { describe, expect, test } from 'vitest';
import { parsePlaceQuery, pinyinInitials } from '@/domain/territory/initials';

describe('pinyinInitials', () => {
  test.each([
    ['武侯区', 'whq'],
    ['晋阳社区', 'jysq'],
    ['东升街道', 'dsjd'],
    ['欧城花园', 'ochy'],
    ['龙躺梁社区', 'ltlsq'],
    ['双流区', 'slq'],
    ['3栋', '3d'],
    ['北苑小区', 'byxq'],
  ])('%s → %s', (name, initials) => expect(pinyinInitials(name)).toBe(initials));
});

describe('parsePlaceQuery', () => {
  test.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['JYSQ', { kind: 'initials', text: 'jysq' }],
    ['jy sq', { kind: 'initials', text: 'jysq' }],
    ['晋阳', { kind: 'name', text: '晋阳' }],
    [' 晋阳 社区 ', { kind: 'name', text: '晋阳社区' }],
    ['ｊｙｓｑ', { kind: 'initials', text: 'jysq' }],
  ])('%j → %j', (raw, q) => expect(parsePlaceQuery(raw)).toEqual(q));
});
