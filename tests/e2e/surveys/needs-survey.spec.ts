import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 23 part Q's "done when": a needs survey of 龙躺梁 residents collects answers and exports them (decision 073).
// 孙丽 answers the seeded survey on her phone (prisma/seed/surveys.ts), a second submit is refused in Chinese; 赵桂芳 sees
// the counts as bars and downloads the workbook, read back here: the answer is counted, no name in the anonymous sheet.
const TITLE = '老旧小区改造需求调查';

async function pageAs(browser: Browser, info: TestInfo, phone: string) {
  const context = await browser.newContext({ ...info.project.use, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, phone);
  return page;
}

test('a needs survey of 龙躺梁 collects 孙丽’s answers once and exports them without her name', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  test.setTimeout(60_000);
  const [survey] = await query<{ id: number }>(`SELECT id FROM "Survey" WHERE title = $1`, [TITLE]);
  const responsesBefore = Number(
    (await query<{ n: string }>(`SELECT count(*) AS n FROM "SurveyResponse" WHERE "surveyId" = $1`, [survey!.id]))[0]!.n,
  );

  // 孙丽 finds it from her home page, reads that it decides nothing, and finds nothing chosen for her.
  const sun = await pageAs(browser, info, '13900007002');
  await sun.goto('/me');
  await sun.getByRole('link', { name: '问卷', exact: true }).click();
  await sun.getByRole('link', { name: new RegExp(TITLE) }).click();
  await expect(sun.getByTestId('not-a-vote')).toHaveText('本问卷仅用于了解民意，不作为表决结果，不决定任何事项。');
  const form = sun.getByTestId('answer');
  await expect(form.locator('input:checked')).toHaveCount(0);
  await expectNoHorizontalScroll(sun);
  await expectAccessible(sun);
  // A second tab keeps the form as it was, to send it again afterwards.
  const again = await sun.context().newPage();
  await again.goto(sun.url());

  await form.getByText('增设停车位').click();
  await form.getByText('路灯照明').click();
  await form.getByText('适老扶手').click();
  await form.getByText('2', { exact: true }).click();
  await form.getByRole('textbox').fill('晚上停车太难，希望规划停车位');
  await form.getByRole('button', { name: '提交问卷' }).click();
  await expect(sun.getByText('您（您家）已填写过本问卷，谢谢！')).toBeVisible();

  const second = again.getByTestId('answer');
  await second.getByText('加装电梯').click();
  await second.getByText('5', { exact: true }).click();
  await second.getByRole('button', { name: '提交问卷' }).click();
  await expect(again.getByText('您（您家）已填写过本问卷，每人（每户）只能填写一次。')).toBeVisible();
  const after = await query<{ n: string }>(`SELECT count(*) AS n FROM "SurveyResponse" WHERE "surveyId" = $1`, [survey!.id]);
  expect(Number(after[0]!.n)).toBe(responsesBefore + 1);

  // 赵桂芳 reads the counts as bars and downloads the workbook.
  const zhao = await pageAs(browser, info, '13900007001');
  await zhao.goto(`/surveys/${survey!.id}`);
  const results = zhao.getByTestId('results');
  await expect(results.getByText(`已收到 ${responsesBefore + 1} 份答卷`)).toBeVisible();
  const parking = results.getByTestId('question-result').first().locator('li').filter({ hasText: '增设停车位' });
  await expect(parking.getByTestId('bar-count')).toBeVisible();
  const [{ n: parkingCount }] = (await query<{ n: string }>(
    `SELECT count(*) AS n FROM "SurveyAnswer" a JOIN "SurveyQuestion" q ON q.id = a."questionId"
      WHERE q."surveyId" = $1 AND q.position = 1 AND 2 = ANY (a.choices)`,
    [survey!.id],
  )) as [{ n: string }];
  await expect(parking.getByTestId('bar-count')).toContainText(`${parkingCount}（`);
  const download = zhao.waitForEvent('download');
  await zhao.getByTestId('export').click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await (await download).path())) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[1]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows).toHaveLength(responsesBefore + 2);
  expect(JSON.stringify(rows)).toContain('晚上停车太难，希望规划停车位');
  expect(JSON.stringify(rows)).not.toContain('孙丽');
  expect(rows[0]![0]).toBe('1. 您最希望优先改造哪一项？');
});
