import { expect, test } from '@playwright/test';
import { signIn } from '../support/session';

// Decision 032: the production server keeps public pages for anonymous visitors in memory and drops them when the
// database says something public changed. Other specs write meanwhile, so "a hit" is awaited, never assumed.
const BOARD = '/board/c/510107009003';

type TGot = { status: number; cache: string | null; body: string };
async function get(baseURL: string, path: string, headers: Record<string, string> = {}): Promise<TGot> {
  // A bare client with no cookie jar: an anonymous visitor's first visit.
  const r = await fetch(`${baseURL}${path}`, { headers, redirect: 'manual' });
  return { status: r.status, cache: r.headers.get('x-yishi-cache'), body: await r.text() };
}

test('anonymous visitors get the board from the cache until a notice is published; signed-in visitors never do', async ({
  browser,
  baseURL,
}, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const base = baseURL!;
  await expect
    .poll(async () => {
      const first = await get(base, BOARD);
      const second = await get(base, BOARD);
      return [first.status, second.cache, second.body === first.body];
    })
    .toEqual([200, 'hit', true]);

  const staff = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(staff, '13900001001'); // 刘建华, Jinyang secretary
  const signedIn = await staff.goto(BOARD);
  expect(signedIn?.headers()['x-yishi-cache']).toBe('bypass');
  await staff.getByRole('link', { name: '发布公示' }).click();
  await staff.getByLabel('类别').selectOption({ label: '居务公开' });
  await staff.getByLabel('标题').fill('E2E 缓存之后的新公示');
  await staff.getByLabel('正文').fill('<p>新公示应立即出现在公示栏。</p>');
  await staff.getByRole('button', { name: '发布' }).click();
  await expect(staff.getByRole('link', { name: '查看公示' })).toBeVisible();
  expect((await get(base, BOARD)).body).toContain('E2E 缓存之后的新公示');
  expect((await staff.goto(BOARD))?.headers()['x-yishi-cache']).toBe('bypass');
});

test('Chinese and English pages are kept apart; an English phone gets Chinese, a chosen English is redirected', async ({ baseURL }) => {
  const base = baseURL!;
  await expect.poll(async () => (await get(base, BOARD)).cache).toBe('hit');
  await expect.poll(async () => (await get(base, `/en${BOARD}`)).cache).toBe('hit');
  expect((await get(base, BOARD)).body).toContain('晋阳社区公示栏');
  expect((await get(base, `/en${BOARD}`)).body).toContain('notice board');
  // Decision 058: the phone's language never switches; only the choice made with the switch (the cookie) does.
  const englishPhone = await get(base, BOARD, { 'accept-language': 'en-US,en;q=0.9' });
  expect([englishPhone.status, englishPhone.body.includes('晋阳社区公示栏')]).toEqual([200, true]);
  expect((await get(base, BOARD, { cookie: 'YISHI_LANG=en' })).status).toBe(307);
});
