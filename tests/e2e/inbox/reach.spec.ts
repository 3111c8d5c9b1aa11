import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 20 items 3 and 9 (decision 057), on the demo's 鼓楼佳苑 vote that closes within a day (prisma/seed/reach.ts):
// the reminder reaches only the council member who has not voted; her inbox is one tap from the header, with her
// unread count, and the topic's news are one entry.
test.beforeEach(({}, info) => test.skip(info.project.name !== 'phone', 'one journey on a phone'));

const TOPIC = '鼓楼佳苑楼道照明改造';

test('the member who has not voted: header count, one grouped entry, the reminder leads to the vote and is read', async ({ page }) => {
  await signIn(page, '13900009642'); // 冯丽华
  const [row] = await query<{ unread: number }>(
    `SELECT count(*)::int AS unread FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.phone = '13900009642' AND n."readAt" IS NULL`,
  );
  const unread = row!.unread;
  expect(unread).toBeGreaterThanOrEqual(3);
  const header = page.getByRole('banner');
  await expect(header.getByTestId('unread-badge')).toHaveText(String(unread));
  await header.getByRole('link', { name: `消息，${unread} 条未读` }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expectNoHorizontalScroll(page);

  const entry = page.getByTestId('inbox-entry').filter({ hasText: TOPIC });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('inbox-count')).toHaveText('· 共 3 条');
  const reminder = entry.getByRole('link', { name: `表决即将截止，您还没有投票：${TOPIC}：照明改造表决` });
  await entry.getByText('展开全部 3 条').click();
  await expect(entry.getByRole('link', { name: '议题有新方案', exact: true })).toBeVisible();
  await expect(entry.getByRole('link', { name: '议题进入下一步', exact: true })).toBeVisible();

  // Opening it goes to the vote and reads the topic's three; the header no longer counts them.
  await reminder.click();
  await expect(page).toHaveURL(/\/motions\/\d+$/);
  const left = unread - 3;
  if (left === 0) await expect(header.getByTestId('unread-badge')).toHaveCount(0);
  else await expect(header.getByTestId('unread-badge')).toHaveText(String(left));
});

test('the member who voted is not reminded', async ({ page }) => {
  await signIn(page, '13900009641'); // 蔡国强
  await page.getByRole('banner').getByRole('link', { name: /^消息/ }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('消息');
  await expect(page.getByText(/表决即将截止/)).toHaveCount(0);
  await expect(page.getByText(TOPIC)).toHaveCount(0);
});

test('choosing SMS for votes: the box stays ticked after saving and after reloading (decision 056)', async ({ page }) => {
  await signIn(page, '13900009641'); // 蔡国强
  await page.goto('/account');
  const votes = page.getByRole('group', { name: '表决：开始、快截止、结果' });
  const sms = votes.getByRole('checkbox', { name: '短信' });
  await expect(sms).not.toBeChecked();
  await sms.check();
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(page.getByText('已保存。以后的消息按这里的选择发送。')).toBeVisible();
  await expect(sms).toBeChecked();
  await page.reload();
  await expect(page.getByRole('group', { name: '表决：开始、快截止、结果' }).getByRole('checkbox', { name: '短信' })).toBeChecked();
});
