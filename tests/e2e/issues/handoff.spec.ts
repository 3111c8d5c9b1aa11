import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 19 item 6, S3 on phones: the branch hands an anonymous report to the property firm and adds the owners' committee;
// the firm's account finds it among the issues handed to it and estimates the cost; an owner of building 3 answers the
// building consultation on the issue page, never learning who reported it; the firm resolves it. Decision 050.
test('S3: hand-off to the property firm, a co-handler and a building consultation', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const page = async (phone: string) => {
    const p = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
    await signIn(p, phone);
    return p;
  };
  const owner = await page('13900006003');
  await owner.goto('/issues/new');
  await owner.getByLabel('问题类别').selectOption({ label: '设施维修' });
  await owner.getByLabel('楼栋（选填）').selectOption({ label: '3栋' });
  await owner.getByLabel('标题（一句话）').fill('3栋化粪池返臭');
  await owner.getByLabel('详细情况').fill('一单元化粪池井盖周围返臭，污水渗出。');
  await owner.getByLabel('背靠背（匿名）：除了您自己，任何人都看不到是谁反映的').check();
  await owner.getByRole('button', { name: '提交' }).click();
  await expect(owner.getByText(/^已提交，编号 \d+。$/)).toBeVisible();
  const [issue] = await query<{ id: number }>(`SELECT id FROM "Issue" WHERE title = '3栋化粪池返臭'`);
  const url = `/issues/${issue!.id}`;

  // The branch secretary acknowledges it, hands it to the firm (staying on), adds the owners' committee, consults building 3.
  const branch = await page('13900009301');
  await branch.goto(url);
  await branch.getByRole('button', { name: '受理' }).click();
  await expect(branch.getByTestId('issue-state')).toHaveText('已受理');
  const handOff = branch.getByTestId('hand-off');
  await handOff.getByText('转交办理').click();
  await handOff.getByLabel('交给').selectOption({ label: '泸州金沙物业服务有限公司' });
  await handOff.getByLabel('说明（选填）').fill('请物业今天疏通');
  await handOff.getByRole('button', { name: '转交' }).click();
  await expect(branch.getByTestId('handlers')).toContainText('泸州金沙物业服务有限公司（主办）');
  await expect(branch.getByTestId('handlers')).toContainText('陈德明（协办）');
  const co = branch.getByTestId('co-handler');
  await co.getByText('增加协办').first().click();
  await co.getByLabel('增加协办').selectOption({ label: '金沙小区业主委员会' });
  await co.getByRole('button', { name: '增加', exact: true }).click();
  await expect(branch.getByTestId('handlers')).toContainText('金沙小区业主委员会（协办）');
  const consult = branch.getByTestId('consult');
  await consult.getByText('征求本楼业主意见').click();
  await consult.getByLabel('问题').fill('是否同意由3栋维修资金列支疏通费用？');
  await consult.getByRole('button', { name: '发出征求意见' }).click();
  await expect(branch.getByTestId('consultation')).toContainText('已有 0 位答复');
  await expect(branch.getByTestId('timeline')).toContainText('转交办理');
  await expect(branch.getByTestId('timeline')).toContainText('泸州金沙物业服务有限公司：请物业今天疏通');

  // The firm's account sees it among the issues handed to it and records an estimate.
  const firm = await page('13900009302');
  await firm.goto('/issues');
  await firm
    .getByTestId('handed-to-me')
    .getByRole('link', { name: /3栋化粪池返臭/ })
    .click();
  const estimate = firm.getByTestId('estimate');
  await estimate.getByText('记录费用估算').click();
  await estimate.getByLabel('金额（元）').fill('3800');
  await estimate.getByLabel('说明（估算依据）').fill('疏通并更换井盖');
  await estimate.getByRole('button', { name: /记录估算/ }).click();
  await expect(firm.getByText('费用估算：3,800.00 元')).toBeVisible();

  // An owner of building 3 answers on her phone; the consultation never names the reporter.
  const neighbour = await page('13900009304');
  await neighbour.goto('/inbox');
  await expect(neighbour.getByRole('link', { name: '请您对本楼的一件事发表意见：3栋化粪池返臭' })).toBeVisible();
  await neighbour.goto(url);
  await expect(neighbour.getByTestId('consultation')).toContainText('不是《民法典》第二百七十八条规定的业主共同决定');
  await neighbour.getByLabel('您的意见').selectOption({ label: '同意' });
  await neighbour.getByRole('button', { name: '提交意见' }).click();
  await expect(neighbour.getByTestId('consultation-count')).toContainText('已有 1 位答复：同意 1');
  await expect(neighbour.getByText('您的意见：同意')).toBeVisible();
  await expect(neighbour.locator('body')).not.toContainText('黄素芬');
  await expectAccessible(neighbour);
  await expectNoHorizontalScroll(neighbour);

  // The firm resolves it; the reporter sees every step, with its time and who.
  await firm.reload();
  const resolve = firm.locator('form', { has: firm.getByRole('button', { name: '处理完毕' }) });
  await resolve.getByLabel('说明（会告诉反映人）').fill('已疏通，更换了井盖');
  await resolve.getByRole('button', { name: '处理完毕' }).click();
  await expect(firm.getByTestId('issue-state')).toHaveText('已解决，待评价');
  await owner.goto(url);
  await expect(owner.getByTestId('timeline')).toContainText('周海涛');
  await expect(owner.getByTestId('timeline').getByRole('listitem')).toHaveCount(7);
});
