import { describe, expect, test } from 'vitest';
import { agencyName, bestCompoundFor, distanceMetres, nearestCompound, parseCoordinates } from '@/domain/open311/places';

describe('agencyName: the unit that handles an issue at its level, named once', () => {
  const names = { compound: '北苑小区', community: '白鹤社区', street: '晋阳街道', district: '武侯区' };
  test.each([
    ['COMPOUND', names, '白鹤社区居民委员会 北苑小区网格'],
    ['COMMUNITY', names, '白鹤社区居民委员会'],
    ['COMMUNITY', { ...names, community: '王家村' }, '王家村村民委员会'],
    ['COMMUNITY', { ...names, community: '白鹤社区居委会' }, '白鹤社区居委会'],
    ['STREET', names, '晋阳街道办事处'],
    ['STREET', { ...names, street: '永安镇' }, '永安镇人民政府'],
    ['DISTRICT', names, '武侯区人民政府'],
    ['DISTRICT', { ...names, district: '双流区人民政府' }, '双流区人民政府'],
    ['COMPOUND', { ...names, compound: null }, '白鹤社区居民委员会'],
  ] as const)('%s %j → %s', (level, n, out) => expect(agencyName(level, n)).toBe(out));
});

describe('bestCompoundFor: a free address matched to a compound of the district', () => {
  const compounds = [
    { id: 1, name: '北苑小区', community: '晋阳社区', address: '武侯区晋阳路88号' },
    { id: 2, name: '南苑小区', community: '晋阳社区', address: null },
    { id: 3, name: '锦绣花园', community: '白鹤社区', address: '武侯区白鹤路1号' },
    { id: 4, name: '锦绣花园', community: '红牌楼社区', address: null },
    { id: 5, name: '欧城花园', community: '棠湖社区', address: null },
  ];
  test.each([
    ['北苑小区', 1],
    [' 北苑 小区 ', 1],
    ['武侯区晋阳街道北苑小区3栋2单元门口', 1],
    ['北苑', 1],
    ['晋阳路88号', 1],
    ['成都市武侯区晋阳路88号附近', 1],
    ['锦绣花园', 'ambiguous'],
    ['白鹤社区锦绣花园', 3],
    ['红牌楼社区 锦绣花园5栋', 4],
    ['欧城花园', 5],
    ['苑', null], // one character says too little
    ['天府广场', null],
    ['', null],
  ] as const)('%j → %j', (address, out) => expect(bestCompoundFor(address, compounds)).toBe(out));
});

describe('nearestCompound: coordinates placed at the nearest compound with coordinates, within the limit', () => {
  const compounds = [
    { id: 1, lat: 30.6417, long: 104.0431 },
    { id: 2, lat: 30.65, long: 104.05 },
    { id: 3, lat: null, long: null },
  ];
  test('distances are great-circle metres', () => {
    expect(Math.round(distanceMetres({ lat: 30.6417, long: 104.0431 }, { lat: 30.6507, long: 104.0431 }))).toBe(1001);
  });
  test.each([
    [{ lat: 30.6418, long: 104.0432 }, 1],
    [{ lat: 30.6499, long: 104.0499 }, 2],
    [{ lat: 30.7, long: 104.1 }, null], // about 7 km from either
    [{ lat: 39.9, long: 116.4 }, null],
  ])('%j → %j', (point, out) => expect(nearestCompound(point, compounds, 1000)).toBe(out));
});

describe('parseCoordinates: "纬度, 经度" as staff copy them from a map', () => {
  test.each([
    ['30.6417, 104.0431', { lat: 30.6417, long: 104.0431 }],
    ['30.6417，104.0431', { lat: 30.6417, long: 104.0431 }],
    [' 30.6417 104.0431 ', { lat: 30.6417, long: 104.0431 }],
    ['-33.86,151.2', { lat: -33.86, long: 151.2 }],
    ['104.0431, 30.6417', { lat: 104.0431, long: 30.6417, bad: true }],
    ['30.64', null],
    ['北纬30度', null],
    ['91, 10', null],
  ])('%j → %j', (input, out) => {
    if (out && 'bad' in out) expect(parseCoordinates(input)).toBeNull();
    else expect(parseCoordinates(input)).toEqual(out);
  });
});
