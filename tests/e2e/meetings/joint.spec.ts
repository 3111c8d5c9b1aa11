import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from '../support/a11y';
import { query, signIn } from '../support/session';

// Decision 066: 欧城花园's joint meeting on the 16th (prisma/seed/meetings.ts) is held by its branch, its owners' committee
// and its supervisory committee; 应到 is their union, each host has its own 应到/实到 and quorum, live. A district admin adds
// a meeting type of the district, and the schedule form offers it.
async function pageAs(browser: Browser, info: TestInfo, phone: string) {
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(page, phone);
  return page;
}

test('a joint meeting: 应到 is the union, each host its own figures, live; a district’s own type is offered', async ({ browser }, info) => {
  test.skip(info.project.name !== 'phone', 'writes data');
  test.setTimeout(60_000);
  const [m] = await query<{ id: number }>(
    `SELECT id FROM "Meeting" WHERE kind = 'JOINT' AND "startsAt" > now() AND status = 'SCHEDULED' ORDER BY "startsAt" LIMIT 1`,
  );
  const hosts = await query<{ id: number; name: string; expected: number }>(
    `SELECT h.id, COALESCE(b.name, o.name) AS name, (SELECT count(*)::int FROM "MeetingHostMember" x WHERE x."hostId" = h.id) AS expected
       FROM "MeetingHost" h LEFT JOIN "Body" b ON b.id = h."bodyId" LEFT JOIN "PartyOrg" o ON o.id = h."partyOrgId"
      WHERE h."meetingId" = $1 ORDER BY h.id`,
    [m!.id],
  );
  const [union] = await query<{ n: number }>(
    `SELECT count(DISTINCT x."personId")::int AS n FROM "MeetingHostMember" x JOIN "MeetingHost" h ON h.id = x."hostId" WHERE h."meetingId" = $1`,
    [m!.id],
  );
  expect(hosts).toHaveLength(3);
  expect(union!.n).toBeLessThan(hosts.reduce((s, h) => s + h.expected, 0)); // 王秀英 is in two hosts

  // 王秀英 (branch secretary, committee chair) opens it: 应到 = the union, each host's own 应到; she is listed once.
  const wang = await pageAs(browser, info, '13900002001');
  await wang.goto(`/meetings/${m!.id}`);
  await expect(wang.getByTestId('attendance-panel')).toContainText(`应到 ${union!.n}`);
  const panel = wang.getByTestId('hosts-panel');
  for (const h of hosts) {
    const row = panel.getByTestId(`host-${h.id}`);
    await expect(row).toContainText(h.name);
    await expect(row.getByTestId('host-expected')).toHaveText(String(h.expected));
    await expect(row.getByTestId('host-present')).toHaveText('0');
  }
  await expect(wang.getByTestId('sign-in-sheet').getByText('王秀英')).toHaveCount(1);
  await expectNoHorizontalScroll(wang);
  await expectAccessible(wang);

  // Two members sign in (王秀英, in the branch and the committee, and a supervisory committee member): the panel catches up.
  const [sup] = await query<{ personId: number }>(
    `SELECT x."personId" FROM "MeetingHostMember" x WHERE x."hostId" = $1 ORDER BY x."personId" LIMIT 1`,
    [hosts[2]!.id],
  );
  await query(
    `INSERT INTO "Attendance" ("meetingId", "personId", method, "byUserId")
     SELECT $1, p, 'MANUAL', (SELECT id FROM "User" WHERE phone = '13900002001') FROM unnest($2::int[]) AS p`,
    [m!.id, [(await query<{ personId: number }>(`SELECT "personId" FROM "User" WHERE phone = '13900002001'`))[0]!.personId, sup!.personId]],
  );
  const present = await query<{ id: number; n: number }>(
    `SELECT h.id, count(a.id)::int AS n FROM "MeetingHost" h JOIN "MeetingHostMember" x ON x."hostId" = h.id
       LEFT JOIN "Attendance" a ON a."meetingId" = h."meetingId" AND a."personId" = x."personId"
      WHERE h."meetingId" = $1 GROUP BY h.id ORDER BY h.id`,
    [m!.id],
  );
  expect(present.map((p) => p.n)).toEqual([1, 1, 1]);
  for (const p of present) await expect(panel.getByTestId(`host-${p.id}`).getByTestId('host-present')).toHaveText(String(p.n));
  await expect(wang.getByTestId('present')).toHaveText('2');

  // 陈双流, Shuangliu's district administrator, adds a type; the schedule form at 棠湖社区 offers it.
  const admin = await pageAs(browser, info, '13900004001');
  await admin.goto('/admin/meeting-types');
  const name = `院落恳谈会${Date.now() % 10_000}`;
  const form = admin.locator('form').filter({ has: admin.getByRole('button', { name: '新增', exact: true }) });
  await form.getByLabel(/^代码/).fill(`YLKT${Date.now() % 10_000}`);
  await form.getByLabel('中文名称').fill(name);
  await form.getByLabel('英文名称').fill('Courtyard talk');
  await form.getByLabel('依照哪种会议的规则').selectOption('CONSULTATION');
  await form.getByRole('button', { name: '新增', exact: true }).click();
  await expect(admin.getByTestId('meeting-types')).toContainText(name);
  await expectAccessible(admin);
  await admin.goto('/meetings/new?community=510116001001');
  await expect(admin.getByLabel('会议类型').locator('option', { hasText: name })).toHaveCount(1);
  await expectNoHorizontalScroll(admin);
});
