import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { freePort } from '../../scripts/db/port.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Issue 17, item 4: a YISHI_PUBLIC_URL that is set but not an absolute http(s) address stops `npm start` at once. */
describe('npm start checks YISHI_PUBLIC_URL first', () => {
  test.each(['yishi.example.gov.cn', 'ftp://yishi.example.gov.cn'])('%s: one sentence, no stack trace, nothing started', async (value) => {
    const run = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        ...process.env,
        YISHI_DEMO: 'off',
        YISHI_PUBLIC_URL: value,
        PORT: String(await freePort()),
        // Nothing answers there: had the check not stopped it, start-up would fail later with another message.
        DATABASE_URL: `postgresql://u:p@127.0.0.1:${await freePort()}/db`,
      },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `[yishi] YISHI_PUBLIC_URL must be the absolute http(s) address residents reach the app at, such as https://yishi.example.gov.cn (it is "${value}").`,
    );
  });
});
