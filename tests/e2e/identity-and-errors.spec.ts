import { expect, test } from '@playwright/test';
import { query, signIn } from './support/session';

test('the site has its icon and a web app manifest, so a phone can add it to the home screen', async ({ page, request }, info) => {
  test.skip(info.project.name !== 'phone', 'no layout');
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  await page.goto('/');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  const favicon = await request.get('/favicon.ico');
  expect([favicon.status(), favicon.headers()['content-type']]).toEqual([200, 'image/x-icon']);
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ short_name: '议事', start_url: '/', display: 'standalone' });
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const r = await request.get(icon.src);
    expect([icon.src, r.status(), r.headers()['content-type']]).toEqual([icon.src, 200, 'image/png']);
  }
  expect((await request.get('/apple-touch-icon.png')).status()).toBe(200);
  expect(errors).toEqual([]);
});

test('a page that fails on the server says so in the user’s language, with a way back', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'no layout');
  // A motion of a topic of its own whose stored result is damaged: reading it throws on the server, as a bug would.
  const [topic] = await query<{
    id: number;
  }>(`INSERT INTO "Topic" (title, description, "procedureId", "stepDueAt", "districtId", "streetId", "communityId",
      "compoundId", "createdById", "updatedAt", "categoryId")
    SELECT '出错演示议题', '用于检查出错页面', "procedureId", "stepDueAt", "districtId", "streetId", "communityId", "compoundId", "createdById", now(), "categoryId"
    FROM "Topic" WHERE title = '北苑小区电动车充电棚' RETURNING id`);
  const [motion] = await query<{ id: number }>(
    `INSERT INTO "Motion" ("topicId", "stepIndex", voters, rule, status, result)
    VALUES ($1, 0, '{"kind":"BODY","bodyKind":"COMMUNITY_COUNCIL"}', '{"kind":"ROSTER_FRACTION","fraction":{"p":2,"q":3}}', 'PASSED', '{"damaged":true}')
    RETURNING id`,
    [topic!.id],
  );
  await signIn(page, '13900001001');
  await page.goto(`/motions/${motion!.id}`);
  await expect(page.getByRole('heading', { name: '出了点问题，没能打开这个页面' })).toBeVisible();
  await expect(page.getByText('您填写和提交过的内容没有丢失')).toBeVisible();
  await expect(page.getByRole('link', { name: '回到首页' })).toHaveAttribute('href', '/');
  await page.goto(`/en/motions/${motion!.id}`);
  await expect(page.getByRole('heading', { name: 'Something went wrong and this page could not open' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  // An unknown page is the translated not-found page, not an error.
  await page.goto('/en/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
