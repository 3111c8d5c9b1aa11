import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 22 item 3 (decision 067): 王秀英, 欧城花园's branch secretary, proposes a quarterly open 主题党日; it is not
// announced until 周志强, Tanghu's secretary, approves it with guidance from his desk; then 赵建平 — a verified owner of
// 欧城花园 who is no party member and was not invited — signs in by its QR link and counts in 参与人次, not in 实到, and
// a walk-in typed by name raises 参与人次 to 2.
const TANGHU = '510116001001';
const chinaDate = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function pageAs(browser: Browser, info: TestInfo, phone: string) {
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(page, phone);
  return page;
}

test('a branch’s quarterly open 主题党日 is proposed, approved with guidance, announced, and residents and walk-ins count in 参与人次', async ({
  browser,
  page,
}, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  test.setTimeout(90_000);
  const title = `开放式主题党日 ${Date.now() % 100000}`;
  const [oucheng] = await query<{ id: number }>(`SELECT id FROM "Compound" WHERE name = '欧城花园'`);

  // 王秀英 proposes it on the form: a quarterly series from tomorrow, open to the compound's residents.
  const wang = await pageAs(browser, info, '13900002001');
  await wang.goto(`/meetings/new?community=${TANGHU}`);
  await wang.getByLabel('会议类型').selectOption('PARTY_DAY');
  await wang.getByLabel('会议名称').fill(title);
  await wang.getByLabel('地点范围').selectOption(`compound:${oucheng!.id}`);
  await wang.getByLabel('具体地点').fill('欧城花园党群服务站');
  await wang.getByLabel(/^日期/).fill(chinaDate(1));
  await wang.getByLabel('重复', { exact: true }).selectOption('QUARTERLY');
  await wang.getByLabel(/每月几号/).fill(String(Number(chinaDate(1).slice(8))));
  await wang.getByLabel(/^开放式会议/).check();
  await wang.getByRole('button', { name: '安排', exact: true }).click();
  await expect(wang.getByText(/已安排 \d+ 次会议/)).toBeVisible();
  const proposed = await query<{ id: number; approval: string; signInToken: string }>(
    `SELECT id, approval::text AS approval, "signInToken" FROM "Meeting" WHERE title = $1 ORDER BY "startsAt"`,
    [title],
  );
  expect(proposed.length).toBeGreaterThanOrEqual(4);
  expect(proposed.every((m) => m.approval === 'PROPOSED')).toBe(true);
  const first = proposed[0]!;

  // Not announced: the community's public calendar does not show it.
  await page.goto(`/places/c/${TANGHU}/meetings`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('棠湖社区');
  await expect(page.getByText(title)).toHaveCount(0);

  // 周志强 finds it on his desk and approves the series with guidance.
  const zhou = await pageAs(browser, info, '13900002002');
  await zhou.goto('/admin/desk');
  await expect(zhou.getByTestId('desk-proposals')).toContainText('待审核的主题党日');
  await zhou.getByRole('link', { name: new RegExp(title) }).click();
  await expect(zhou.getByTestId('approval-state')).toContainText('欧城花园小区党支部申报');
  await zhou.getByLabel('指导意见（选填）').fill('请邀请小区居民参加，做好垃圾分类宣传。');
  await zhou.getByRole('button', { name: `同意（这一组 ${proposed.length} 次主题党日一起同意）` }).click();
  // The decision forms give way to the decision (the page is drawn again).
  await expect(zhou.getByTestId('approval-state')).toContainText('社区已审核同意（周志强');
  await expect(zhou.getByTestId('guidance')).toContainText('请邀请小区居民参加');
  await expectAccessible(zhou);
  await expectNoHorizontalScroll(zhou);

  // Announced: on the calendar.
  await page.reload();
  await expect(page.getByText(title).first()).toBeVisible();

  // It begins now (moved by SQL so that sign-in is open); 赵建平, not invited, signs in by the QR link.
  await query(`UPDATE "Meeting" SET "startsAt" = now() - interval '1 minute', "endsAt" = now() + interval '2 hours' WHERE id = $1`, [
    first.id,
  ]);
  const zhao = await pageAs(browser, info, '13900009502');
  await zhao.goto(`/meetings/${first.id}/sign-in?t=${first.signInToken}`);
  await expect(zhao.getByText(/这是开放式会议/)).toBeVisible();
  await zhao.getByRole('button', { name: '签到', exact: true }).click();
  await expect(zhao.getByText('您已签到。')).toBeVisible();
  await expectNoHorizontalScroll(zhao);

  // The organiser's panel: 参与人次 1, 实到 unchanged (0); a walk-in typed by name makes it 2.
  await zhou.goto(`/meetings/${first.id}`);
  await expect(zhou.getByTestId('present')).toHaveText('0');
  await expect(zhou.getByTestId('participants')).toHaveText('1');
  await expect(zhou.getByTestId('open-residents')).toContainText('赵建平');
  await zhou.getByLabel('来人姓名').fill('张大爷');
  await zhou.getByRole('button', { name: '登记', exact: true }).click();
  await expect(zhou.getByText('已登记。')).toBeVisible();
  await expect(zhou.getByTestId('participants')).toHaveText('2');
  await expect(zhou.getByTestId('present')).toHaveText('0');
  await expect(zhou.getByTestId('open-walk-ins')).toContainText('张大爷');
});
