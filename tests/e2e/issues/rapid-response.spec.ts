import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Scenario S3: an owner of Jinsha building 3 reports a blocked septic tank; the building's party
// member acknowledges and hands it on; it is repaired; the owner rates it.
test('S3: report → acknowledgement → hand-offs → repair → satisfaction, on a phone', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const owner = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(owner, '13900006003');
  await owner.getByRole('link', { name: '我的问题' }).click();
  await owner.getByRole('link', { name: '反映新问题' }).click();
  await owner.getByLabel('问题类别').selectOption({ label: '设施维修' });
  await expect(owner.getByLabel('小区')).toHaveValue(/\d+/);
  await expect(owner.getByLabel('小区').locator('option:checked')).toHaveText('金沙社区 · 金沙小区');
  await owner.getByLabel('楼栋（选填）').selectOption({ label: '3栋' });
  await owner.getByLabel('标题（一句话）').fill('3栋化粪池又堵了');
  await owner.getByLabel('详细情况').fill('一单元门口污水外溢，气味很大。');
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#654' } })
    .jpeg()
    .toBuffer();
  await owner.getByLabel('照片（选填，最多 6 张）').setInputFiles({ name: 'septic-tank.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expectAccessible(owner);
  await expectNoHorizontalScroll(owner);
  // A double tap: one issue.
  const submit = owner.getByRole('button', { name: '提交' });
  await submit.dblclick();
  await expect(owner.getByText(/^已提交，编号 \d+。$/)).toBeVisible();
  expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Issue" WHERE title = '3栋化粪池又堵了'`))[0]!.n).toBe(1);
  await owner.getByRole('link', { name: '查看进展' }).click();
  await expect(owner.getByTestId('issue-state')).toHaveText('已提交');
  const img = owner.getByTestId('photos').getByRole('img', { name: '照片 1' });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1200);
  const issueUrl = owner.url().replace(/^https?:\/\/[^/]+/, '');

  // The building head finds it in the work queue and handles it.
  const head = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(head, '13900006002');
  await head.goto('/admin/issues');
  await head.getByRole('link', { name: /3栋化粪池又堵了/ }).click();
  await expect(head.getByText('反映人：黄素芬（13900006003）')).toBeVisible();
  await head.getByRole('button', { name: '受理' }).click();
  await expect(head.getByTestId('issue-state')).toHaveText('已受理');
  await head.getByRole('button', { name: '开始处理' }).click();
  await expect(head.getByTestId('issue-state')).toHaveText('处理中');
  const resolve = head.locator('form', { has: head.getByRole('button', { name: '处理完毕' }) });
  await resolve.getByLabel('说明（会告诉反映人）').fill('已联系物业疏通，更换了破损管道');
  await resolve.getByRole('button', { name: '处理完毕' }).click();
  await expect(head.getByTestId('issue-state')).toHaveText('已解决，待评价');

  // The owner hears of it and rates it.
  await owner.goto('/inbox');
  // The issue's news are one entry (decision 057); the resolution is its latest line or among the folded ones.
  const entry = owner.getByTestId('inbox-entry').filter({ hasText: '3栋化粪池又堵了' });
  await expect(entry).toHaveCount(1);
  const resolved = entry.getByRole('link', { name: /您反映的问题已处理完毕/ }).first();
  if (!(await resolved.isVisible())) await entry.locator('summary').click();
  await expect(resolved).toBeVisible();
  await owner.goto(issueUrl);
  await owner.getByLabel('评价处理结果').selectOption({ label: '满意' });
  await owner.getByRole('button', { name: '提交评价' }).click();
  await expect(owner.getByTestId('issue-state')).toHaveText('已办结');
  await expect(owner.getByTestId('timeline').getByRole('listitem')).toHaveCount(5);
  await expect(owner.getByTestId('timeline')).toContainText('已联系物业疏通，更换了破损管道');
  await expectAccessible(owner);
});

test('an anonymous report shows staff no name, and another resident cannot open it', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const [seeded] = await query<{ id: number }>(`SELECT id FROM "Issue" WHERE title = '3栋楼下垃圾桶满溢'`);
  const head = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(head, '13900006002');
  await head.goto(`/issues/${seeded!.id}`);
  await expect(head.getByText('反映人：匿名居民')).toBeVisible();
  const html = await head.content();
  expect([html.includes('黄素芬'), html.includes('13900006003'), html.includes('138****')]).toEqual([false, false, false]);
  const other = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(other, '13900001002');
  expect((await other.goto(`/issues/${seeded!.id}`))?.status()).toBe(404);
});
