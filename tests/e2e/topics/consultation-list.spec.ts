import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 23 part C (decision 072): a community secretary raises a topic and must choose its category (none chosen
// beforehand; an empty one refused in Chinese), links it to a line of the community's published consultation list
// (prisma/seed/consultation.ts); the public list shows it under its line; the street's dashboard counts it.
test('a topic gets its category and its line of the consultation list; the list and the dashboard show it', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  test.setTimeout(60_000);
  const title = `E2E 北苑楼道堆物清理 ${Date.now() % 100000}`;
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(page, '13900001001'); // 刘建华, 晋阳社区党委书记
  await page.goto('/topics/new');
  await page.getByLabel('地点').selectOption({ label: '晋阳社区' });
  await expect(page.getByLabel('议题类别')).toHaveValue('');
  await page.getByLabel('议题标题').fill(title);
  await page.getByLabel('议题说明').fill('楼道堆放杂物影响通行，拟统一清理并约定不再堆放。');
  await page.getByRole('button', { name: '发起议题' }).click();
  await expect(page.getByText('请选择议题类别。')).toBeVisible();
  expect(await query(`SELECT id FROM "Topic" WHERE title = $1`, [title])).toHaveLength(0);
  await page.getByLabel('议题类别').selectOption({ label: '环境整治' });
  await page.getByRole('button', { name: '发起议题' }).click();
  await page.getByRole('link', { name: '查看议题' }).click();
  await expect(page.getByTestId('topic-category')).toContainText('环境整治');

  // The line of this year's list it carries out.
  const lines = page.getByLabel('协商目录事项');
  await lines.selectOption((await lines.locator('option', { hasText: '小区环境整治' }).first().getAttribute('value'))!);
  await page.getByRole('button', { name: '保存关联' }).click();
  await expect(page.getByTestId('topic-line')).toContainText('小区环境整治');

  // The public list (no sign-in needed) shows it under its line, with its step.
  await page.goto('/consultation/510107009003');
  const line = page
    .getByTestId(/^consultation-list-/)
    .first()
    .getByTestId('line-1');
  await expect(line).toContainText('小区环境整治');
  await expect(line.getByTestId('line-topic').filter({ hasText: title })).toContainText('进行中');
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  // The street's dashboard counts it under its category: the same number as a plain count.
  const street = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(street, '13900003002'); // 何晋阳, 晋阳街道
  await street.goto('/admin/stats');
  const [{ n }] = (await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Topic" t JOIN "TopicCategory" c ON c.id = t."categoryId"
      WHERE c.code = 'ENVIRONMENT' AND t."streetId" = (SELECT "streetId" FROM "Community" WHERE code = '510107009003')
        AND t."createdAt" >= date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') - interval '8 hours'`,
  )) as [{ n: number }];
  const cell = street.getByTestId('topics-by-category').locator('[data-category=ENVIRONMENT] [data-figure=RAISED]');
  await expect(cell).toHaveText(String(n));
  expect(n).toBeGreaterThan(0);
  await cell.getByRole('link').click();
  await expect(street.getByRole('link', { name: title })).toBeVisible();
});
