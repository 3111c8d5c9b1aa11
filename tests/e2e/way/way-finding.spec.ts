import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, query, signIn } from '../support/session';

// Issue 20, items 8 and 9: honest defaults and way-finding, walked on a phone.
const RESIDENT = '13900007002'; // 孙丽, verified owner in 龙躺梁
const SECRETARY = '13900007001'; // 赵桂芳, 龙躺梁社区党委书记

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'phone', 'one journey, on a phone');
});

/** Signs in on the page the visitor is on (the sign-in form), as the header's link would take them. */
async function signInHere(page: Page, phone: string) {
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

test('nothing is chosen for the resident; submitting without a category puts the focus on it and names it', async ({ page }) => {
  await signIn(page, RESIDENT);
  // The household relation on the claim form starts unchosen.
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.goto('/issues/new');
  const category = page.getByLabel('问题类别');
  await expect(category).toHaveValue('');
  await page.getByLabel('标题').fill('楼道灯不亮');
  await page.getByLabel('详细情况').fill('三单元二楼的楼道灯坏了一周。');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(category).toBeFocused();
  await expect(page.getByText('请检查标出的内容。请选择问题类别。')).toBeVisible();
  await expect(category).toHaveAccessibleDescription('请选择问题类别。');
  expect(await query(`SELECT id FROM "Issue" WHERE title = '楼道灯不亮'`)).toEqual([]);
});

test('sign-in lands where one came from, else on one’s own home or the staff desk', async ({ browser, page }, info) => {
  await page.goto('/issues/new');
  await expect(page).toHaveURL(/\/signin\?next=%2Fissues%2Fnew$/);
  await signInHere(page, RESIDENT);
  await expect(page).toHaveURL(/\/issues\/new$/);

  const fresh = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await fresh.goto('/');
  await fresh.getByRole('link', { name: '登录' }).click();
  await signInHere(fresh, RESIDENT);
  await expect(fresh).toHaveURL(/\/me$/);
  await expect(fresh.getByRole('heading', { name: '等我投票' })).toBeVisible();
  await expect(fresh.getByRole('link', { name: '反映问题' })).toBeVisible();

  const staff = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await staff.goto('/signin');
  await signInHere(staff, SECRETARY);
  await expect(staff).toHaveURL(/\/admin$/);
});

test('a decision notice opens the topic’s public record: steps, the tally, no names', async ({ page }) => {
  await page.goto('/board/c/510107009003');
  await page.getByRole('link', { name: /北苑小区后门维修：决定公告/ }).click();
  await page.getByRole('link', { name: '查看议事经过' }).click();
  await expect(page).toHaveURL(/\/board\/t\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('议事经过：北苑小区后门维修');
  await expect(page.getByTestId('record-votes')).toContainText('赞成 25，应到 37');
  await expect(page.getByTestId('record-steps').getByRole('listitem').first()).toContainText(/\d{4}年\d+月\d+日 开始/);
  await expect(page.getByTestId('topic-record')).not.toContainText('刘建华');
});

test('a long topic is folded by step, the current step open; task cards show owner and due date', async ({ page }) => {
  await signIn(page, SECRETARY);
  const [topic] = await query<{ id: number; stepIndex: number }>(
    `SELECT id, "stepIndex" FROM "Topic" WHERE title = '龙躺梁小区非机动车棚改造'`,
  );
  await page.goto(`/topics/${topic!.id}`);
  const folds = page.getByTestId('timeline').locator('details');
  expect(await folds.count()).toBeGreaterThan(2);
  await expect(page.getByTestId('timeline').locator('details[open]')).toHaveCount(1);
  await expect(page.getByTestId(`step-fold-${topic!.stepIndex}`)).toHaveAttribute('open', '');
  await expect(page.getByTestId('step-fold-0').locator('ol')).toBeHidden();
  // Without JavaScript a fold still opens (a plain <details>).
  await page.getByTestId('step-fold-0').locator('summary').click();
  await expect(page.getByTestId('step-fold-0').locator('ol')).toBeVisible();
  const card = page.locator('[data-testid^="task-"]').filter({ hasText: '新建车棚并安装充电桩' });
  await expect(card.getByTestId('owner-due')).toContainText(/负责：阳泉市安居物业.* · 期限：\d{4}年\d+月\d+日/);
});
