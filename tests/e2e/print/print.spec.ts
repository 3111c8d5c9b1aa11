import { expect, test, type Page } from '@playwright/test';
import { holds, isA4, readPdf, squeezed } from '../support/pdf-text';
import { query, signIn } from '../support/session';

// Issue 17, item 5: everything that prints, prints — on A4, as it shows on screen. Each page is printed by Chromium
// itself (page.pdf(), the print style sheet) and the PDF's text is read back.
async function printed(page: Page) {
  const pdf = readPdf(await page.pdf({ format: 'A4', printBackground: true }));
  expect(pdf.pages.length).toBeGreaterThanOrEqual(1);
  expect(pdf.pages.every(isA4)).toBe(true);
  return { text: pdf.text, has: (s: string) => holds(pdf.text, s), pages: pdf.pages.length };
}

test.describe('printing', () => {
  test.beforeEach(({}, info) => test.skip(info.project.name !== 'desktop', 'A4 is A4 on any screen; one run writes the data once'));

  test('invitation slips, a desk account code and a reset code print with the site address and a QR code', async ({ page }) => {
    await signIn(page, '13900002002'); // 周志强, Tanghu community secretary

    await page.goto('/admin/invitations');
    await page.getByLabel('小区').selectOption({ label: '棠湖社区 · 欧城花园' });
    await page.getByRole('button', { name: '生成并打印' }).click();
    const slips = page.getByTestId('invitation-slip');
    await expect(slips.first()).toBeVisible();
    const codes = (await slips.getByTestId('invitation-code').allTextContents()).map((c) => c.trim());
    const slipsPdf = await printed(page);
    // Before: the print style hid every form, and the slips sit in one: a blank page with the title only.
    for (const code of codes) expect(slipsPdf.has(code)).toBe(true);
    const title = (await slips.first().locator('p').first().textContent())!;
    expect(title).toMatch(/欧城花园.*住户邀请码$/);
    expect(slipsPdf.has(title)).toBe(true);
    const site = (await slips
      .first()
      .getByText(/^网址：/)
      .textContent())!;
    expect(site).toMatch(/^网址：https?:\/\/\S+\/account$/);
    await expect(slips.first().getByRole('img', { name: '扫码打开“议事”' }).locator('svg')).toBeVisible();
    expect(slipsPdf.has(site)).toBe(true);
    expect(slipsPdf.has('生成并打印')).toBe(false);

    const [home] = await query<{ building: string; unitNo: string; roomNo: string }>(
      `SELECT b.name AS building, h."unitNo", h."roomNo" FROM "Household" h JOIN "Building" b ON b.id = h."buildingId"
         JOIN "Compound" c ON c.id = b."compoundId" WHERE c.name = '欧城花园' ORDER BY h.id LIMIT 1`,
    );
    await page.goto('/admin/desk');
    const create = page.getByRole('region', { name: '为居民代办账户' });
    await create.getByLabel('小区').selectOption({ label: '棠湖社区 · 欧城花园' });
    await create.getByLabel('楼栋').fill(home!.building);
    await create.getByLabel('单元').fill(home!.unitNo);
    await create.getByLabel('房号').fill('9909');
    // The relation starts unchosen (issue 20).
    await create.getByLabel('与这一户的关系').selectOption({ label: '业主' });
    await create.getByLabel('姓名').fill('孙秀英');
    await create.getByLabel('手机号').fill('13912348801');
    await create.getByRole('button', { name: '创建账户' }).click();
    // A room that is not on the roster says so (it said "您没有权限").
    await expect(create.getByText(/^花名册里没有/)).toBeVisible();
    await create.getByLabel('房号').fill(home!.roomNo);
    await create.getByRole('button', { name: '创建账户' }).click();
    const slip = create.getByTestId('code-slip');
    await expect(slip).toBeVisible();
    const code = (await slip.getByTestId('slip-code').textContent())!.trim();
    const deskPdf = await printed(page);
    expect(deskPdf.has(code)).toBe(true);
    expect(deskPdf.has('交给：孙秀英')).toBe(true);
    expect(squeezed(deskPdf.text)).toMatch(/https?:\/\/\S+\/reset/);
    expect(deskPdf.has('重置密码')).toBe(false); // only the slip prints, not the rest of the desk page

    const reset = page.getByRole('region', { name: '重置密码', exact: true });
    await reset.getByLabel('手机号').fill('13912348801');
    await reset.getByRole('button', { name: '生成重置代码' }).click();
    const resetSlip = reset.getByTestId('code-slip');
    await expect(resetSlip).toBeVisible();
    const resetCode = (await resetSlip.getByTestId('slip-code').textContent())!.trim();
    const resetPdf = await printed(page);
    expect(resetPdf.has(resetCode)).toBe(true);
    expect(resetPdf.has('议事 · 重置密码代码')).toBe(true);
  });

  test('a meeting sign-in sheet, a notice and the conventions print on A4', async ({ page }) => {
    await signIn(page, '13900001001'); // 晋阳社区, organiser of the council meeting
    const [meeting] = await query<{ id: number }>(`SELECT id FROM "Meeting" WHERE title = '晋阳社区议事会例会' LIMIT 1`);
    await page.goto(`/meetings/${meeting!.id}`);
    const sheet = page.getByTestId('sign-in-sheet');
    await expect(sheet).toBeVisible();
    const names = (await sheet.locator('li > span:first-child').allTextContents()).map((n) => n.split('（')[0]!.split(' · ')[0]!);
    expect(names.length).toBeGreaterThan(0);
    const meetingPdf = await printed(page);
    expect(meetingPdf.has('晋阳社区议事会例会')).toBe(true);
    expect(meetingPdf.has('签名')).toBe(true);
    for (const name of names) expect(meetingPdf.has(name)).toBe(true);

    const [notice] = await query<{ id: number; title: string }>(
      `SELECT id, title FROM "Notice" WHERE "publishedAt" IS NOT NULL AND "communityId" IS NOT NULL ORDER BY id LIMIT 1`,
    );
    await page.goto(`/board/n/${notice!.id}`);
    const signature = (await page.getByTestId('notice-signature').innerText()).split('\n');
    expect(signature[0]).toMatch(/居民委员会$/);
    const noticePdf = await printed(page);
    expect(noticePdf.has(notice!.title)).toBe(true);
    for (const line of signature) expect(noticePdf.has(line)).toBe(true);
    expect(squeezed(noticePdf.text)).toMatch(/https?:\/\/\S+\/board\/n\/\d+/);

    const [convention] = await query<{ code: string }>(
      `SELECT c.code FROM "PlanVersion" pv JOIN "Topic" t ON t.id = pv."topicId" JOIN "Community" c ON c.id = t."communityId"
         WHERE pv.convention ORDER BY pv.id LIMIT 1`,
    );
    await page.goto(`/board/c/${convention!.code}/conventions`);
    await expect(page.getByRole('button', { name: '打印', exact: true })).toBeVisible();
    const title = (await page.getByRole('heading', { level: 2 }).first().textContent())!;
    const conventionsPdf = await printed(page);
    expect(conventionsPdf.has(title)).toBe(true);
  });
});
