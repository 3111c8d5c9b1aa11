import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, sentCode, signIn } from '../support/session';

// The "done when": a community secretary imports a roster from Excel, prints invitation
// codes; a resident registers, claims the household and appears as a verified owner.
test('a secretary onboards a compound and a resident becomes a verified owner', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'one run is enough: it writes data');
  const secretary = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(secretary, '13900002002'); // 周志强, Tanghu community secretary
  await secretary.getByRole('link', { name: '工作台' }).first().click();
  await expect(secretary.getByText('您负责的范围：棠湖社区')).toBeVisible();
  await expectAccessible(secretary);

  // 1. Import the roster of a new building from Excel: check first, then import.
  await secretary.getByRole('link', { name: /导入住户花名册/ }).click();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRows([
    ['楼栋', '单元', '房号', '面积', '业主姓名', '手机号', '产权份额'],
    ['9栋', '1', '101', 89.5, '赵新业', '13912340001', 100],
    ['9栋', '1', '102', 95.25, '赵新业', '13912340001', 100],
    ['9栋', '1', '201', 120, '开发商', '', ''],
  ]);
  await secretary.getByLabel('小区').selectOption({ label: '棠湖社区 · 欧城花园' });
  // Checking before choosing a file says to choose one (it said "文件是空的"). The browser's own check of the required
  // field comes first where it runs; the server's answer is for browsers that skip it.
  await secretary.locator('input[name="file"]').evaluate((el) => el.removeAttribute('required'));
  await secretary.getByRole('button', { name: '检查文件' }).click();
  await expect(secretary.getByText('请先选择要导入的文件（.xlsx 或 .csv），再点“检查文件”。')).toBeVisible();
  await secretary.getByLabel('花名册文件（.xlsx 或 .csv）').setInputFiles({
    name: '欧城9栋.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await secretary.getByRole('button', { name: '检查文件' }).click();
  await expect(secretary.getByTestId('roster-changes')).toContainText('新建楼栋 1，新建住户 3');
  await expect(secretary.getByText('一人多户：赵新业×2')).toBeVisible();
  await expect(secretary.getByText('开发商未售：1 户')).toBeVisible();
  await secretary.getByRole('button', { name: '确认导入' }).click();
  await expect(secretary.getByText(/^导入完成：新建楼栋 1，新建住户 3/)).toBeVisible();
  await expectNoHorizontalScroll(secretary);

  // 2. Print invitation codes for the new building (the developer's unit gets none).
  await secretary.goto('/admin/invitations');
  await secretary.getByLabel('小区').selectOption({ label: '棠湖社区 · 欧城花园' });
  await secretary.getByLabel('楼栋').selectOption({ label: '9栋' });
  await secretary.getByRole('button', { name: '生成并打印' }).click();
  const slips = secretary.getByTestId('invitation-slip');
  await expect(slips).toHaveCount(2);
  const code = (await slips.filter({ hasText: '9栋 1单元 101' }).getByTestId('invitation-code').textContent())!.trim();
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  // 3. The resident registers on their phone with the code sent to it, signs in and claims the household.
  const resident = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await resident.goto('/register');
  const step1 = resident.getByRole('region', { name: '第一步：填写信息，获取验证码' });
  await step1.getByLabel('姓名').fill('赵新业');
  await step1.getByLabel('手机号').fill('139 1234 0001');
  await step1.getByLabel('密码（至少 8 位）').fill('zhao-pass-2026');
  await step1.getByLabel('再输一次密码').fill('zhao-pass-2026');
  await step1.getByLabel('您住的小区').selectOption({ label: '棠湖社区 · 欧城花园' });
  await step1.getByRole('button', { name: '获取验证码' }).click();
  await expect(resident.getByText('验证码已发到 139****0001，10 分钟内有效。请在下面第二步填写验证码，完成注册。')).toBeVisible();
  expect(await query(`SELECT 1 FROM "User" WHERE phone = '13912340001'`)).toEqual([]); // nothing before the code
  const step2 = resident.getByRole('region', { name: '第二步：填写验证码' });
  await step2.getByLabel('手机号').fill('13912340001');
  await step2.getByLabel('短信验证码（6 位数字）').fill(await sentCode('13912340001'));
  await step2.getByRole('button', { name: '完成注册' }).click();
  await expect(resident.getByText(/^注册成功！请用手机号和密码登录。/)).toBeVisible();
  expect(resident.url()).not.toMatch(/zhao-pass|13912340001/);
  await signIn(resident, '13912340001', 'zhao-pass-2026');
  await expect(resident.getByText(/^未认证/)).toBeVisible();
  await resident.getByLabel('邀请码').fill(code.toLowerCase());
  await resident.getByRole('radio', { name: '业主' }).check();
  await resident.getByRole('button', { name: '提交认领' }).click();
  await expect(resident.getByText('已提交，等工作人员核对。')).toBeVisible();
  await expectAccessible(resident);
  await expectNoHorizontalScroll(resident);

  // 4. The secretary approves the claim.
  await secretary.goto('/admin/claims');
  const claim = secretary.getByTestId('claim').filter({ hasText: '9栋 1单元 101' });
  await expect(claim.getByText('申请人：赵新业（13912340001），业主')).toBeVisible();
  await expect(claim.getByText('花名册登记的业主：赵新业（139****0001）')).toBeVisible();
  await claim.getByRole('button', { name: '通过', exact: true }).click();
  await expect(secretary.getByText('已通过。')).toBeVisible();

  // 5. The resident is a verified owner.
  await resident.reload();
  await expect(resident.getByText('已认证')).toBeVisible();
  await expect(resident.getByText(/业主/).first()).toBeVisible();
  await expect(resident.getByText(/欧城花园 9栋 1单元 101 · 业主 · 已通过/)).toBeVisible();
  const [row] = await query<{ verified: boolean; owner: boolean }>(
    `SELECT u."verifiedAt" IS NOT NULL AS verified,
            EXISTS (SELECT 1 FROM "Ownership" o JOIN "Household" h ON h.id = o."householdId" JOIN "Building" b ON b.id = h."buildingId"
                    WHERE o."personId" = u."personId" AND b.name = '9栋' AND h."roomNo" = '101') AS owner
       FROM "User" u WHERE u.phone = '13912340001'`,
  );
  expect(row).toEqual({ verified: true, owner: true });
});

