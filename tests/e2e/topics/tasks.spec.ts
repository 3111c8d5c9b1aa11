import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Issue 19 items 1 and 3 (decision 053): the property firm's account reports on the task it owns, with a phone photo,
// and asks for acceptance; the secretary accepts it, then reviews the drafted progress bulletin and publishes it.
const FIRM = '13900009101';
const SECRETARY = '13900007001';
const TOPIC = '龙躺梁小区非机动车棚改造';
const TASK = '新建车棚并安装充电桩';
const MB = 1024 * 1024;

/** A camera-sized JPEG of noise (compresses about as badly as a real photo): 3–8 MB. */
const cameraJpeg = () =>
  sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 12 } } })
    .jpeg({ quality: 95 })
    .toBuffer();

test('the firm reports with a photo and asks for acceptance; the secretary accepts and publishes the bulletin', async ({
  browser,
}, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  test.setTimeout(120_000);
  const [task] = await query<{ id: number; topicId: number }>('SELECT id, "topicId" FROM "TopicTask" WHERE title = $1', [TASK]);
  const firm = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(firm, FIRM);
  await firm.getByRole('link', { name: '我的任务' }).click();
  await expect(firm.getByRole('heading', { level: 1 })).toHaveText('我的任务');
  const list = firm.getByTestId('my-tasks');
  // Other specs give the firm tasks too: find this one by its title.
  const card = list.getByRole('link', { name: new RegExp(TASK) });
  await expect(card).toContainText(`${TOPIC} · 龙躺梁老旧小区`);
  // The task awaiting acceptance is past its day but waits on others: not marked overdue.
  await expect(card.locator('.text-red-700')).toHaveCount(0);
  await expectNoHorizontalScroll(firm);
  await list.getByRole('link', { name: new RegExp(TASK) }).click();

  const box = firm.getByTestId(`task-${task!.id}`);
  const photo = await cameraJpeg();
  expect(photo.length).toBeGreaterThan(3 * MB);
  await box.getByLabel('说明').fill('钢架已安装完成，正在铺设顶棚');
  await box.getByLabel('照片（选填）').setInputFiles([{ name: 'IMG_20261203_101500.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  await box.getByRole('button', { name: '提交' }).click();
  await expect(box.getByText('已保存。')).toBeVisible({ timeout: 60_000 });
  await expect(box.getByRole('img', { name: new RegExp(TASK) })).toBeVisible();
  await box.getByLabel('进展或意见').selectOption({ label: '申请验收' });
  await box.getByLabel('说明').fill('车棚和充电桩已完工，申请验收');
  await box.getByRole('button', { name: '提交' }).click();
  await expect(box).toContainText('已完成', { timeout: 30_000 });

  const sec = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(sec, SECRETARY);
  await sec.goto(`/topics/${task!.topicId}`);
  const secBox = sec.getByTestId(`task-${task!.id}`);
  await secBox.getByLabel('进展或意见').selectOption({ label: '验收通过' });
  await secBox.getByLabel('说明').fill('现场查看，验收合格');
  await secBox.getByRole('button', { name: '提交' }).click();
  await expect(secBox).toContainText('已验收', { timeout: 30_000 });
  expect((await query<{ status: string }>('SELECT status FROM "TopicTask" WHERE id = $1', [task!.id]))[0]!.status).toBe('ACCEPTED');

  const [draft] = await query<{ id: number; title: string }>(
    'SELECT id, title FROM "ProgressBulletin" WHERE "topicId" = $1 AND "publishedAt" IS NULL ORDER BY period DESC LIMIT 1',
    [task!.topicId],
  );
  const bulletin = sec.getByTestId(`bulletin-${draft!.id}`);
  await expect(bulletin).toContainText('草稿，待审核');
  await bulletin.getByLabel('公示内容（可修改）').fill(`${TOPIC} 落实进展：新车棚已完工并验收，下月启用。`);
  await bulletin.getByRole('button', { name: '保存修改' }).click();
  await expect(bulletin.getByText('已保存。')).toBeVisible({ timeout: 30_000 });
  await bulletin.getByRole('button', { name: '审核通过，发布到公示栏' }).click();
  await expect(bulletin).toContainText('已发布', { timeout: 30_000 });

  const [place] = await query<{ code: string }>(
    'SELECT c.code FROM "Community" c JOIN "Topic" t ON t."communityId" = c.id WHERE t.id = $1',
    [task!.topicId],
  );
  await sec.goto(`/board/c/${place!.code}`);
  await sec.getByRole('link', { name: draft!.title }).click();
  await expect(sec.getByTestId('notice-body')).toContainText('新车棚已完工并验收，下月启用。');
});
