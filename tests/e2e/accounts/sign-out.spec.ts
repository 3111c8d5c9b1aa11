import { expect, test } from '@playwright/test';
import bcrypt from 'bcryptjs';
import { query, signIn } from '../support/session';

const PASSWORD = 'sign-out-2026';

/** An account of its own for each run and project: signing out ends its sessions everywhere, and no other test uses it. */
async function freshAccount(project: string, n: number) {
  const phone = `1398${String(Date.now() % 1_000_000).padStart(6, '0')}${project === 'phone' ? 1 : 2}`.slice(0, 10) + String(n);
  const [p] = await query<{ id: number }>(`INSERT INTO "Person" (name, "updatedAt") VALUES ('退出测试', now()) RETURNING id`);
  await query(`INSERT INTO "User" (phone, "passwordHash", "personId", "updatedAt") VALUES ($1, $2, $3, now())`, [
    phone,
    bcrypt.hashSync(PASSWORD, 4),
    p!.id,
  ]);
  return phone;
}

test('a signed-out cookie no longer opens /account', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'one viewport is enough: residents use phones');
  const ctx = await browser.newContext({ ...info.project.use });
  const page = await ctx.newPage();
  await signIn(page, await freshAccount(info.project.name, 1), PASSWORD);
  const copied = (await ctx.cookies()).filter((c) => c.name.endsWith('next-auth.session-token'));
  expect(copied).toHaveLength(1);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
  expect((await ctx.cookies()).filter((c) => c.name.endsWith('next-auth.session-token'))).toEqual([]);

  // The cookie as it was before signing out, in a fresh browser: the session it carried has ended.
  const fresh = await browser.newContext({ ...info.project.use });
  await fresh.addCookies(copied);
  const again = await fresh.newPage();
  await again.goto('/account');
  await expect(again).toHaveURL(/\/signin\?next=%2Faccount$/);
});

test('signing out works without JavaScript', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'one viewport is enough: residents use phones');
  const page = await (await browser.newContext({ ...info.project.use, javaScriptEnabled: false })).newPage();
  await signIn(page, await freshAccount(info.project.name, 2), PASSWORD);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?next=%2Faccount$/);
});
