import { beforeAll, describe, expect, test } from 'vitest';
import { createCommunity, createStreet, renameStreet, updateCommunity } from '@/server/territory-admin/divisions';
import { searchPlaces } from '@/server/territory/search-places';
import { getStreet } from '@/server/territory/browse-territory';
import { COMMUNITY_PAGE, pageCommunitiesInScope } from '@/server/admin/scope-lists';
import { listDivisionsToBuild } from '@/server/territory-admin/divisions';
import { createStaff } from '../../factories/accounts';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof world>>;
let wuhouId: number;
let shuangliuId: number;
let districtAdminId: number;
beforeAll(async () => {
  w = await world();
  wuhouId = (await w.db.district.findUniqueOrThrow({ where: { code: '510107' } })).id;
  shuangliuId = (await w.db.district.findUniqueOrThrow({ where: { code: '510116' } })).id;
  districtAdminId = (
    await createStaff(w.db, {
      name: '武侯区管理员',
      phone: '13900009010',
      password: 'staff-pass-1',
      role: 'DISTRICT_ADMIN',
      placeLevel: 'DISTRICT',
      placeId: wuhouId,
    })
  ).id;
});

describe('streets and communities set up by hand', () => {
  test('the district creates and renames a street; its code is the district code + X + a number; audited; public pages find it', async () => {
    const { db } = w;
    const admin = await byUser(districtAdminId);
    const street = await createStreet(admin, { districtId: wuhouId, name: ' 新城 街道 ' });
    expect([street.code, street.name, street.initials]).toEqual(['510107X1', '新城街道', 'xcjd']);
    expect((await createStreet(admin, { districtId: wuhouId, name: '新区街道' })).code).toBe('510107X2');
    await renameStreet(admin, { streetId: street.id, name: '新城街道办' });
    const audits = await db.auditLog.findMany({ where: { entityType: 'Street', entityId: String(street.id) }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.actorId, a.before, a.after])).toEqual([
      ['street.create', districtAdminId, null, { code: '510107X1', name: '新城街道', districtId: wuhouId }],
      ['street.rename', districtAdminId, { name: '新城街道' }, { name: '新城街道办' }],
    ]);
    expect((await searchPlaces('新城街道办')).map((h) => h.key)).toContain('510107X1');
  });

  test('a street office creates and renames a community or village of its street; code street + X + n; audited; found by initials', async () => {
    const { db, jinyang, staff } = w;
    const street = await byUser(staff.jinyangStreet.id);
    const jinyangStreet = await db.street.findUniqueOrThrow({ where: { id: jinyang.streetId } });
    const c = await createCommunity(street, { streetId: jinyang.streetId, name: '新建社区', kind: 'URBAN' });
    expect([c.code, c.initials, c.kind]).toEqual([`${jinyangStreet.code}X1`, 'xjsq', 'URBAN']);
    await updateCommunity(street, { communityId: c.id, name: '新建村', kind: 'VILLAGE' });
    const audits = await db.auditLog.findMany({ where: { entityType: 'Community', entityId: String(c.id) }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.communityId, a.before, a.after])).toEqual([
      ['community.create', c.id, null, { code: c.code, name: '新建社区', kind: 'URBAN', streetId: jinyang.streetId }],
      ['community.update', c.id, { name: '新建社区', kind: 'URBAN' }, { name: '新建村', kind: 'VILLAGE' }],
    ]);
    expect((await searchPlaces('xjc')).map((h) => h.key)).toContain(c.code);
    expect((await getStreet(jinyangStreet.code))!.communities.map((x) => x.code)).toContain(c.code);
    // the district builds communities too, under a street it set up by hand
    const admin = await byUser(districtAdminId);
    const s = await createStreet(admin, { districtId: wuhouId, name: '桐梓林街道' });
    expect((await createCommunity(admin, { streetId: s.id, name: '桐梓林社区', kind: 'URBAN' })).code).toBe(`${s.code}X1`);
  });

  test('each builds only below its own level and in its own places; bad or taken names are refused; nothing is written', async () => {
    const { db, jinyang, tanghu, staff } = w;
    const [admin, street, otherStreet, secretary, gridWorker] = await Promise.all(
      [districtAdminId, staff.jinyangStreet.id, staff.dongshengStreet.id, staff.jinyangSecretary.id, staff.gridWorker.id].map((id) =>
        byUser(id),
      ),
    );
    const audits = await db.auditLog.count();
    const [streets, communities] = [await db.street.count(), await db.community.count()];
    const cases: [string, () => Promise<unknown>, string][] = [
      ['street staff create a street', () => createStreet(street!, { districtId: wuhouId, name: '甲街道' }), 'auth.forbidden'],
      [
        'street staff rename their own street',
        () => renameStreet(street!, { streetId: jinyang.streetId, name: '甲街道' }),
        'auth.forbidden',
      ],
      [
        'a district admin builds in another district',
        () => createStreet(admin!, { districtId: shuangliuId, name: '甲街道' }),
        'auth.forbidden',
      ],
      [
        '… or a community there',
        () => createCommunity(admin!, { streetId: tanghu.streetId, name: '甲社区', kind: 'URBAN' }),
        'auth.forbidden',
      ],
      [
        'another street',
        () => createCommunity(otherStreet!, { streetId: jinyang.streetId, name: '甲社区', kind: 'URBAN' }),
        'auth.forbidden',
      ],
      [
        'a community secretary',
        () => createCommunity(secretary!, { streetId: jinyang.streetId, name: '甲社区', kind: 'URBAN' }),
        'auth.forbidden',
      ],
      [
        'a secretary renames their community',
        () => updateCommunity(secretary!, { communityId: jinyang.id, name: '甲社区', kind: 'URBAN' }),
        'auth.forbidden',
      ],
      [
        'a grid worker',
        () => createCommunity(gridWorker!, { streetId: jinyang.streetId, name: '甲社区', kind: 'URBAN' }),
        'auth.forbidden',
      ],
      [
        'a street that does not exist',
        () => createCommunity(admin!, { streetId: 999_999, name: '甲社区', kind: 'URBAN' }),
        'auth.forbidden',
      ],
      [
        'an official name taken',
        () => createCommunity(street!, { streetId: jinyang.streetId, name: jinyang.name, kind: 'URBAN' }),
        'place.nameTaken',
      ],
      [
        'a rename onto a sibling',
        () => updateCommunity(street!, { communityId: jinyang.id, name: '新建村', kind: 'URBAN' }),
        'place.nameTaken',
      ],
      ['an official street name', () => createStreet(admin!, { districtId: wuhouId, name: jinyang.street.name }), 'place.nameTaken'],
      [
        'a name of one character',
        () => createCommunity(street!, { streetId: jinyang.streetId, name: '甲', kind: 'URBAN' }),
        'place.nameInvalid',
      ],
      ['a name with markup', () => createStreet(admin!, { districtId: wuhouId, name: '<b>街道' }), 'place.nameInvalid'],
    ];
    for (const [what, run, code] of cases) expect([what, await refusal(run())]).toEqual([what, code]);
    expect([await db.auditLog.count(), await db.street.count(), await db.community.count()]).toEqual([audits, streets, communities]);
  });

  test('two requests at once: the same name → one place, the other told it is taken; two names → two codes', async () => {
    const { db, jinyang, staff } = w;
    const street = await byUser(staff.jinyangStreet.id);
    const same = await Promise.all(
      [1, 2].map(() => refusal(createCommunity(street, { streetId: jinyang.streetId, name: '双子社区', kind: 'URBAN' }))),
    );
    expect(same.sort()).toEqual(['no refusal', 'place.nameTaken']);
    expect(await db.community.count({ where: { name: '双子社区' } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'community.create', after: { path: ['name'], equals: '双子社区' } } })).toBe(1);

    const two = await Promise.all(
      ['东社区', '西社区'].map((name) => createCommunity(street, { streetId: jinyang.streetId, name, kind: 'URBAN' })),
    );
    expect(new Set(two.map((c) => c.code)).size).toBe(2);

    const admin = await byUser(districtAdminId);
    const [a, b] = await Promise.all(['南街道', '北街道'].map((name) => createStreet(admin, { districtId: wuhouId, name })));
    const renames = await Promise.all([a!, b!].map((s) => refusal(renameStreet(admin, { streetId: s.id, name: '中街道' }))));
    expect(renames.sort()).toEqual(['no refusal', 'place.nameTaken']);
    expect(await db.street.count({ where: { districtId: wuhouId, name: '中街道' } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'street.rename', after: { path: ['name'], equals: '中街道' } } })).toBe(1);
  });

  test('the database refuses a code that could be an official one, and a second name in the same street', async () => {
    const { db, jinyang } = w;
    const err = (p: Promise<unknown>) =>
      p.then(
        () => 'written',
        (e: Error) => e.message,
      );
    expect(
      await err(
        db.$executeRaw`INSERT INTO "Community" (code, name, initials, "streetId") VALUES ('51010700900', '短码社区', 'dm', ${jinyang.streetId})`,
      ),
    ).toMatch(/Community_code_form/);
    expect(
      await err(
        db.$executeRaw`INSERT INTO "Street" (code, name, initials, "districtId") VALUES ('510107x1', '小写街道', 'xx', ${wuhouId})`,
      ),
    ).toMatch(/Street_code_form/);
    expect(
      await err(
        db.$executeRaw`INSERT INTO "Community" (code, name, initials, "streetId") VALUES ('510107009X99', ${jinyang.name}, 'x', ${jinyang.streetId})`,
      ),
    ).toMatch(/Community_streetId_name_key|unique/i);
  });

  test('the admin lists: a page of communities at a time with a search; streets to build only for the district and street offices', async () => {
    const { db, jinyang, staff } = w;
    const admin = await byUser(districtAdminId);
    const inWuhou = await db.community.count({ where: { street: { districtId: wuhouId } } });
    const first = await pageCommunitiesInScope(admin, 'territory.manage');
    expect([first.items.length, first.total]).toEqual([Math.min(COMMUNITY_PAGE, inWuhou), inWuhou]);
    const last = await pageCommunitiesInScope(admin, 'territory.manage', { page: Math.ceil(inWuhou / COMMUNITY_PAGE) });
    expect(last.items.length).toBe(inWuhou - COMMUNITY_PAGE * (Math.ceil(inWuhou / COMMUNITY_PAGE) - 1));
    expect((await pageCommunitiesInScope(admin, 'territory.manage', { q: jinyang.name })).items.map((c) => c.id)).toContain(jinyang.id);
    expect((await pageCommunitiesInScope(admin, 'territory.manage', { q: jinyang.initials })).items.map((c) => c.id)).toContain(jinyang.id);
    // another district's community is not found, by name or otherwise
    expect((await pageCommunitiesInScope(await byUser(staff.dongshengStreet.id), 'territory.manage', { q: jinyang.name })).total).toBe(0);

    const built = await listDivisionsToBuild(admin);
    expect(built.districts.map((d) => d.id)).toEqual([wuhouId]);
    expect(built.streets.map((s) => s.id)).toContain(jinyang.streetId);
    const street = await listDivisionsToBuild(await byUser(staff.jinyangStreet.id));
    expect([street.districts, street.streets.map((s) => s.id)]).toEqual([[], [jinyang.streetId]]);
    expect(await listDivisionsToBuild(await byUser(staff.jinyangSecretary.id))).toEqual({ districts: [], streets: [] });
  });
});
