import { expect, test } from '@playwright/test';
import bcrypt from 'bcryptjs';
import { query } from '../support/session';

/** An account of this test's own (its counters are cleared afterwards, so no other test meets them). */
async function account(phone: string, password: string) {
  const [p] = await query<{ id: number }>(`INSERT INTO "Person" (name, phone, "updatedAt") VALUES ('测试居民', $1, now()) RETURNING id`, [
    phone,
  ]);
  await query(`INSERT INTO "User" (phone, "passwordHash", "personId", "verifiedAt", "updatedAt") VALUES ($1, $2, $3, now(), now())`, [
    phone,
    bcrypt.hashSync(password, 4),
    p!.id,
  ]);
}
const clearCounters = (like: string) => query(`DELETE FROM "RateLimit" WHERE key LIKE $1`, [like]);

test.describe('sign-in works without JavaScript and never puts the password in the address', () => {
  test.use({ javaScriptEnabled: false });

  test('a slow phone (no JavaScript yet): wrong password, then right; the address never holds the number or the password', async ({
    page,
  }, info) => {
    test.skip(info.project.name !== 'phone', 'one account');
    await account('13677700001', 'no-js-pass-1');
    const seen: string[] = [];
    page.on('request', (r) => seen.push(r.url()));
    try {
      await page.goto('/signin');
      await page.getByLabel('手机号').fill('13677700001');
      await page.getByLabel('密码', { exact: true }).fill('wrong-pass-1');
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page).toHaveURL(/\/signin\?error=failed/);
      await expect(page.getByText('手机号或密码不对')).toBeVisible();
      await page.getByLabel('手机号').fill('13677700001');
      await page.getByLabel('密码', { exact: true }).fill('no-js-pass-1');
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page).toHaveURL(/\/me$/);
      expect(seen.filter((u) => /13677700001|no-js-pass|wrong-pass/.test(u))).toEqual([]);
    } finally {
      await clearCounters('%13677700001%');
    }
  });
});

test('guessing in parallel gets 5 tries; a rotated X-Forwarded-For changes nothing; the owner’s own phone still signs in', async ({
  browser,
  request,
}, info) => {
  test.skip(info.project.name !== 'phone', 'one account');
  await account('13677700002', 'owner-pass-2');
  const owner = await (await browser.newContext({ ...info.project.use })).newPage();
  try {
    // The owner signed in on her phone before: it is a known device.
    await owner.goto('/signin');
    await owner.getByLabel('手机号').fill('13677700002');
    await owner.getByLabel('密码', { exact: true }).fill('owner-pass-2');
    await owner.getByRole('button', { name: '登录' }).click();
    await expect(owner).toHaveURL(/\/me$/);
    await owner.context().clearCookies({ name: 'next-auth.session-token' });

    // 12 guesses at once, each claiming another address.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        request
          .post('/api/signin', {
            form: { phone: '13677700002', password: `guess-${i}`, next: '/account', form: '/signin' },
            headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
            maxRedirects: 0,
          })
          .then((r) => r.headers().location ?? ''),
      ),
    );
    expect(answers.filter((l) => l.includes('error=failed'))).toHaveLength(5);
    expect(answers.filter((l) => l.includes('error=limited'))).toHaveLength(7);
    // The counters know only the real address: nothing was counted for the addresses the client wrote.
    expect(await query(`SELECT key FROM "RateLimit" WHERE key LIKE '%203.0.113.%'`)).toEqual([]);

    await owner.goto('/signin');
    await owner.getByLabel('手机号').fill('13677700002');
    await owner.getByLabel('密码', { exact: true }).fill('owner-pass-2');
    await owner.getByRole('button', { name: '登录' }).click();
    await expect(owner).toHaveURL(/\/me$/);
  } finally {
    await clearCounters('%13677700002%');
    await query(`UPDATE "RateLimit" SET points = GREATEST(points - 12, 0) WHERE key LIKE 'signin_address:%'`);
  }
});

test('a sign-in posted from another site is refused', async ({ request }, info) => {
  test.skip(info.project.name !== 'phone', 'no page');
  const r = await request.post('/api/signin', {
    form: { phone: '13900001001', password: 'x' },
    headers: { origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(403);
});