test('registering works before JavaScript loads, and neither the code nor the password reaches a URL', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'one run is enough: it writes data');
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN', javaScriptEnabled: false })).newPage();
  await page.goto('/register');
  const step1 = page.getByRole('region', { name: '第一步：填写信息，获取验证码' });
  await step1.getByLabel('姓名').fill('钱无脚本');
  await step1.getByLabel('手机号').fill('13912340077');
  await step1.getByLabel('密码（至少 8 位）').fill('qian-pass-2026');
  await step1.getByLabel('再输一次密码').fill('qian-pass-2026');
  await step1.getByLabel('您住的小区').selectOption({ label: '棠湖社区 · 欧城花园' });
  await step1.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('验证码已发到 139****0077，10 分钟内有效。请在下面第二步填写验证码，完成注册。')).toBeVisible();
  const code = await sentCode('13912340077');
  const step2 = page.getByRole('region', { name: '第二步：填写验证码' });
  await step2.getByLabel('手机号').fill('13912340077');
  await step2.getByLabel('短信验证码（6 位数字）').fill(code);
  await step2.getByRole('button', { name: '完成注册' }).click();
  await expect(page.getByText(/^注册成功！/)).toBeVisible();
  expect(page.url()).not.toMatch(new RegExp(`qian-pass|${code}|13912340077`));
  expect(await query(`SELECT "verifiedAt" FROM "User" WHERE phone = '13912340077'`)).toEqual([{ verifiedAt: null }]);
});

test('signing in and the staff desk in English', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  await signIn(page, '13900002002', undefined, '/en');
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  await page.getByRole('link', { name: 'Staff desk' }).click();
  await expect(page.getByText('You are responsible for: 棠湖社区')).toBeVisible();
  await page.getByRole('link', { name: /Household claims/ }).click();
  await expect(page.getByRole('heading', { name: 'Household claims', level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test('a wrong password and an unknown number get the same answer', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'one viewport is enough: residents use phones');
  for (const phone of ['13900001001', '13999999999']) {
    await page.goto('/signin');
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('密码', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('手机号或密码不对。')).toBeVisible();
  }
});
