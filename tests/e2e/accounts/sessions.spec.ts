import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from '../support/session';

test('changing the password signs out the account’s other devices; signing out works', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'changes a demo password');
  const phone = await (await browser.newContext({ ...info.project.use })).newPage();
  const laptop = await (await browser.newContext({ ...info.project.use })).newPage();
  await signIn(phone, '13900006001');
  await signIn(laptop, '13900006001');

  await phone.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await phone.getByLabel('新密码（至少 8 位）').fill('grid-new-2026');
  await phone.getByLabel('再输一次新密码').fill('mismatch-2026');
  await phone.getByRole('button', { name: '修改密码' }).click();
  await expect(phone.getByText('两次输入的密码不一样。', { exact: true })).toBeVisible();
  await phone.getByLabel('再输一次新密码').fill('grid-new-2026');
  await phone.getByRole('button', { name: '修改密码' }).click();
  await expect(phone.getByText('密码已修改。其他设备上的登录已退出。')).toBeVisible();

  // The other device's session was issued before the change: it no longer counts.
  await laptop.goto('/account');
  await expect(laptop).toHaveURL(/\/signin\?next=%2Faccount$/);
  await signIn(laptop, '13900006001', 'grid-new-2026');

  await laptop.getByRole('button', { name: '退出登录' }).click();
  await expect(laptop.getByRole('link', { name: '登录' })).toBeVisible();
  await laptop.goto('/admin');
  await expect(laptop).toHaveURL(/\/signin/);
});
