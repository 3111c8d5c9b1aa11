import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';
import { formFields, postForm } from '../authz/support';

test('a community secretary adds a compound, a building, a unit and an owners’ committee with its chair', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  await signIn(page, '13900001001');
  await page.goto('/admin/places');
  await page.getByLabel('所属社区').selectOption({ label: '晋阳街道 · 晋阳社区' });
  await page.getByLabel('名称').fill('晋阳新苑');
  await page.getByLabel('地址').fill('晋阳路 88 号');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: /^晋阳新苑/ }).click();
  await expect(page.getByRole('heading', { name: '晋阳社区 · 晋阳新苑', level: 1 })).toBeVisible();

  await page.getByLabel('楼栋名称（如 3栋）').fill('1栋');
  await page.getByRole('button', { name: '添加楼栋' }).click();
  await expect(page.getByText('0 户')).toBeVisible();
  await page.getByLabel('房号').fill('101');
  await page.getByLabel('专有部分面积（平方米）').fill('89.5');
  await page.getByRole('button', { name: '保存这一户' }).click();
  await expect(page.getByText('1 户')).toBeVisible();
  // Bad input: a clear message, nothing saved.
  await page.getByLabel('房号').fill('102');
  await page.getByLabel('专有部分面积（平方米）').fill('89.505');
  await page.getByRole('button', { name: '保存这一户' }).click();
  await expect(page.getByText('面积最多保留两位小数', { exact: true })).toBeVisible();

  await page.locator('summary', { hasText: '新建组织' }).click();
  await page.getByLabel('类型').selectOption({ label: '业主委员会' });
  await page.getByLabel('名称', { exact: true }).last().fill('晋阳新苑业委会');
  await page.getByLabel('席位数').fill('5');
  await page.getByRole('button', { name: '新建组织' }).click();
  await expect(page.getByRole('heading', { name: '晋阳新苑业委会' })).toBeVisible();
  const body = page.getByTestId('admin-body').filter({ hasText: '晋阳新苑业委会' });
  await body.locator('summary', { hasText: '任命成员' }).click();
  await body.getByLabel('姓名').fill('钱主任');
  await body.getByLabel('职务').selectOption({ label: '主任' });
  await body.getByRole('button', { name: '任命成员' }).click();
  await expect(body.getByText(/钱主任 · 主任/)).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  const [unit] = await query<{ area: number }>(
    `SELECT h."areaCentiM2" AS area FROM "Household" h JOIN "Building" b ON b.id = h."buildingId" JOIN "Compound" c ON c.id = b."compoundId" WHERE c.name = '晋阳新苑'`,
  );
  expect(unit).toEqual({ area: 8950 });
  expect(
    (
      await query(
        `SELECT 1 FROM "AuditLog" WHERE action IN ('compound.create', 'building.create', 'household.create', 'body.create', 'body.appoint')`,
      )
    ).length,
  ).toBeGreaterThanOrEqual(5);
});

test('party members are found by skill, only in one’s own places', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  await signIn(page, '13900003002'); // Jinyang street staff
  await page.goto('/admin/party');
  await expect(page.getByTestId('party-members').getByText('刘建华')).toBeVisible();
  // Yangquan's dual-registered doctor has the skill, but is not in Jinyang street.
  await page.getByRole('searchbox', { name: '按技能或兴趣查找' }).fill('急救');
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByText('没有找到党员。')).toBeVisible();
  await expectAccessible(page);
});

test('street staff of another street cannot add a compound to Jinyang, even by forging the form', async ({ page, baseURL }, info) => {
  test.skip(info.project.name !== 'phone', 'one run is enough');
  const [jinyang] = await query<{ id: number }>(`SELECT id FROM "Community" WHERE code = '510107009003'`);
  await signIn(page, '13900003001'); // Dongsheng street staff
  await page.goto('/admin/places');
  await expect(page.getByLabel('所属社区').locator('option', { hasText: '晋阳社区' })).toHaveCount(0);
  const fields = { ...(await formFields(page.locator('main form').last())), communityId: String(jinyang!.id), name: '冒名小区' };
  const res = await postForm(page.request, baseURL!, '/admin/places', fields);
  expect(await res.text()).toContain('您没有权限做这件事，没有做任何修改。');
  // (Counted by name: other tests of this file add compounds at the same time.)
  expect(await query(`SELECT count(*)::int AS n FROM "Compound" WHERE name = '冒名小区'`)).toEqual([{ n: 0 }]);
  // A resident is not even shown the page.
  const resident = await (
    await page
      .context()
      .browser()!
      .newContext({ ...info.project.use })
  ).newPage();
  await signIn(resident, '13900001002');
  expect((await resident.goto('/admin/places'))?.status()).toBe(404);
});

test('street staff manage the community council of 37 seats: a 38th member is refused; one steps down and a new member takes the seat', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  await signIn(page, '13900003002'); // Jinyang street staff
  await page.goto('/admin/places');
  await page
    .getByRole('region', { name: /社区的组织/ })
    .getByRole('link', { name: /^晋阳社区/ })
    .click();
  const council = page.getByTestId('admin-body').filter({ has: page.getByRole('heading', { name: '晋阳社区议事会' }) });
  await expect(council.getByText('成员（37）')).toBeVisible();
  await council.locator('summary', { hasText: '任命成员' }).click();
  await council.getByLabel('姓名').fill('孙新委员');
  await council.getByRole('button', { name: '任命成员' }).click();
  // 37 seats, all taken: a 38th member is refused, with what to do instead.
  await expect(council.getByText(/共有 37 个席位/)).toBeVisible();
  // A member steps down today; the new member takes the seat from tomorrow (China's calendar day).
  await council.getByText('成员（37）').click();
  await council
    .getByRole('button', { name: /^卸任 / })
    .first()
    .click();
  await expect(council.getByText('成员（36）')).toBeVisible();
  const tomorrow = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000));
  await council.getByLabel('姓名').fill('孙新委员');
  await council.getByLabel('任职日期').fill(tomorrow);
  await council.getByRole('button', { name: '任命成员' }).click();
  await expect(council.getByText('成员（37）')).toBeVisible();
  await expectAccessible(page);
});

test('a district administrator sees which divisions the install holds, and how to add a region', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  await signIn(page, '13900004001');
  await page.goto('/admin/places');
  const loaded = page.getByTestId('divisions-loaded');
  await expect(loaded.getByText('四川省 巴中市 巴州区')).toBeVisible();
  await expect(loaded.locator('li', { hasText: '武侯区' })).toContainText(/\d+ 个街道（乡镇） · \d+ 个社区（村）/);
  await expect(page.getByText('npm run divisions:add -- 代码（省、市或区县的代码，例如巴中市 5119）')).toBeVisible();
  await expectAccessible(page);
});
