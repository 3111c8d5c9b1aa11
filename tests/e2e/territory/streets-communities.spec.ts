import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Decision 046: streets and communities the official tables lack, set up by hand; bodies imported with a preview.
test('a district administrator adds a street and a community, renames it, and the public finds it', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  await signIn(page, '13900004001'); // Shuangliu's district administrator
  await page.goto('/admin/places');
  const streets = page.getByRole('region', { name: '街道（乡镇）' });
  await streets.locator('summary', { hasText: '新建街道（乡镇）' }).click();
  await streets.getByLabel('街道（乡镇）名称').last().fill('双流新城街道');
  await streets.getByRole('button', { name: '新建街道（乡镇）' }).click();
  await expect(streets.getByText('已保存。')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('admin-streets').locator('summary', { hasText: '双流新城街道' })).toContainText('自建');

  const communities = page.getByRole('region', { name: /社区的组织/ });
  await communities.locator('summary', { hasText: '新建社区（村）' }).click();
  await communities.getByLabel('所属街道（乡镇）').selectOption({ label: '双流新城街道' });
  await communities.getByLabel('社区（村）名称').last().fill('新城社区');
  await communities.getByRole('button', { name: '新建社区（村）' }).click();
  await expect(communities.getByText('已保存。')).toBeVisible();

  // Thousands of communities: found by a search, a page at a time.
  await page.getByRole('searchbox', { name: '查找社区（村）：输入名字或拼音首字母' }).fill('新城');
  await page.getByRole('button', { name: '查找' }).click();
  const row = page.getByTestId('admin-communities').getByRole('listitem').filter({ hasText: '新城社区' });
  await row.locator('summary', { hasText: '修改' }).click();
  await row.getByLabel('社区（村）名称').fill('新城一社区');
  await row.getByLabel('类别').selectOption({ label: '村（村委会）' });
  await row.getByRole('button', { name: '保存名称' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  const [made] = await query<{ code: string; kind: string; street: string }>(
    `SELECT c.code, c.kind::text AS kind, s.code AS street FROM "Community" c JOIN "Street" s ON s.id = c."streetId" WHERE c.name = '新城一社区'`,
  );
  expect(made).toEqual({ code: `${made!.street}X1`, kind: 'VILLAGE', street: expect.stringMatching(/^510116X\d+$/) });
  expect(
    (await query(`SELECT action FROM "AuditLog" WHERE action IN ('street.create', 'community.create', 'community.update')`)).length,
  ).toBeGreaterThanOrEqual(3);

  await page.goto('/places?q=新城一社区');
  await page.getByRole('link', { name: /^新城一社区/ }).click();
  await expect(page.getByRole('heading', { name: '新城一社区', level: 1 })).toBeVisible();
  await expect(page.getByText(`区划代码 ${made!.code}`)).toBeVisible();
});

test('street staff add communities only to their street', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  await signIn(page, '13900003002'); // Jinyang street staff
  await page.goto('/admin/places');
  await expect(page.getByRole('region', { name: '街道（乡镇）' })).toHaveCount(0);
  await page.locator('summary', { hasText: '新建社区（村）' }).click();
  await expect(page.getByLabel('所属街道（乡镇）').locator('option')).toHaveText(['晋阳街道']);
});

test('a community secretary adds no community and renames none', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  await signIn(page, '13900001001'); // Jinyang's community secretary
  await page.goto('/admin/places');
  await expect(page.getByRole('link', { name: /^晋阳社区/ })).toBeVisible();
  await expect(page.locator('summary', { hasText: /新建社区（村）|修改/ })).toHaveCount(0);
});

test('bodies and members imported with a preview into the demo’s hand-made community; the same file again changes nothing', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  await signIn(page, '13900004001');
  await page.goto('/admin/imports/bodies');
  await page.getByLabel('导入到').selectOption({ label: '东升街道 · 东升新苑社区' });
  const file = {
    name: 'bodies.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        '机构类别,机构名称,小区,席位数,任期开始,任期结束,成员姓名,手机号,职务',
        '社区议事会,东升新苑社区议事会,,3,2026-01-01,,甲议事员,,主任',
        '社区议事会,东升新苑社区议事会,,3,2026-01-01,,乙议事员,,',
      ].join('\n'),
    ),
  };
  await page.getByLabel('文件（.xlsx 或 .csv）').setInputFiles(file);
  await page.getByRole('button', { name: '检查文件' }).click();
  await expect(page.getByText('新建机构 1 个')).toBeVisible();
  await expect(page.getByText('任命成员 2 名')).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText(/导入完成/)).toBeVisible();
  await page.getByLabel('文件（.xlsx 或 .csv）').setInputFiles(file);
  await page.getByRole('button', { name: '检查文件' }).click();
  await expect(page.getByText('新建机构 0 个')).toBeVisible();
  const [body] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "BodyMember" m JOIN "Body" b ON b.id = m."bodyId" WHERE b.name = '东升新苑社区议事会'`,
  );
  expect(body).toEqual({ n: 2 });
});
