import { beforeAll, describe, expect, test } from 'vitest';
import { listOrganizations, registerOrganization, updateOrganization } from '@/server/organisations/register';
import { byUser } from '../accounts/support';
import { refusal } from '../refusal';
import { orgWorld } from './support';

let w: Awaited<ReturnType<typeof orgWorld>>;
beforeAll(async () => {
  w = await orgWorld();
});

describe("a district's register of organisations (issue 18 item 4)", () => {
  test('street staff register a stationed unit with its credit code; the code is checked; the change is audited', async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const input = { kind: 'STATIONED_UNIT' as const, name: '双流区税务局东升税务所', creditCode: '11510116MB1234567X', hasPartyOrg: true };
    expect(await refusal(registerOrganization(by, w.shuangliu, input))).toBe('organization.creditCodeCheck');
    expect(await refusal(registerOrganization(by, w.shuangliu, { ...input, creditCode: '9135010' }))).toBe('organization.creditCodeLength');
    const org = await registerOrganization(by, w.shuangliu, { ...input, creditCode: ' 91350100m000100y43 ' });
    expect(org).toMatchObject({ kind: 'STATIONED_UNIT', creditCode: '91350100M000100Y43', hasPartyOrg: true, districtId: w.shuangliu });
    expect(await w.db.auditLog.count({ where: { action: 'organization.create', entityId: String(org.id) } })).toBe(1);
    await updateOrganization(by, org.id, { ...input, creditCode: '91350100M000100Y43', name: '国家税务总局成都市双流区税务局东升税务所' });
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: 'organization.update', entityId: String(org.id) } });
    expect(audit.after).toMatchObject({ name: '国家税务总局成都市双流区税务局东升税务所' });
    expect((await listOrganizations(by)).map((o) => o.id)).toContain(org.id);
  });

  test('another district, a grid worker and a resident-level account keep no register here; nothing is written', async () => {
    const input = { kind: 'SOCIAL_ORG' as const, name: '益邻社工', hasPartyOrg: false };
    const before = await w.db.organization.count();
    for (const who of [w.staff.jinyangStreet.id, w.staff.gridWorker.id, w.staff.jinyangSecretary.id]) {
      expect(await refusal(registerOrganization(await byUser(who), w.shuangliu, input))).toBe('auth.forbidden');
    }
    expect(await refusal(listOrganizations(await byUser(w.staff.gridWorker.id)))).toBe('auth.forbidden');
    expect(await w.db.organization.count()).toBe(before);
  });

  test('the same credit code registered twice at once: one organisation, the other refused', async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const input = { kind: 'SOCIAL_ENTERPRISE' as const, name: '东升邻里社会企业', creditCode: '91110000802100433B', hasPartyOrg: false };
    const results = await Promise.all(
      [registerOrganization(by, w.shuangliu, input), registerOrganization(by, w.shuangliu, input)].map(refusal),
    );
    expect(results.sort()).toEqual(['no refusal', 'organization.creditCodeTaken']);
    expect(await w.db.organization.count({ where: { creditCode: '91110000802100433B' } })).toBe(1);
  });
});
