import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

const LATE = '5栋外墙瓷砖脱落，砸坏电动车棚';

test('S6: the street reviews its communities, drills to a late issue, takes it over and exports the month', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  test.setTimeout(90_000); // a whole morning's journey, with an export
  await signIn(page, '13900003001'); // 李东升, Dongsheng street
  await page.goto('/admin');
  await page.getByRole('link', { name: '工作看板' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('东升街道 · 街道');
  await expect(page.getByTestId('refreshed')).toContainText('数据汇总于');
  // Every community of the street (the 23 official ones and 东升新苑社区, set up by hand), worst (lowest resolution rate) first.
  const ranking = page.getByTestId('ranking');
  await expect(ranking.locator('tbody tr')).toHaveCount(24);
  await expect(ranking.locator('tbody tr').first().locator('th')).toHaveText('白鹤社区');
  await expect(page.getByTestId('tile-response')).toContainText('%');
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  // The definition of a rate is one click away.
  await page.getByTestId('definitions').locator('summary').click();
  await expect(page.getByTestId('definitions')).toContainText('按时响应 ÷ 应响应');

  // Worst community → its compound → the escalated issues → the late one.
  await ranking.getByRole('link', { name: '白鹤社区' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('白鹤社区 · 社区');
  await page.getByTestId('ranking').getByRole('link', { name: '白鹤小区' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('白鹤小区 · 小区');
  await page.getByTestId('tiles').getByRole('link', { name: /升级/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('升级 · 白鹤小区');
  await expectAccessible(page);
  await page.getByRole('link', { name: LATE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LATE);
  await page.getByRole('button', { name: '接手办理' }).click();
  // The form goes away with the step taken (the street is now the assignee); the timeline says so.
  await expect(page.getByTestId('timeline')).toContainText('接手 · 李东升');
  await expect(page.getByRole('button', { name: '接手办理' })).toHaveCount(0);
  const [row] = await query<{ assignee: string; taken: boolean }>(
    `SELECT p.name AS assignee, i."takenOverAt" IS NOT NULL AS taken FROM "Issue" i JOIN "User" u ON u.id = i."assigneeUserId" JOIN "Person" p ON p.id = u."personId" WHERE i.title = $1`,
    [LATE],
  );
  expect(row).toEqual({ assignee: '李东升', taken: true });

  // The month's figures for the district, as an Excel file, with a progress bar while it is written.
  await page.goto('/admin/stats?preset=thisMonth');
  const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
  await page.getByRole('button', { name: `导出 ${month} 月报（报上级）` }).click();
  await expect(page.getByTestId('export-ready')).toBeVisible({ timeout: 30_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-ready').getByRole('link').click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((s) => s.name)).toEqual([
    '概况',
    '下级单位',
    '按类别',
    '月度趋势',
    '议题进展',
    '逾期事项',
    '不计入考核',
    '矛盾纠纷调解',
    '议题分类',
    '口径说明',
  ]);
  expect(wb.getWorksheet('下级单位')!.rowCount).toBe(5 + 24);
});

test('the city ranking of streets sorts by any figure; other streets cannot be opened', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  test.setTimeout(90_000); // several dashboards, and an accessibility scan of a 261-row table
  await signIn(page, '13900004001'); // 陈双流, Shuangliu district
  await page.goto('/admin/stats');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('双流区 · 区（县）');
  // Charts render, and their numbers are also in a table.
  await expect(page.locator('figure svg').first()).toBeVisible();
  await expect(page.getByTestId('trend-table')).toBeVisible();
  // Topics by step lead to the topics themselves.
  await page.getByTestId('topics-by-step').getByRole('link').first().click();
  await expect(page.getByTestId('drill-topics')).toBeVisible();
  const topic = page.getByTestId('drill-topics').getByRole('link').first();
  const title = (await topic.textContent())!;
  await topic.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // So do the consultations held.
  await page.goto('/admin/stats');
  await page.getByTestId('activity').getByRole('link').first().click();
  await expect(page.getByTestId('drill-meetings')).toContainText('居民协商议事会');
  await expectNoHorizontalScroll(page);
  await page.goto('/admin/stats');
  await page.getByRole('link', { name: '全市街道排名' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('全市街道排名');
  // Monthly by default, like the 12345 rankings; this year's instead.
  await expect(page.getByText(/^\d{4}-\d{2} 至 \d{4}-\d{2}/).first()).toBeVisible();
  await page.getByRole('link', { name: '今年', exact: true }).click();
  const ranking = page.getByTestId('ranking');
  expect(await ranking.locator('tbody tr').count()).toBeGreaterThan(250);
  await ranking.getByRole('link', { name: /^受理/ }).click();
  await expect(ranking.locator('thead th[aria-sort="descending"]')).toContainText('受理');
  await expect(ranking.locator('tbody tr').first().locator('th')).toContainText('双流区 东升街道');
  // A street of another district is listed but not a link.
  await expect(ranking.getByRole('link', { name: /锦江区/ })).toHaveCount(0);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});

test('a resident has no dashboard, and the figures cannot be read around the page', async ({ page, request }, info) => {
  test.skip(info.project.name !== 'phone', 'one viewport is enough: residents use phones');
  await signIn(page, '13900001002'); // 张桂兰, a resident
  const r = await page.goto('/admin/stats');
  expect(r?.status()).toBe(404);
  expect((await page.request.get('/api/exports/1')).status()).toBe(404);
  expect((await request.get('/api/exports/1/file')).status()).toBe(404);
});
