import { expect, test } from '@playwright/test';
import { query, signIn } from '../support/session';
import { formFields, postForm } from './support';

// The places, bodies, party and desk-reset forms, forged by street staff of another street (from
// their own compound's page) and replayed by a resident and a visitor: refused, nothing written.
// Counted only where the forged requests aim: other tests write elsewhere at the same time.
const counts = async () =>
  (
    await query<Record<string, number | string>>(`SELECT
    (SELECT count(*)::int FROM "Compound" c JOIN "Community" m ON m.id = c."communityId" WHERE m.code = '510107009003') AS compounds,
    (SELECT string_agg(b.name || ':' || b."unitCount", ',' ORDER BY b.id) FROM "Building" b JOIN "Compound" c ON c.id = b."compoundId" WHERE c.name = '北苑小区') AS buildings,
    (SELECT string_agg(h."areaCentiM2"::text, ',' ORDER BY h.id) FROM "Household" h JOIN "Building" b ON b.id = h."buildingId" JOIN "Compound" c ON c.id = b."compoundId" WHERE c.name = '北苑小区') AS areas,
    (SELECT count(*)::int FROM "Body" b JOIN "Community" m ON m.id = b."communityId" WHERE m.code = '510107009003') AS bodies,
    (SELECT count(*)::int FROM "BodyMember" bm JOIN "Body" b ON b.id = bm."bodyId" WHERE b.name = '北苑院落议事会' AND bm."endsOn" IS NULL) AS members,
    (SELECT count(*)::int FROM "PartyMember" p JOIN "PartyOrg" o ON o.id = p."partyOrgId" WHERE o.name = '晋阳社区党委') AS party,
    (SELECT count(*)::int FROM "PasswordResetCode" r JOIN "User" u ON u.id = r."userId" WHERE u.phone = '13900001002') AS resets,
    (SELECT string_agg(name || coalesce(address, ''), ',' ORDER BY id) FROM "Compound" WHERE name = '北苑小区') AS compoundText`)
  )[0]!;

test('forged places, bodies, party and reset requests aimed at Jinyang are refused and change nothing', async ({
  browser,
  baseURL,
}, info) => {
  test.skip(info.project.name !== 'phone', 'one run is enough');
  // Eight forms, each posted by three sessions after loading its page: more than the default 30 s under CI load.
  test.setTimeout(90_000);
  const one = async <T extends Record<string, unknown>>(sql: string) => (await query<T>(sql))[0]!;
  const beiyuan = await one<{ id: number }>(`SELECT id FROM "Compound" WHERE name = '北苑小区'`);
  const building = await one<{ id: number }>(`SELECT id FROM "Building" WHERE "compoundId" = ${beiyuan.id} ORDER BY id LIMIT 1`);
  const body = await one<{ id: number }>(`SELECT id FROM "Body" WHERE name = '北苑院落议事会'`);
  const member = await one<{ id: number }>(
    `SELECT id FROM "BodyMember" WHERE "bodyId" = ${body.id} AND "endsOn" IS NULL ORDER BY id LIMIT 1`,
  );
  const partyOrg = await one<{ id: number }>(`SELECT id FROM "PartyOrg" WHERE name = '晋阳社区党委'`);
  const oucheng = await one<{ id: number }>(`SELECT id FROM "Compound" WHERE name = '欧城花园'`);

  const other = await (await browser.newContext({ ...info.project.use })).newPage();
  await signIn(other, '13900003001'); // Dongsheng street staff
  const resident = await (await browser.newContext({ ...info.project.use })).newPage();
  await signIn(resident, '13900001002');
  const visitor = await browser.newContext();
  const before = await counts();

  const form = (hidden: string) => other.locator('form', { has: other.locator(`input[type="hidden"][name="${hidden}"]`) }).first();
  const placePage = `/admin/places/${oucheng.id}`;
  const attempts: { path: string; fields: () => Promise<Record<string, string>> }[] = [
    {
      path: placePage,
      fields: async () => ({
        ...(await formFields(form('compoundId').first())),
        compoundId: String(beiyuan.id),
        name: '被改名',
        address: 'x',
      }),
    },
    {
      path: placePage,
      fields: async () => ({
        ...(await formFields(other.locator('form', { hasText: '添加楼栋' }))),
        compoundId: String(beiyuan.id),
        name: '伪造栋',
        unitCount: '1',
      }),
    },
    {
      path: placePage,
      fields: async () => ({ ...(await formFields(form('buildingId'))), buildingId: String(building.id), name: '伪造名', unitCount: '9' }),
    },
    {
      path: placePage,
      fields: async () => ({
        ...(await formFields(other.locator('form', { hasText: '保存这一户' }))),
        buildingId: String(building.id),
        unitNo: '1',
        roomNo: '101',
        area: '1.00',
        use: 'RESIDENTIAL',
      }),
    },
    {
      path: placePage,
      fields: async () => ({
        ...(await formFields(form('bodyId'))),
        bodyId: String(body.id),
        name: '冒名委员',
        position: 'CHAIR',
        startsOn: '2026-01-01',
      }),
    },
    {
      path: placePage,
      fields: async () => ({ ...(await formFields(form('memberId'))), memberId: String(member.id), endsOn: '2026-11-21' }),
    },
    {
      path: placePage,
      fields: async () => ({
        ...(await formFields(other.locator('form', { hasText: '新建组织' }))),
        compoundId: String(beiyuan.id),
        scope: 'compound',
        kind: 'OWNERS_COMMITTEE',
        name: '伪造业委会',
        termStartsOn: '2026-01-01',
      }),
    },
    {
      path: '/admin/party',
      fields: async () => ({
        ...(await formFields(
          other
            .locator('form', { hasText: '登记或更新党员' })
            .or(other.locator('form', { has: other.locator('select[name="partyOrgId"]') }))
            .first(),
        )),
        partyOrgId: String(partyOrg.id),
        name: '伪造党员',
        phone: '13977770003',
      }),
    },
    { path: '/admin/desk', fields: async () => ({ ...(await formFields(other.locator('main form').last())), phone: '13900001002' }) },
  ];
  for (const a of attempts) {
    await other.goto(a.path);
    const fields = await a.fields();
    const res = await postForm(other.request, baseURL!, a.path, fields);
    const text = await res.text();
    const refused = text.includes('您没有权限做这件事，没有做任何修改。') || text.includes('您负责的范围内没有这个手机号的账户。');
    if (!refused)
      console.log(
        a.path,
        Object.keys(fields),
        text
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 800),
      );
    expect({ path: a.path, fields: Object.keys(fields).filter((k) => !k.startsWith('$')), refused }).toMatchObject({ refused: true });
    await postForm(resident.request, baseURL!, a.path, fields);
    await postForm(visitor.request, baseURL!, a.path, fields);
  }
  expect(await counts()).toEqual(before);
});
