import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { signIn } from '../support/session';

// Issue 8's "done when": a visitor who never signed in opens Beiyuan's board, reads scenario S1's
// decision with the 37-member tally, the budget against actual and the bids, prints it on A4, cannot
// object without signing in, and the tamper check says the board is intact.
test('a visitor reads S1 on Beiyuan’s board, prints it, and checks that nothing was altered', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'one viewport is enough: residents use phones');
  await page.goto('/places');
  await page.goto('/places/c/510107009003');
  await page.getByRole('link', { name: '北苑小区' }).first().click();
  await page.getByRole('link', { name: '公示栏' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('晋阳社区公示栏');
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole('link', { name: /北苑小区后门维修：决定公告/ }).click();
  const body = page.getByTestId('notice-body');
  await expect(body).toContainText('赞成 25，应到 37，需三分之二以上（至少 25），达到');
  await expect(body).toContainText('预算：36,000.00 元');
  await expect(page.getByText('本小区居民登录后可以提出异议')).toBeVisible();
  await expect(page.getByRole('button', { name: '提出异议' })).toHaveCount(0);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  // The A4 print: only the notice, its QR code and its hash.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header').first()).toBeHidden();
  await expect(page.getByRole('button', { name: '打印（A4）' })).toBeHidden();
  await expect(page.getByRole('img', { name: /二维码/ })).toBeVisible();
  await expect(page.getByText(/防篡改校验码 [0-9a-f]{64}/)).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  const pdf = await page.request.get(page.url().replace(/\/board\/n\/(\d+)$/, '/api/notices/$1/pdf'));
  expect([pdf.status(), pdf.headers()['content-type'], (await pdf.body()).subarray(0, 5).toString()]).toEqual([
    200,
    'application/pdf',
    '%PDF-',
  ]);

  // The money: budget against actual, and the three bids.
  await page.goto('/board/c/510107009003/finance');
  const project = page.getByTestId('project').filter({ hasText: '北苑小区后门维修' });
  await expect(project).toContainText('36,000.00');
  await expect(project).toContainText('34,500.00');
  await expect(project.getByTestId('saving')).toHaveText('1,500.00');
  await expect(project.getByTestId('bids').getByRole('listitem')).toHaveCount(3);
  // A public page links to the topic's public record, not to the topic page only signed-in readers may open.
  await expect(project.getByRole('link', { name: '查看议事经过' })).toHaveAttribute('href', /\/board\/t\/\d+$/);
  await expectAccessible(page);

  await page.goto('/board/verify');
  await expect(page.getByTestId('chain-result')).toHaveText(/^完整：\d+ 份公示，没有被修改或删除。$/);
});

test('a resident of Beiyuan objects to the decision; staff of the community answer it, in public', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const resident = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(resident, '13900001002'); // 张桂兰, Beiyuan owner
  await resident.goto('/board/c/510107009003');
  await resident.getByRole('link', { name: /北苑小区后门维修：决定公告/ }).click();
  await expect(resident).toHaveURL(/\/board\/n\/\d+$/);
  const url = resident.url();
  await resident.getByLabel('异议内容').fill('希望施工期间保留一个临时出入口。');
  await resident.getByRole('button', { name: '提出异议' }).click();
  await expect(resident.getByTestId('objections')).toContainText('张**：希望施工期间保留一个临时出入口。');
  const staff = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(staff, '13900001001'); // 刘建华, Jinyang secretary
  await staff.goto(url);
  const item = staff.getByTestId('objections').getByRole('listitem').filter({ hasText: '临时出入口' });
  await item.getByLabel('答复').fill('施工单位会保留北侧临时通道。');
  await item.getByRole('button', { name: '提交答复' }).click();
  await expect(staff.getByTestId('objections')).toContainText('刘建华 答复：施工单位会保留北侧临时通道。');
  await expectAccessible(staff);
});

test('staff publish a notice by hand; unsafe content never reaches the page', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const staff = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(staff, '13900001001');
  await staff.goto('/board/c/510107009003');
  await staff.getByRole('link', { name: '发布公示' }).click();
  await staff.getByLabel('类别').selectOption({ label: '居务公开' });
  await staff.getByLabel('标题').fill('E2E 北苑小区停水通知');
  await staff
    .getByLabel('正文')
    .fill('<p>12 月 1 日 9:00—17:00 停水。</p><script>window.hacked=1</script><img src=x onerror="window.hacked=2">');
  await staff.getByRole('button', { name: '发布' }).click();
  await staff.getByRole('link', { name: '查看公示' }).click();
  await expect(staff.getByTestId('notice-body')).toHaveText('12 月 1 日 9:00—17:00 停水。');
  expect(await staff.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  expect(await staff.content()).not.toContain('onerror');
});
