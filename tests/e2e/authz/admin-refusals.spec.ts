import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { query, signIn } from '../support/session';
import { formFields, postForm } from './support';

// Every administrative page and server action, tried by a signed-out visitor, a resident of
// another community, and street staff of another street: refused, and nothing written.
const ADMIN_PAGES = [
  '/admin',
  '/admin/claims',
  '/admin/invitations',
  '/admin/desk',
  '/admin/roster',
  '/admin/places',
  '/admin/places/1',
  '/admin/places/c/1',
  '/admin/party',
  '/admin/staff',
  '/admin/audit',
  '/admin/issue-settings',
  '/admin/api-keys',
  '/admin/procedures',
];

// Counted only where the forged requests aim (Jinyang, the forged phone numbers), because other
// tests write elsewhere in the same database at the same time.
const counts = async () =>
  (
    await query<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM "InvitationCode" i JOIN "Household" h ON h.id = i."householdId" JOIN "Building" b ON b.id = h."buildingId" JOIN "Compound" c ON c.id = b."compoundId" WHERE c.name = '北苑小区') AS invitations,
    (SELECT count(*)::int FROM "Household" h JOIN "Building" b ON b.id = h."buildingId" JOIN "Compound" c ON c.id = b."compoundId" WHERE c.name = '北苑小区') AS households,
    (SELECT count(*)::int FROM "User" WHERE phone LIKE '1397777%') AS users,
    (SELECT count(*)::int FROM "RoleGrant" g JOIN "User" u ON u.id = g."userId" WHERE u.phone = '13900001001' AND g."revokedAt" IS NULL) AS grants,
    (SELECT count(*)::int FROM "PasswordResetCode" r JOIN "User" u ON u.id = r."userId" WHERE u.phone = '13900001002') AS resets,
    (SELECT count(*)::int FROM "AuditLog" a JOIN "Community" c ON c.id = a."communityId" WHERE c.code = '510107009003') AS audit`)
  )[0]!;

test.describe.configure({ mode: 'serial' });

// What the server answers is the point here, not how a page draws: requests, not page loads (a page load each cost the
// run about a second).
test('a signed-out visitor is sent to sign in from every staff page', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough: the check does not depend on the screen');
  for (const path of ADMIN_PAGES) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect({ path, status: res.status() }).toEqual({ path, status: 307 });
    expect(res.headers()['location']).toMatch(new RegExp(`/signin\\?next=${encodeURIComponent(path).replace(/%2F/g, '%2F')}$`));
  }
});

test('a resident (of any community) gets “not found” on every staff page', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'one viewport is enough: residents use phones');
  await signIn(page, '13900001002'); // 张桂兰, verified owner in Jinyang
  for (const path of ADMIN_PAGES) {
    const res = await page.request.get(path);
    expect({ path, status: res.status() }).toEqual({ path, status: 404 });
  }
});

async function pageAs(browser: Browser, info: TestInfo, phone: string) {
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(page, phone);
  return page;
}

test('server actions aimed at another street, another community, or without a session are refused and change nothing', async ({
  browser,
  baseURL,
}, info) => {
  test.skip(info.project.name !== 'phone', 'one run is enough');
  const [beiyuan] = await query<{ id: number }>(`SELECT id FROM "Compound" WHERE name = '北苑小区'`);
  const [jinyang] = await query<{ id: number }>(`SELECT id FROM "Community" WHERE code = '510107009003'`);
  const [liuGrant] = await query<{ id: number }>(
    `SELECT g.id FROM "RoleGrant" g JOIN "User" u ON u.id = g."userId" WHERE u.phone = '13900001001'`,
  );
  // A pending claim in Jinyang (the target) and one in Tanghu (so that the Dongsheng desk shows the form).
  const [target] = await query<{ id: number }>(`
    INSERT INTO "HouseholdClaim" ("userId", "householdId", relation)
    SELECT u.id, h.id, 'OWNER' FROM "User" u, "Household" h JOIN "Building" b ON b.id = h."buildingId"
     WHERE u.phone = '13900005001' AND b."compoundId" = ${beiyuan!.id} ORDER BY h.id LIMIT 1 RETURNING id`);
  await query(`
    INSERT INTO "HouseholdClaim" ("userId", "householdId", relation)
    SELECT u.id, h.id, 'TENANT' FROM "User" u, "Household" h JOIN "Building" b ON b.id = h."buildingId" JOIN "Compound" c ON c.id = b."compoundId"
     WHERE u.phone = '13900005001' AND c.name = '欧城花园' ORDER BY h.id LIMIT 1`);

  const other = await pageAs(browser, info, '13900003001'); // Dongsheng street staff
  const resident = await pageAs(browser, info, '13900001002');
  const visitor = await browser.newContext();
  const before = await counts();
  const refused = '您没有权限做这件事，没有做任何修改。';

  // The other street's desk does not even list Jinyang's compounds…
  await other.goto('/admin/invitations');
  await expect(other.getByLabel('小区').locator('option', { hasText: '北苑小区' })).toHaveCount(0);
  const attempts: {
    path: string;
    form: () => Promise<Record<string, string>>;
    extra?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
  }[] = [
    {
      path: '/admin/invitations',
      form: async () => ({ ...(await formFields(other.locator('form').first())), compoundId: String(beiyuan!.id), buildingId: '' }),
    },
    {
      path: '/admin/roster',
      form: async () => (
        await other.goto('/admin/roster'),
        { ...(await formFields(other.locator('form').first(), 'preview')), compoundId: String(beiyuan!.id) }
      ),
      extra: { file: { name: 'r.csv', mimeType: 'text/csv', buffer: Buffer.from('楼栋,房号,面积,业主姓名\n8栋,101,50,x\n') } },
    },
    {
      path: '/admin/desk',
      form: async () => (
        await other.goto('/admin/desk'),
        {
          ...(await formFields(other.locator('form').first())),
          compoundId: String(beiyuan!.id),
          building: '1栋',
          unitNo: '1',
          roomNo: '101',
          name: '冒名',
          phone: '13977770001',
          relation: 'OWNER',
        }
      ),
    },
    {
      path: '/admin/staff',
      form: async () => (
        await other.goto('/admin/staff'),
        {
          ...(await formFields(other.locator('main form').last())),
          name: '冒名书记',
          phone: '13977770002',
          role: 'COMMUNITY_SECRETARY',
          place: `community:${jinyang!.id}`,
        }
      ),
    },
    {
      path: '/admin/staff',
      form: async () => (
        await other.goto('/admin/staff'),
        { ...(await formFields(other.locator('form').first())), grantId: String(liuGrant!.id) }
      ),
    },
    {
      path: '/admin/claims',
      form: async () => (
        await other.goto('/admin/claims'),
        { ...(await formFields(other.locator('form').first())), claimId: String(target!.id), decision: 'approve' }
      ),
    },
  ];

  for (const a of attempts) {
    const fields = await a.form();
    // 1. Street staff of another street, through their own session: a clear refusal.
    const res = await postForm(other.request, baseURL!, a.path, fields, a.extra);
    const text = await res.text();
    const ok = text.includes(refused) || text.includes('您只能在自己负责的范围内');
    if (!ok)
      console.log(
        a.path,
        res.status(),
        Object.keys(fields),
        text
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 1500),
      );
    expect({ path: a.path, refused: ok }).toEqual({ path: a.path, refused: true });
    // 2. A resident of another community, and 3. a signed-out visitor, replaying the same request.
    await postForm(resident.request, baseURL!, a.path, fields, a.extra);
    await postForm(visitor.request, baseURL!, a.path, fields, a.extra);
  }
  expect(await counts()).toEqual(before);
  expect((await query<{ status: string }>(`SELECT status FROM "HouseholdClaim" WHERE id = ${target!.id}`))[0]!.status).toBe('PENDING');
});

test('district settings and API keys: another district’s admin and street staff are refused, nothing written', async ({
  browser,
  baseURL,
}, info) => {
  test.skip(info.project.name !== 'phone', 'one run is enough');
  const [wuhou] = await query<{ id: number }>(`SELECT id FROM "District" WHERE code = '510107'`);
  const admin = await pageAs(browser, info, '13900004001'); // 双流区 admin
  const street = await pageAs(browser, info, '13900003001'); // 东升街道 staff: no district settings
  const refused = '您没有权限做这件事，没有做任何修改。';
  const tally = async () =>
    (
      await query<{ days: number; keys: number; cats: number }>(
        `SELECT
    (SELECT count(*)::int FROM "CalendarDay" WHERE "districtId" = $1) AS days,
    (SELECT count(*)::int FROM "ApiKey" WHERE "districtId" = $1) AS keys,
    (SELECT count(*)::int FROM "IssueCategory" WHERE "districtId" = $1) AS cats`,
        [wuhou!.id],
      )
    )[0]!;
  const before = await tally();
  await admin.goto('/admin/issue-settings');
  const day = {
    ...(await formFields(admin.locator('form', { has: admin.getByRole('button', { name: '添加这一天' }) }))),
    districtId: String(wuhou!.id),
    date: '2027-03-01',
    kind: 'HOLIDAY',
    note: '伪造',
  };
  const add = {
    ...(await formFields(admin.locator('form:has(input[name=code])'))),
    districtId: String(wuhou!.id),
    code: 'FORGED',
    nameZh: '伪造',
    nameEn: 'Forged',
    handlerRole: 'GRID_WORKER',
    acknowledgeMinutes: '60',
    resolveWorkingDays: '1',
    remindBeforeMinutes: '10',
    active: 'on',
  };
  await admin.goto('/admin/api-keys');
  const key = {
    ...(await formFields(admin.locator('form', { has: admin.getByRole('button', { name: '发放新密钥' }) }))),
    districtId: String(wuhou!.id),
    name: '伪造的密钥',
  };
  for (const [path, fields] of [
    ['/admin/issue-settings', day],
    ['/admin/issue-settings', add],
    ['/admin/api-keys', key],
  ] as const) {
    for (const who of [admin, street]) {
      const text = await (await postForm(who.request, baseURL!, path, fields)).text();
      expect({ path, who: who === admin ? 'admin' : 'street', refused: text.includes(refused) }).toEqual({
        path,
        who: who === admin ? 'admin' : 'street',
        refused: true,
      });
    }
  }
  expect(await tally()).toEqual(before);
});

test('topic actions forged by a stranger or a resident are refused and move nothing', async ({ browser, baseURL }, info) => {
  test.skip(info.project.name !== 'phone', 'one run is enough');
  const [s4] = await query<{ id: number; lockVersion: number; stepIndex: number }>(
    `SELECT id, "lockVersion", "stepIndex" FROM "Topic" WHERE title = '使用维修资金更换 2 栋电梯'`,
  );
  const branch = await pageAs(browser, info, '13900002001'); // 王秀英, 欧城花园's branch secretary: may approve
  await branch.goto(`/topics/${s4!.id}`);
  const approve = await formFields(branch.locator('form', { has: branch.getByRole('button', { name: '提交审核意见' }) }));
  const advance = await formFields(branch.locator('form', { has: branch.getByRole('button', { name: '完成本步，进入下一步' }) }));
  const stranger = await pageAs(browser, info, '13900001002'); // 张桂兰, another city
  const street = await pageAs(browser, info, '13900003002'); // 何晋阳, another street
  for (const who of [stranger, street]) {
    for (const fields of [{ ...approve, decision: 'approve', comment: '伪造的同意' }, advance]) {
      const text = await (await postForm(who.request, baseURL!, `/topics/${s4!.id}`, fields)).text();
      expect(text.includes('您没有权限做这件事，没有做任何修改。')).toBe(true);
    }
  }
  const [after] = await query<{ lockVersion: number; stepIndex: number; n: number }>(
    `SELECT "lockVersion", "stepIndex", (SELECT count(*)::int FROM "TopicRecord" WHERE "topicId" = $1) AS n FROM "Topic" WHERE id = $1`,
    [s4!.id],
  );
  expect(after).toEqual({ lockVersion: s4!.lockVersion, stepIndex: s4!.stepIndex, n: 0 });
});
