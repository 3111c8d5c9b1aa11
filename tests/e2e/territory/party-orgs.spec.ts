import { expect, test } from '@playwright/test';
import { query, signIn } from '../support/session';

// Issue 18 item 2 on a phone: a district administrator sets up a street's 党工委, appoints its secretary, renames it
// and dissolves it; the street's public page shows it while it is active and not once it is dissolved.
test('create → appoint → rename → dissolve a street party working committee, on a phone', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'a phone walk; one run is enough');
  test.setTimeout(90_000);
  // Another street of Shuangliu than Dongsheng (whose 党工委 the demo sets up).
  const [street] = await query<{ code: string; name: string }>(
    `SELECT s.code, s.name FROM "Street" s JOIN "District" d ON d.id = s."districtId" WHERE d.code = '510116' AND s.code <> '510116001' ORDER BY s.code LIMIT 1`,
  );
  const name = `${street!.name}党工委`;
  await signIn(page, '13900004001'); // 陈双流, district administrator of Shuangliu
  await page.goto('/admin');
  await page.getByRole('link', { name: '党组织管理' }).click();
  await expect(page.getByRole('heading', { name: '党组织', level: 1 })).toBeVisible();

  await page.getByLabel('类别').selectOption({ label: '街道党工委' });
  await page.getByLabel('所在地方').selectOption({ label: street!.name });
  await page.getByLabel('名称').fill(name);
  await page.getByRole('button', { name: '建立党组织' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await page.goto(`/places/s/${street!.code}`);
  await expect(page.getByRole('heading', { name: '党组织' })).toBeVisible();
  await expect(page.getByText(name, { exact: true })).toBeVisible();
  await page.goBack();

  await page.locator('summary', { hasText: '任命' }).click();
  await page.getByLabel('姓名').fill('郑党建');
  await page.getByLabel('职务').selectOption({ label: '书记' });
  await page.getByRole('button', { name: '任命' }).click();
  await expect(page.getByTestId('party-officers')).toContainText('郑党建 · 书记');

  await page.locator('summary', { hasText: '更名' }).click();
  await page.getByLabel('新名称').fill(`中共${street!.name}工作委员会`);
  await page.getByRole('button', { name: '保存新名称' }).click();
  await expect(page.getByRole('heading', { name: `中共${street!.name}工作委员会`, level: 1 })).toBeVisible();
  await expect(page.getByText(`曾用名：${name}`)).toBeVisible();

  await page.locator('summary', { hasText: '撤销这个党组织' }).click();
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(page.getByTestId('party-org-status')).toContainText('已撤销');
  await expect(page.getByText('郑党建 · 书记')).toHaveCount(0);
  const [row] = await query<{ dissolved: boolean; former: string }>(
    `SELECT o."dissolvedOn" IS NOT NULL AS dissolved, f.name AS former FROM "PartyOrg" o JOIN "PartyOrgFormerName" f ON f."partyOrgId" = o.id
     WHERE o.name = $1`,
    [`中共${street!.name}工作委员会`],
  );
  expect(row).toEqual({ dissolved: true, former: name });

  await page.goto(`/places/s/${street!.code}`);
  await expect(page.getByText(`中共${street!.name}工作委员会`)).toHaveCount(0);
  // Nothing overflows a 375 px screen.
  await page.goto('/admin/party/orgs');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

// Issue 18 item 6 for party members: a community secretary checks a .csv (a row in error named by its row), imports the
// corrected file once, and a second check says nothing would change.
test('import party members from a spreadsheet with a preview, on a phone', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'a phone walk; one run is enough');
  test.setTimeout(90_000);
  const header = '姓名,手机号,所在党组织,入党日期,流动党员,在职党员双报到,工作单位,认领岗位';
  const rows = [
    '党员甲,13811119001,北苑小区党支部,2001-07-01,否,是,区税务局,楼栋联络员',
    '党员乙,13811119002,北苑小区党支部,2012/5/4,是,,,',
  ];
  const file = (lines: string[]) => ({
    name: 'party.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, ...lines].join('\n'), 'utf8'),
  });
  await signIn(page, '13900001001'); // 刘建华, community secretary of Jinyang
  await page.goto('/admin/imports/partyMembers');
  await expect(page.getByRole('heading', { name: '导入党员', level: 1 })).toBeVisible();

  await page.getByLabel('文件（.xlsx 或 .csv）').setInputFiles(file([...rows, '党员丙,13811119003,没有这个支部,,,,,']));
  await page.getByRole('button', { name: '检查文件' }).click();
  await expect(page.getByTestId('import-errors')).toContainText('第 4 行，所在党组织');
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();

  await page.getByLabel('文件（.xlsx 或 .csv）').setInputFiles(file(rows));
  await page.getByRole('button', { name: '检查文件' }).click();
  await expect(page.getByTestId('import-changes')).toContainText('登记新党员 2 名');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('导入完成')).toBeVisible();
  const [count] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "PartyMember" m JOIN "Person" p ON p.id = m."personId" WHERE p.phone LIKE '1381111900_'`,
  );
  expect(count!.n).toBe(2);

  await page.getByLabel('文件（.xlsx 或 .csv）').setInputFiles(file(rows));
  await page.getByRole('button', { name: '检查文件' }).click();
  await expect(page.getByTestId('import-changes')).toContainText('没有任何变化');
});
