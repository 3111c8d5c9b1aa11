/** Issue 16 (decision 035): every server action and route handler is declared; anything else is refused by lint. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const refusals = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter(
    (m) => m.ruleId === 'no-restricted-syntax' && /Declare it/.test(m.message),
  ).length;

beforeAll(() => eslint.lintText('', { filePath: 'src/features/example/actions.ts' }), 60_000);

const HEAD = "'use server';\nimport { z } from 'zod';\nimport { command } from '@/features/shared/command';\n";

describe('server actions', () => {
  test.each([
    ['an exported async function', 'export async function rogueAction(_: unknown, fd: FormData) { return { ok: true, fd }; }', 1],
    ['an exported arrow function', 'export const rogueAction = async () => ({ ok: true });', 1],
    [
      'a function wrapped by something else',
      'const wrap = (f: unknown) => f;\nexport const rogueAction = wrap(async () => ({ ok: true }));',
      1,
    ],
    ['a re-export', "export { rogueAction } from './elsewhere';", 1],
    ['a default export', 'export default async function rogue() { return null; }', 1],
    ['a declared command', "export const fineAction = command({ who: 'signed-in', input: z.object({}), run: async () => null });", 0],
  ])('%s', async (_, code, count) => {
    expect(await refusals(HEAD + code, 'src/features/example/actions.ts')).toBe(count);
  });
});

describe('route handlers', () => {
  const RHEAD = "import { handler } from '@/features/shared/handler';\n";
  test.each([
    ['an exported GET function', 'export async function GET() { return new Response(); }', 1],
    ['a POST arrow', 'export const POST = async () => new Response();', 1],
    ['a handler exported under a method name', 'const h = async () => new Response();\nexport { h as GET, h as POST };', 2],
    ['a re-exported handler', "export { GET } from './elsewhere';", 1],
    ['a declared handler', "export const GET = handler({ who: 'public', run: async () => new Response() });", 0],
    ['a route segment option', "export const dynamic = 'force-dynamic';", 0],
  ])('%s', async (_, code, count) => {
    expect(await refusals(RHEAD + code, 'src/app/api/example/route.ts')).toBe(count);
  });
});

test('every file with server actions is one the rule covers', () => {
  const files = (readdirSync(path.join(root, 'src'), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
  const withActions = files.filter((f) => /^\s*['"]use server['"]/m.test(readFileSync(path.join(root, 'src', f), 'utf8')));
  expect(withActions.length).toBeGreaterThan(5);
  expect(withActions.filter((f) => !/^features\/[^/]+\/([^/]+-)?actions\.ts$/.test(f))).toEqual([]);
});

test('every actions file and route handler of the project is declared', async () => {
  const files = (readdirSync(path.join(root, 'src'), { recursive: true }) as string[])
    .filter((f) => /^features\/[^/]+\/([^/]+-)?actions\.ts$/.test(f) || /^app\/.*\/route\.ts$/.test(f))
    .map((f) => path.join(root, 'src', f));
  expect(files.length).toBeGreaterThan(25);
  const results = await eslint.lintFiles(files);
  const undeclared = results.flatMap((r) =>
    r.messages.filter((m) => /Declare it/.test(m.message)).map((m) => `${path.relative(root, r.filePath)}:${m.line}`),
  );
  expect(undeclared).toEqual([]);
}, 120_000);
