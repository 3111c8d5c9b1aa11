import { describe, expect, test } from 'vitest';
import { communityOf, extractDivisions, isDivisionCode, type TDivisionTables } from '@/domain/territory/divisions';

const TABLES: TDivisionTables = {
  provinces: [
    { code: '51', name: '四川省' },
    { code: '14', name: '山西省' },
  ],
  cities: [
    { code: '5119', name: '巴中市', provinceCode: '51' },
    { code: '5101', name: '成都市', provinceCode: '51' },
    { code: '1403', name: '阳泉市', provinceCode: '14' },
  ],
  areas: [
    { code: '511902', name: '巴州区', cityCode: '5119', provinceCode: '51' },
    { code: '511903', name: '恩阳区', cityCode: '5119', provinceCode: '51' },
    { code: '510107', name: '武侯区', cityCode: '5101', provinceCode: '51' },
    { code: '140302', name: '城区', cityCode: '1403', provinceCode: '14' },
  ],
  streets: [
    { code: '511902001', name: '东城街道', areaCode: '511902' },
    { code: '511903001', name: '登科街道', areaCode: '511903' },
    { code: '510107009', name: '晋阳街道', areaCode: '510107' },
  ],
  villages: [
    { code: '511902001001', name: '红碑路社区居委会', streetCode: '511902001' },
    { code: '511902001201', name: '王家村民委员会', streetCode: '511902001' },
    { code: '511903001001', name: '登科社区居民委员会', streetCode: '511903001' },
    { code: '510107009003', name: '晋阳社区居委会', streetCode: '510107009' },
  ],
};

describe('extractDivisions: what one install loads, by province, city or district code', () => {
  test.each([
    ['a city', ['5119'], ['511902', '511903'], 3],
    ['a district', ['511903'], ['511903'], 1],
    ['a province', ['51'], ['511902', '511903', '510107'], 4],
    ['several', ['510107', '140302'], ['510107', '140302'], 1],
    ['a code that names nothing', ['5120'], [], 0],
    ['a prefix that is not a whole code is not a province', ['5'], [], 0],
  ])('%s', (_, codes, districts, communities) => {
    const d = extractDivisions(TABLES, codes);
    expect(d.districts.map((x) => x.code)).toEqual(districts);
    expect(d.communities).toHaveLength(communities);
  });

  test('districts carry their city and province; communities lose their committee suffix', () => {
    const d = extractDivisions(TABLES, ['511902']);
    expect(d.districts).toEqual([{ code: '511902', name: '巴州区', cityName: '巴中市', provinceName: '四川省' }]);
    expect(d.streets).toEqual([{ code: '511902001', name: '东城街道', districtCode: '511902' }]);
    expect(d.communities.map((c) => [c.name, c.kind])).toEqual([
      ['红碑路社区', 'URBAN'],
      ['王家村', 'VILLAGE'],
    ]);
  });

  test.each([
    ['晋阳社区居委会', '晋阳社区', 'URBAN'],
    ['登科社区居民委员会', '登科社区', 'URBAN'],
    ['王家村民委员会', '王家村', 'VILLAGE'],
    ['李家村委会', '李家村', 'VILLAGE'],
    ['已是社区', '已是社区', 'URBAN'],
  ])('%s → %s (%s)', (raw, name, kind) => {
    expect(communityOf(raw)).toEqual({ name, kind });
  });

  test.each([
    ['51', true],
    ['5119', true],
    ['511902', true],
    ['5', false],
    ['511', false],
    ['51190200', false],
    ['巴中', false],
  ])('%s is a division code: %s', (code, ok) => {
    expect(isDivisionCode(code)).toBe(ok);
  });
});
