import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 18 item 3: a district administrator divides Jinsha into grids on a phone, moves a building, and a resident's issue
// of a category handled by the central household reaches 陈德明, the 党员中心户 of building 3's micro-grid.
test('grids on a phone: create a grid and a micro-grid, move a building; an issue routes by grid to its central household', async ({
  browser,
}, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const admin = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(admin, '13900006004');
  await admin.goto('/zh-CN/admin/places');
  await admin
    .getByRole('region', { name: '网格', exact: true })
    .getByRole('link', { name: /金沙社区/ })
    .click();
  await expect(admin.getByRole('heading', { level: 1 })).toContainText('金沙社区');
  const tree = admin.getByTestId('grid-tree');
  await expect(tree).toContainText('金沙3栋微网格');

  const create = admin.getByRole('region', { name: '新建网格或微网格' });
  await create.getByLabel('名称').fill('金沙三网格');
  await create.getByRole('button', { name: '新建网格或微网格' }).click();
  await expect(create.getByText('已保存')).toBeVisible();
  await expect(tree).toContainText('金沙三网格');
  await create.getByLabel('名称').fill('金沙三网格1号');
  await create.getByLabel('上级网格（建微网格时选择）').selectOption({ label: '金沙三网格' });
  await create.getByRole('button', { name: '新建网格或微网格' }).click();
  await expect(tree).toContainText('金沙三网格1号');

  const assign = admin.getByRole('region', { name: '把楼栋划入网格' });
  await assign.getByLabel('划入').selectOption({ label: '金沙三网格 · 金沙三网格1号' });
  await assign.getByLabel('2栋（金沙2栋微网格）').check();
  await expectAccessible(admin);
  await expectNoHorizontalScroll(admin);
  await assign.getByRole('button', { name: '划入所选楼栋' }).click();
  await expect(assign.getByLabel('2栋（金沙三网格1号）')).toBeVisible();
  const [moved] = await query<{ grid: string }>(
    `SELECT g.name AS grid FROM "Building" b JOIN "Grid" g ON g.id = b."gridId" JOIN "Compound" c ON c.id = b."compoundId"
      WHERE c.name = '金沙小区' AND b.name = '2栋'`,
  );
  expect(moved!.grid).toBe('金沙三网格1号');

  // The public page shows building 3's grid and its worker's title, no name.
  await admin.goto('/zh-CN/places');
  const [compound] = await query<{ id: number }>(`SELECT id FROM "Compound" WHERE name = '金沙小区'`);
  await admin.goto(`/zh-CN/places/p/${compound!.id}`);
  await expect(admin.getByText('网格：金沙网格 · 金沙3栋微网格 · 专职网格员')).toBeVisible();

  // 黄素芬 (building 3) raises an issue handled first by the central household: it reaches 陈德明.
  const owner = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(owner, '13900006003');
  await owner.goto(`/zh-CN/issues/new?compound=${compound!.id}`);
  await owner.getByLabel('问题类别').selectOption({ label: '邻里关照' });
  await owner.getByLabel('楼栋（选填）').selectOption({ label: '3栋' });
  await owner.getByLabel('标题（一句话）').fill('楼上老人需要人照看');
  await owner.getByLabel('详细情况').fill('三单元六楼的老人腿脚不便，想请党员中心户帮忙买菜。');
  await owner.getByRole('button', { name: '提交' }).click();
  await expect(owner.getByText(/^已提交，编号 \d+。$/)).toBeVisible();
  const [routed] = await query<{ phone: string }>(
    `SELECT u.phone FROM "Issue" i JOIN "User" u ON u.id = i."assigneeUserId" WHERE i.title = '楼上老人需要人照看'`,
  );
  expect(routed!.phone).toBe('13900006002');
});
