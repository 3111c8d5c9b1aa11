/** The lint rules of decisions/025: date-only columns never meet a raw instant outside src/server/today.ts. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: path.join(import.meta.dirname, '../..') });
const problems = async (code: string, filePath = 'src/server/example.ts') =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;

// Loading the config and the TypeScript parser takes seconds on a busy machine: once, before the cases.
beforeAll(() => eslint.lintText('', { filePath: 'src/server/example.ts' }), 60_000);

describe('no raw instants next to date-only columns', () => {
  test.each([
    [
      'a term compared with now',
      'const now = new Date();\nexport const w = { startsOn: { lte: now }, OR: [{ endsOn: null }, { endsOn: { gte: now } }] };',
      2,
    ],
    ['a record dated with an instant', 'export const d = { heldOn: new Date() };', 1],
    ['a form value parsed by Date', 'export const d = (s: string) => ({ startsOn: new Date(s) });', 1],
    ['a UTC day taken for China’s', 'export const day = new Date().toISOString().slice(0, 10);', 1],
    ['the server’s local year', 'export const year = new Date().getFullYear();', 1],
    [
      'the helper',
      "import { dateOnly, inForceOn, today } from '@/server/today';\nexport const w = { ...inForceOn(today()), heldOn: dateOnly(today()) };",
      0,
    ],
    ['an instant column with an instant', 'export const w = { startsAt: { gte: new Date() } };', 0],
  ])('%s', async (_, code, count) => {
    expect(await problems(code)).toBe(count);
  });

  test('the helper itself may do it', async () => {
    expect(await problems('export const day = new Date().toISOString().slice(0, 10);', 'src/server/today.ts')).toBe(0);
  });
});
