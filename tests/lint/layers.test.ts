/** Issue 16, item 8: pages, features and components reach the database only through use cases in src/server. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, expect, test } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const refusals = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter(
    (m) => m.ruleId === 'no-restricted-imports' && /use case from src\/server/.test(m.message),
  ).length;

beforeAll(() => eslint.lintText('', { filePath: 'src/app/[locale]/example/page.tsx' }), 60_000);

test.each([
  [
    'a page importing the database',
    "import { getDb } from '@/server/db';\nexport const x = getDb;",
    'src/app/[locale]/example/page.tsx',
    1,
  ],
  ['a route importing the database', "import { getDb } from '@/server/db';\nexport const x = getDb;", 'src/app/api/example/route.ts', 1],
  [
    'a feature importing the database',
    "import { getDb } from '@/server/db';\nexport const x = getDb;",
    'src/features/example/components/list.tsx',
    1,
  ],
  [
    'a page importing a use case',
    "import { ancestryOf } from '@/server/places/ancestry';\nexport const x = ancestryOf;",
    'src/app/[locale]/example/page.tsx',
    0,
  ],
  ['a use case importing the database', "import { getDb } from '@/server/db';\nexport const x = getDb;", 'src/server/example/read.ts', 0],
])('%s', async (_, code, file, count) => {
  expect(await refusals(code, file)).toBe(count);
});
