import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import pkg from '../../../package.json' with { type: 'json' };
import { expectAccessible } from '../support/a11y';
import { signIn } from '../support/session';

/** Issue 17, item 8, on the app as `npm start` runs it: the load balancer's check, and the build staff see. */
const head = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).stdout.trim();

test('/api/health answers 200 with every check and the build, fresh every time (never the public cache)', async ({ request }, info) => {
  test.skip(info.project.name !== 'desktop', 'no layout');
  for (let i = 0; i < 2; i++) {
    const r = await request.get('/api/health');
    expect([r.status(), r.headers()['cache-control'], r.headers()['x-yishi-cache']]).toEqual([200, 'no-store', undefined]);
    const body = await r.json();
    expect(body).toMatchObject({
      status: 'ok',
      checks: { database: { ok: true }, migrations: { ok: true, missing: [] }, jobs: { ok: true } },
    });
    expect(body.version).toMatchObject({ version: pkg.version, commit: head });
    expect(Date.now() - Date.parse(body.version.builtAt)).toBeLessThan(24 * 3600_000);
  }
});

test('staff see the version, commit and build time on their desk', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'no layout');
  await signIn(page, '13900001001');
  await page.goto('/admin');
  const line = page.getByTestId('build-line');
  await expect(line).toContainText(`版本 ${pkg.version}`);
  await expect(line).toContainText(`提交 ${head}`);
  await expect(line).toContainText('构建于');
  await expectAccessible(page);
});
