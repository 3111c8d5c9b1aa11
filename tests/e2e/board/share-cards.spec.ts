import { expect, test, type Page } from '@playwright/test';

// Issue 20, item 1: a notice shared into a WeChat group shows its own title, a description and a card picture;
// pages have titles of their own instead of the site's one generic title.
test.beforeEach(({}, info) => test.skip(info.project.name !== 'phone', 'one project is enough: server-rendered <head>'));

const meta = (page: Page, property: string) => page.locator(`meta[property="${property}"]`).getAttribute('content');

test('a public notice carries og tags, and its card picture is a PNG', async ({ page }) => {
  await page.goto('/board/c/510107009003');
  await page.getByRole('link', { name: /北苑小区后门维修：决定公告/ }).click();
  await expect(page).toHaveURL(/\/board\/n\/\d+$/);
  const id = page.url().match(/\/board\/n\/(\d+)$/)![1];
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!;
  await expect(page).toHaveTitle(`${title} · 议事`);
  expect(await meta(page, 'og:title')).toBe(title);
  expect(await meta(page, 'og:description')).toBeTruthy();
  expect(await meta(page, 'og:url')).toMatch(new RegExp(`^https?://[^/]+/board/n/${id}$`));
  const image = (await meta(page, 'og:image'))!;
  expect(image).toMatch(new RegExp(`^https?://[^/]+/api/cards/notice/${id}$`));
  const png = await page.request.get(new URL(image).pathname);
  expect([png.status(), png.headers()['content-type']]).toEqual([200, 'image/png']);
  expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');
  // WeChat's link preview reads the raw HTML: the card is in <head>, not streamed after it.
  const html = await (await page.request.get(`/board/n/${id}`, { headers: { 'User-Agent': 'Mozilla/5.0 MicroMessenger/8.0.50' } })).text();
  expect(html.slice(0, html.indexOf('</head>'))).toContain(`/api/cards/notice/${id}`);
  // Nothing for what an anonymous visitor cannot read.
  expect((await page.request.get('/api/cards/issue/1')).status()).toBe(404);
});

test('pages have titles of their own', async ({ page }) => {
  const titles: string[] = [];
  for (const path of ['/', '/places', '/places/c/510107009003', '/board/c/510107009003', '/board/verify', '/signin', '/register']) {
    await page.goto(path);
    titles.push(await page.title());
  }
  expect(titles).not.toContain('议事 · 社区协商议事平台');
  expect(new Set(titles).size).toBe(titles.length);
  expect(titles[5]).toBe('登录 · 议事');
});
