import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

async function phone(browser: Browser, info: TestInfo, who: string) {
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(page, who);
  return page;
}

test('S4: the year’s reception days and joint meetings are on the community’s calendar, and in its .ics feed', async ({
  page,
  request,
}, info) => {
  test.skip(info.project.name !== 'phone', 'one viewport is enough: residents use phones');
  await page.goto('/places/c/510116001001');
  await page.getByRole('link', { name: '会议日程' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('棠湖社区');
  await expect(page.getByTestId('calendar-month').first()).toBeVisible();
  expect(await page.getByText('欧城花园业主接待日').count()).toBeGreaterThanOrEqual(1);
  expect(await page.getByText('党支部、业委会、监委会联席会议').count()).toBeGreaterThanOrEqual(1);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  const ics = await request.get('/api/meetings/c/510116001001/calendar.ics');
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const text = await ics.text();
  expect(text).toContain('BEGIN:VEVENT');
  expect(text).toContain('欧城花园业主接待日');
});

test('S4: a council meeting’s sign-in on a phone turns the quorum indicator green', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const sec = await phone(browser, info, '13900001001'); // 刘建华
  await sec.goto('/places/c/510107009003/meetings');
  await sec
    .getByRole('link', { name: /晋阳社区议事会例会/ })
    .first()
    .click();
  const panel = sec.getByTestId('attendance-panel');
  await expect(panel).toContainText('应到 37');
  await expect(sec.getByTestId('quorum')).toHaveText('未达到法定人数（至少 19 人）');
  const meetingId = Number(sec.url().split('/').pop());
  // Seventeen members were marked on paper already; the secretary marks one more by hand.
  await query(
    `INSERT INTO "Attendance" ("meetingId", "personId", method, "byUserId")
    SELECT i."meetingId", i."personId", 'MANUAL', u.id FROM "MeetingInvite" i, "User" u
     WHERE i."meetingId" = $1 AND u.phone = '13900001001' AND i."personId" NOT IN (SELECT "personId" FROM "User" WHERE phone = '13900001002')
     ORDER BY i."personId" LIMIT 17`,
    [meetingId],
  );
  await sec.reload();
  const unmarked = sec
    .getByTestId('sign-in-sheet')
    .getByRole('listitem')
    .filter({ has: sec.getByRole('button', { name: '标记到会' }) });
  const zhang = (
    await query<{ name: string }>(`SELECT p.name FROM "User" u JOIN "Person" p ON p.id = u."personId" WHERE u.phone = '13900001002'`)
  )[0]!.name;
  await unmarked.filter({ hasNotText: zhang }).first().getByRole('button', { name: '标记到会' }).click();
  // Issue 22 item 7: the secretary's own mark shows at once (the panel used to keep its old figures until a poll).
  await expect(sec.getByTestId('sign-in-sheet').getByText('已到', { exact: true })).toHaveCount(18);
  await expect(sec.getByTestId('present')).toHaveText('18', { timeout: 1_000 });
  // 张桂兰 scans the QR code with her phone and signs in: the secretary's panel turns green by itself.
  const link = await sec.getByTestId('sign-in-link').getAttribute('href');
  const member = await phone(browser, info, '13900001002');
  await member.goto(link!.replace(/^https?:\/\/[^/]+/, ''));
  await expectNoHorizontalScroll(member);
  await member.getByRole('button', { name: '签到' }).click();
  await expect(member.getByText('您已签到。')).toBeVisible();
  await expectAccessible(member);
  // Everyone watching sees it within seconds (a poll every 2 s).
  await expect(sec.getByTestId('present')).toHaveText('19', { timeout: 4_000 });
  await expect(sec.getByTestId('quorum')).toHaveText('已达到法定人数');
  // Scanning again offers no second sign-in.
  await member.reload();
  await expect(member.getByRole('button', { name: '签到' })).toHaveCount(0);
});

test('S4: a reception day’s two visits, one of which becomes an issue in one step', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  const wang = await phone(browser, info, '13900002001'); // 王秀英, 欧城花园 branch secretary
  await wang.goto('/meetings/new?community=510116001001');
  await wang.getByLabel('会议类型').selectOption({ label: '业主接待日' });
  await wang.getByLabel('会议名称').fill('E2E 临时业主接待日');
  await wang.getByLabel('地点范围').selectOption({ label: '棠湖社区 · 欧城花园' });
  await wang.getByLabel('具体地点').fill('物业服务中心');
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await wang.getByLabel(/^日期/).fill(today);
  await wang.getByLabel('开始时间').fill('23:00');
  await expectNoHorizontalScroll(wang);
  await wang.getByRole('button', { name: '安排' }).click();
  await wang.getByRole('link', { name: '查看会议' }).click();
  const visit = async (name: string, matter: string, issue: boolean) => {
    await wang.getByLabel('来访人').fill(name);
    await wang.getByLabel('反映的事情').fill(matter);
    if (issue) {
      await wang.getByLabel(/^手机号/).fill('13755558888');
      await wang.getByLabel('问题类别').selectOption({ label: '设施维修' });
      await wang.getByLabel('小区', { exact: true }).selectOption({ label: '欧城花园' });
    }
    await wang.getByRole('button', { name: '登记' }).click();
    await expect(wang.getByTestId('visits')).toContainText(matter);
  };
  await visit('孙阿姨', '咨询电梯更换的业主大会什么时候开', false);
  await visit('周大爷', '5栋单元门禁坏了，老人进不去', true);
  await expect(wang.getByTestId('visits').getByRole('link', { name: /问题 #\d+/ })).toHaveCount(1);
  expect(
    (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Issue" WHERE "reporterName" = '周大爷' AND channel = 'STAFF_ENTRY'`))[0]!
      .n,
  ).toBe(1);
  await expectAccessible(wang);
});
