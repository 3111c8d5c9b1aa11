import { expect, test } from '@playwright/test';
import { signIn } from './support/session';

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
  await signIn(page, '13900001001');
  // An id beyond PostgreSQL's integer makes the database refuse the query, as an outage would.
  await page.goto('/motions/1099511627776');
  await expect(page.getByRole('heading', { name: '出了点问题，没能打开这个页面' })).toBeVisible();
  await expect(page.getByText('您填写和提交过的内容没有丢失')).toBeVisible();
  await expect(page.getByRole('link', { name: '回到首页' })).toHaveAttribute('href', '/');
  await page.goto('/en/motions/1099511627776');
  await expect(page.getByRole('heading', { name: 'Something went wrong and this page could not open' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  // An unknown page is the translated not-found page, not an error.
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: '没有找到这个页面' })).toBeVisible();
});
