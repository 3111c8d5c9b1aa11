import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 19 items 8 and 10 at Oucheng Garden: a major matter the party members know and discuss first. A party member sees
// it and gives a suggestion; a resident who is not a party member finds it neither in the list nor at its address; the
// branch secretary, its liaison, records the members' view and moves on; then the resident sees it.
const TITLE = '小区新增电动自行车充电桩（使用公共收益）';

async function phone(browser: Browser, info: TestInfo, who: string) {
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(page, who);
  return page;
}

test('party members first: members see and discuss it, residents do not, until the liaison records their view', async ({
  browser,
}, info) => {
  test.setTimeout(90_000);
  test.skip(info.project.name !== 'phone', 'writes data');
  const [row] = await query<{ id: number }>('SELECT id FROM "Topic" WHERE title = $1', [TITLE]);
  const url = `/topics/${row!.id}`;

  // 李红梅, a member of the compound's party branch.
  const member = await phone(browser, info, '13900009501');
  await member.goto('/topics');
  await member.getByRole('link', { name: new RegExp(TITLE.slice(0, 8)) }).click();
  await expect(member.getByTestId('party-only')).toBeVisible();
  await member.getByLabel('态度').selectOption({ label: '修改建议' });
  await member.getByLabel('内容').fill('充电棚要有喷淋和监控，收费公开。');
  await member.getByRole('button', { name: '提交意见' }).click();
  await expect(member.getByText('充电棚要有喷淋和监控，收费公开。')).toBeVisible();
  await expectNoHorizontalScroll(member);

  // 赵建平, an owner who is not a party member: not in his list, and its address is a page that does not exist.
  const resident = await phone(browser, info, '13900009502');
  await resident.goto('/topics');
  await expect(resident.getByText(TITLE)).toHaveCount(0);
  expect((await resident.goto(url))?.status()).toBe(404);
  await expect(resident.getByText(TITLE)).toHaveCount(0);

  // 王秀英, the branch secretary and the topic's liaison: the members' view, then the next step.
  const liaison = await phone(browser, info, '13900002001');
  await liaison.goto(url);
  await expect(liaison.getByText('协商联络人：王秀英').first()).toBeVisible();
  await liaison.getByRole('button', { name: '完成本步，进入下一步' }).click();
  await expect(liaison.getByText(/要记录党员的意见/).first()).toBeVisible();
  await liaison.getByLabel('赞成人数').fill('12');
  await liaison.getByLabel('反对人数').fill('1');
  await liaison.getByLabel('建议修改人数').fill('3');
  await liaison.getByLabel('党员的主要意见').fill('同意建设，补充消防和收费公开的要求后提交业委会拟定方案。');
  await liaison.getByRole('button', { name: '记录党员意见' }).click();
  await expect(liaison.getByText('党员意见：赞成 12 人，反对 1 人，建议修改 3 人')).toBeVisible();
  await liaison.getByRole('button', { name: '完成本步，进入下一步' }).click();
  await expect(liaison.getByTestId('party-only')).toHaveCount(0);

  // Now the residents see it, with the members' view on the record.
  expect((await resident.goto(url))?.status()).toBe(200);
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  // The timeline is folded by step (decision 061): the members' view is in the 党员先议 step's fold.
  const timeline = resident.getByTestId('timeline');
  await timeline.locator('summary', { hasText: '党员先议' }).click();
  await expect(timeline.getByText(/赞成 12 · 反对 1 · 建议修改 3：同意建设/)).toBeVisible();
  await resident.goto('/topics');
  await expect(resident.getByText(TITLE)).toBeVisible();
});
