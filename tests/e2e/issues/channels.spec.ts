import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Shuangliu district (双流区), where the demo's 欧城花园 lies.
const SHUANGLIU = '510116';

test('a district admin sets categories and enters next year’s holidays, on a phone', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  await signIn(page, '13900004001');
  await page.goto('/admin');
  await page.getByRole('link', { name: '问题类别与工作日历' }).click();
  // The demo's entry for a year the package does not cover yet.
  await expect(page.getByTestId('calendar-days')).toContainText('2027-01-01 · 放假 · 元旦');
  await page.getByLabel('日期').fill('2027-02-08');
  await page.getByLabel('类型').selectOption({ label: '放假' });
  await page.getByLabel('说明（例如 春节）').fill('春节');
  await page.getByRole('button', { name: '添加这一天' }).click();
  await expect(page.getByTestId('calendar-days')).toContainText('2027-02-08 · 放假 · 春节');
  // Bad input: the same day twice is refused with a message, nothing stored.
  await page.getByLabel('日期').fill('2027-02-08');
  await page.getByLabel('说明（例如 春节）').fill('重复');
  await page.getByRole('button', { name: '添加这一天' }).click();
  await expect(page.getByText('这一天已经填过了，请先删除原来的。')).toBeVisible();
  expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM "CalendarDay" WHERE note = '重复'`))[0]!.n).toBe(0);

  // A default category gets the district's own deadlines.
  const parking = page.locator('details', { has: page.getByText('停车', { exact: true }) });
  await parking.locator('summary').click();
  await parking.getByLabel('受理时限（分钟；办公时间，全天候类别按自然时间）').fill('120');
  await parking.getByRole('button', { name: '保存' }).click();
  await expect(parking.getByText('已保存。')).toBeVisible();
  await expect(page.locator('summary', { hasText: '停车' }).first()).toContainText('受理 120 分钟');
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});

test('the 12345 hotline posts and reads issues through Open311 with a key the district admin issued', async ({ page, request }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  await signIn(page, '13900004001');
  await page.goto('/admin/api-keys');
  await page.getByLabel('对方系统的名称（例如 成都市12345热线）').fill('测试热线');
  await page.getByRole('button', { name: '发放新密钥' }).click();
  const key = (await page.getByTestId('new-key').textContent())!.trim();
  expect(key).toMatch(/^ys_/);
  await expectNoHorizontalScroll(page);

  const services = await request.get(`/api/open311/v2/services.json?jurisdiction_id=${SHUANGLIU}`);
  expect(services.status()).toBe(200);
  expect(await services.json()).toEqual(
    expect.arrayContaining([expect.objectContaining({ service_code: 'LIFT', service_name: '电梯故障' })]),
  );

  // Posting needs the key; the refusal is in the caller's language.
  const description = '12345 来电：欧城花园5栋电梯停在8楼不动，里面没有人。';
  const form = { service_code: 'LIFT', address_string: '欧城花园', description, last_name: '周', first_name: '女士', phone: '13700002222' };
  const noKey = await request.post('/api/open311/v2/requests.json', { form: { ...form, jurisdiction_id: SHUANGLIU } });
  expect([noKey.status(), (await noKey.json())[0].description]).toEqual([403, '提交问题需要区里发放的 api_key。']);
  const noKeyEn = await request.post('/api/open311/v2/requests.json?locale=en', { form: { ...form, jurisdiction_id: SHUANGLIU } });
  expect((await noKeyEn.json())[0].description).toBe('Posting a request needs an api_key issued by the district.');
  const bad = await request.post('/api/open311/v2/requests.json', { form: { ...form, api_key: key, service_code: 'NOPE' } });
  expect([bad.status(), (await bad.json())[0].description]).toEqual([404, '没有这个问题类别（service_code），请先查看 services.json。']);

  const posted = await request.post('/api/open311/v2/requests.json', { form: { ...form, api_key: key } });
  expect(posted.status()).toBe(200);
  const [{ service_request_id: id }] = await posted.json();
  const withKey = await (await request.get(`/api/open311/v2/requests/${id}.json?api_key=${key}`)).json();
  expect(withKey[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'LIFT', address: '棠湖社区 欧城花园' });
  expect(withKey[0].description).toContain('电梯停在8楼');
  const publicView = await (await request.get(`/api/open311/v2/requests/${id}.json?jurisdiction_id=${SHUANGLIU}`)).json();
  expect([publicView[0].status, publicView[0].description]).toEqual(['open', null]);
  // No reporter data ever leaves through the API.
  const list = await (await request.get(`/api/open311/v2/requests.json?api_key=${key}`)).text();
  for (const secret of ['13700002222', '周女士', '13712345678', '孙先生']) expect(list).not.toContain(secret);

  // It reached the branch secretary of 欧城花园 (the category's first responder), who sees the caller.
  const secretary = await (
    await page
      .context()
      .browser()!
      .newContext({ ...info.project.use, locale: 'zh-CN' })
  ).newPage();
  await signIn(secretary, '13900002001');
  await secretary.goto(`/issues/${id}`);
  await expect(secretary.getByText('来自 12345 热线等外部系统')).toBeVisible();
  await expect(secretary.getByText('反映人：周女士（13700002222）')).toBeVisible();
  expect(
    (
      await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Issue" i JOIN "User" u ON u.id = i."assigneeUserId" WHERE i.id = $1 AND u.phone = '13900002001'`,
        [Number(id)],
      )
    )[0]!.n,
  ).toBe(1);

  // A revoked key is refused.
  await page.goto('/admin/api-keys');
  await page.locator('li', { hasText: '测试热线' }).getByRole('button', { name: '撤销' }).click();
  await expect(page.locator('li', { hasText: '测试热线' })).toContainText(/已于 .+ 撤销/);
  const revoked = await request.post('/api/open311/v2/requests.json', { form: { ...form, api_key: key } });
  expect([revoked.status(), (await revoked.json())[0].description]).toEqual([403, 'api_key 无效或已被撤销。']);
});

test('street staff enter an issue for a resident met on a door-to-door visit', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  await signIn(page, '13900003002'); // 何晋阳, Jinyang street office
  await page.goto('/issues/new');
  await page.getByLabel('小区').selectOption({ label: '晋阳社区 · 北苑小区' });
  await page.getByLabel('问题类别').selectOption({ label: '环境卫生' });
  await page.getByLabel('标题（一句话）').fill('楼道堆放纸箱');
  await page.getByLabel('详细情况').fill('2栋二单元楼道堆满纸箱，挡住消防通道。');
  await page.getByLabel('居民姓名').fill('钱阿姨');
  await page.getByLabel('居民手机号').fill('137 6666 7777');
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('link', { name: '查看进展' }).click();
  await expect(page.getByText('由工作人员代为登记')).toBeVisible();
  await expect(page.getByText('反映人：钱阿姨（13766667777）')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('何晋阳（代钱阿姨登记）');
  await expectAccessible(page);
});
