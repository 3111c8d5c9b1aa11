import { beforeAll, describe, expect, test } from 'vitest';
import { refusal } from '../refusal';
import { importTable, previewTable } from '@/server/imports/table-import';
import { partyMemberImport } from '@/server/party/import-members';
import { createPartyOrg } from '@/server/party/orgs';
import { partyWorld } from './support';

let w: Awaited<ReturnType<typeof partyWorld>>;
beforeAll(async () => {
  w = await partyWorld();
  await createPartyOrg(w.by.street, { kind: 'COMMUNITY_COMMITTEE', name: '晋阳社区党委', placeId: w.jinyang.id });
  await createPartyOrg(w.by.community, { kind: 'COMPOUND_BRANCH', name: '北苑小区党支部', placeId: w.a.compound.id });
});
const csv = (...lines: string[]) => ({ name: 'party.csv', bytes: Buffer.from(lines.join('\n'), 'utf8') });
const HEADER = '姓名,手机号,所在党组织,入党日期,流动党员,在职党员双报到,工作单位,认领岗位';
const members = () => w.db.partyMember.count({ where: { partyOrg: { communityId: w.jinyang.id } } });

describe('importing party members (issue 18 item 6)', () => {
  test('errors by row: unknown organisation, bad phone, bad date, a yes/no that is neither, a phone twice; nothing is written', async () => {
    const { by, jinyang } = w;
    const file = csv(
      HEADER,
      '甲,13811110001,晋阳社区党委,2001-07-01,否,是,区税务局,楼栋联络员',
      '乙,1381111,晋阳社区党委,,,,,',
      '丙,13811110003,不存在的党支部,,,,,',
      '丁,13811110004,北苑小区党支部,2001-02-30,也许,,,',
      '戊,13811110001,北苑小区党支部,,,,,',
    );
    const preview = await previewTable(partyMemberImport, by.community, jinyang.id, file);
    expect(preview.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'phone', 'roster.phoneInvalid'],
      [4, 'org', 'partyImport.orgUnknown'],
      [5, 'joinedOn', 'partyImport.dateInvalid'],
      [5, 'mobile', 'partyImport.yesNo'],
      [6, 'phone', 'partyImport.duplicatePhone'],
    ]);
    expect(await refusal(importTable(partyMemberImport, by.community, jinyang.id, file))).toBe('import.hasErrors');
    expect(await members()).toBe(0);
  });

  test('a preview counts, the import registers once, a re-import changes nothing, a changed row updates', async () => {
    const { db, by, jinyang } = w;
    const rows = ['甲,13811110001,晋阳社区党委,2001-07-01,否,是,区税务局,楼栋联络员', '乙,13811110002,北苑小区党支部,2010/3/5,是,,,'];
    const file = csv(HEADER, ...rows);
    expect((await previewTable(partyMemberImport, by.community, jinyang.id, file)).changes).toEqual({ created: 2 });
    expect(await members()).toBe(0);
    expect(await importTable(partyMemberImport, by.community, jinyang.id, file)).toEqual({ created: 2 });
    const yi = await db.partyMember.findFirstOrThrow({ where: { person: { phone: '13811110002' } }, include: { partyOrg: true } });
    expect([yi.partyOrg.name, yi.mobile, yi.joinedOn?.toISOString().slice(0, 10)]).toEqual(['北苑小区党支部', true, '2010-03-05']);
    expect(await importTable(partyMemberImport, by.community, jinyang.id, file)).toEqual({});
    const moved = csv(HEADER, rows[0]!, '乙,13811110002,晋阳社区党委,2010-03-05,是,,,');
    expect(await importTable(partyMemberImport, by.community, jinyang.id, moved)).toEqual({ updated: 1 });
    expect(await db.auditLog.count({ where: { action: 'partyMember.import', entityId: String(jinyang.id) } })).toBe(3);
  });

  test('two imports of one file at once: each member registered once', async () => {
    const { by, jinyang } = w;
    const file = csv(HEADER, ...Array.from({ length: 20 }, (_, i) => `党员${i},1381112${String(i).padStart(4, '0')},北苑小区党支部,,,,,`));
    const [a, b] = await Promise.all([
      importTable(partyMemberImport, by.community, jinyang.id, file),
      importTable(partyMemberImport, by.street, jinyang.id, file),
    ]);
    expect([a.created ?? 0, b.created ?? 0].sort((x, y) => x - y)).toEqual([0, 20]);
    expect(await members()).toBe(22);
  });

  test('another street’s staff and a grid worker may not import into the community', async () => {
    const { by, jinyang } = w;
    const file = csv(HEADER, '己,13811110009,晋阳社区党委,,,,,');
    for (const who of [by.otherStreet, by.gridWorker]) {
      expect(await refusal(importTable(partyMemberImport, who, jinyang.id, file))).toBe('auth.forbidden');
    }
    expect(await members()).toBe(22);
  });

  test('one person imported in two communities at once: one import waits for the other or is told to try again, never a raw error', async () => {
    const { db, by, jinyang } = w;
    const other = await db.community.findFirstOrThrow({ where: { streetId: jinyang.streetId, id: { not: jinyang.id } } });
    await createPartyOrg(by.street, { kind: 'COMMUNITY_COMMITTEE', name: '邻社区党委', placeId: other.id });
    // The shared person first, then enough rows that both transactions are open at once.
    const file = (org: string, prefix: string) =>
      csv(
        HEADER,
        `双报到,13811119999,${org},,,,,`,
        ...Array.from(
          { length: 30 },
          (_, i) => `${prefix}${i},${prefix === 'a' ? '13811117' : '13811118'}${String(i).padStart(3, '0')},${org},,,,,`,
        ),
      );
    const run = (placeId: number, org: string, prefix: string) => importTable(partyMemberImport, by.street, placeId, file(org, prefix));
    const results = await Promise.all([run(jinyang.id, '晋阳社区党委', 'a'), run(other.id, '邻社区党委', 'b')].map(refusal));
    for (const r of results) expect(['no refusal', 'import.conflict']).toContain(r);
    expect(await db.person.count({ where: { phone: '13811119999' } })).toBe(1);
  });
});
