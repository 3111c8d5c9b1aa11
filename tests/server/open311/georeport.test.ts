import { beforeAll, describe, expect, test } from 'vitest';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { ensureIssueCategories } from '@/server/issues/categories';
import { markTakenUpAsTopic } from '@/server/issues/topic-seam';
import { getIssueForViewer, listInbox } from '@/server/issues/read-issues';
import { apiClientFor, issueApiKey, listApiKeys, revokeApiKey } from '@/server/open311/api-keys';
import { getServiceRequests, listServices, postServiceRequest, ZPostRequest } from '@/server/open311/georeport';
import { ZRequestQuery } from '@/server/open311/query';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  await ensureIssueCategories(base.db);
  const wuhou = await base.db.district.findUniqueOrThrow({ where: { id: base.a.compound.districtId } });
  const shuangliu = await base.db.district.findUniqueOrThrow({ where: { id: base.b.compound.districtId } });
  const admin = await createStaff(base.db, {
    name: '武侯区管理员',
    phone: '13900009201',
    password: 'staff-pass-1',
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: wuhou.id,
  });
  const { key } = await issueApiKey(await byUser(admin.id, '武侯区管理员'), wuhou.id, '成都市12345热线');
  const client = (await apiClientFor(key))!;
  return { ...base, wuhou, shuangliu, admin, key, client };
}
beforeAll(async () => {
  w = await setup();
});
const post = (extra: Record<string, string>) =>
  postServiceRequest(
    w.client,
    ZPostRequest.parse({ service_code: 'ENVIRONMENT', description: '北苑小区门口垃圾堆了三天没人清运', ...extra }),
  );

describe('Open311 GeoReport v2', () => {
  test('services of a district, in Chinese or English', async () => {
    const zh = await listServices(w.wuhou.id, 'zh-CN');
    expect(zh.map((s) => s.service_code)).toEqual(expect.arrayContaining(['PARKING', 'ENVIRONMENT', 'OTHER']));
    expect(zh.find((s) => s.service_code === 'ENVIRONMENT')).toMatchObject({ service_name: '环境卫生', metadata: false, type: 'realtime' });
    expect((await listServices(w.wuhou.id, 'en')).find((s) => s.service_code === 'ENVIRONMENT')?.service_name).toBe(
      'Environment and sanitation',
    );
  });

  test('a hotline call posted with the district key becomes an issue routed like any other; the caller’s number is kept for the call-back', async () => {
    const { db, a, client, staff } = w;
    const [created] = await post({
      address_id: String(a.compound.id),
      last_name: '孙',
      first_name: '先生',
      phone: '137 1234 5678',
      idempotency_key: 'hotline-0001',
    });
    const id = Number(created!.service_request_id);
    const row = await db.issue.findUniqueOrThrow({ where: { id } });
    expect([row.channel, row.apiKeyId, row.reporterName, row.reporterPhone, row.anonymous, row.compoundId]).toEqual([
      'OPEN311',
      client.keyId,
      '孙先生',
      '13712345678',
      false,
      a.compound.id,
    ]);
    expect(row.assigneeUserId).not.toBeNull();
    // The client retrying with the same key stores one issue.
    expect(
      (await post({ address_id: String(a.compound.id), phone: '13712345678', idempotency_key: 'hotline-0001' }))[0]!.service_request_id,
    ).toBe(String(id));
    // Staff see the caller; the API never gives reporter data.
    expect((await getIssueForViewer(await byUser(staff.jinyangSecretary.id), id))?.author).toEqual({
      name: '孙先生',
      phone: '13712345678',
    });
    const [one] = await getServiceRequests({ ids: [id] }, client, 'zh-CN');
    expect(one).toMatchObject({
      service_request_id: String(id),
      status: 'open',
      service_code: 'ENVIRONMENT',
      address_id: String(a.compound.id),
      address: '晋阳社区 北苑小区',
    });
    expect(JSON.stringify(one)).not.toContain('13712345678');
    expect(JSON.stringify(one)).not.toContain('孙先生');
  });

  test('status follows the issue; without a key only public fields are shown', async () => {
    const { a, client, staff, wuhou } = w;
    const [c] = await post({ address_string: '北苑小区' });
    const id = Number(c!.service_request_id);
    const sec = await byUser(staff.jinyangSecretary.id, '刘书记');
    await actOnIssue(sec, id, { type: 'ACKNOWLEDGE' });
    await actOnIssue(sec, id, { type: 'RESOLVE', message: '已联系环卫清运' });
    const [full] = await getServiceRequests(ZRequestQuery.parse({ service_request_id: String(id) }), client, 'zh-CN');
    expect(full).toMatchObject({ status: 'closed', status_notes: '已联系环卫清运', expected_datetime: null });
    expect(full?.description).toContain('垃圾堆了三天');
    const [pub] = await getServiceRequests(
      ZRequestQuery.parse({ jurisdiction_id: wuhou.code, service_request_id: String(id) }),
      null,
      'zh-CN',
    );
    expect([pub?.status, pub?.description, pub?.status_notes]).toEqual(['closed', null, null]);
    // Filters: status and service code.
    const open = await getServiceRequests(ZRequestQuery.parse({ status: 'open' }), client, 'zh-CN');
    expect(open.map((r) => r.service_request_id)).not.toContain(String(id));
    expect((await getServiceRequests(ZRequestQuery.parse({ service_code: 'PARKING' }), client, 'zh-CN')).length).toBe(0);
    expect(a.compound.id).toBeGreaterThan(0);
  });

  test('a caller who left no number is anonymous; nothing identifies them', async () => {
    const { db, a } = w;
    const [c] = await post({ address_id: String(a.compound.id), first_name: '不留号' });
    const row = await db.issue.findUniqueOrThrow({ where: { id: Number(c!.service_request_id) } });
    expect([row.anonymous, row.reporterName, row.reporterPhone, row.authorUserId]).toEqual([true, null, null, null]);
  });

  test('a caller with an account becomes the author and follows it in the app', async () => {
    const { db, a } = w;
    const owner = a.owners[2]!;
    await db.person.update({ where: { id: owner.id }, data: { phone: '13811114444' } });
    const resident = await createVerifiedResident(db, {
      personId: owner.id,
      phone: '13811114444',
      password: 'x-pass-1234',
      householdId: a.households[2]!.id,
    });
    const [c] = await post({ address_id: String(a.compound.id), phone: '13811114444' });
    const id = Number(c!.service_request_id);
    expect((await db.issue.findUniqueOrThrow({ where: { id } })).authorUserId).toBe(resident.id);
    expect((await getIssueForViewer(await byUser(resident.id), id))?.viewer.isReporter).toBe(true);
  });

  test('refusals: another district’s compound, unknown service, no place, bad phone, a revoked key — nothing stored', async () => {
    const { db, b, admin, wuhou, key } = w;
    const before = await db.issue.count();
    expect(await refusal(post({ address_id: String(b.compound.id) }))).toBe('open311.addressUnknown');
    expect(await refusal(post({ address_id: String(w.a.compound.id), service_code: 'NOPE' }))).toBe('open311.serviceUnknown');
    expect(await refusal(post({}))).toBe('open311.addressRequired');
    expect(() => ZPostRequest.parse({ service_code: 'ENVIRONMENT', description: '很长的描述内容', phone: '12345' })).toThrow();
    expect(() => ZPostRequest.parse({ service_code: 'ENVIRONMENT', description: '短' })).toThrow();
    expect(await refusal(getServiceRequests({ jurisdictionId: '999999' }, null, 'zh-CN'))).toBe('open311.jurisdictionUnknown');
    expect(await refusal(getServiceRequests({}, null, 'zh-CN'))).toBe('open311.jurisdictionRequired');
    expect(await db.issue.count()).toBe(before);
    // Keys: only the district's admin manages them; a revoked key is no key.
    const keys = await listApiKeys(await byUser(admin.id), wuhou.id);
    expect(keys.map((k) => [k.name, k.revokedAt])).toEqual([['成都市12345热线', null]]);
    expect(await refusal(issueApiKey(await byUser(w.staff.jinyangStreet.id), wuhou.id, 'x'))).toBe('auth.forbidden');
    expect(await refusal(listApiKeys(await byUser(admin.id), w.shuangliu.id))).toBe('auth.forbidden');
    await revokeApiKey(await byUser(admin.id), wuhou.id, keys[0]!.id);
    expect(await apiClientFor(key)).toBeNull();
    expect(await apiClientFor('ys_not-a-key')).toBeNull();
    expect(await db.auditLog.count({ where: { action: { in: ['apiKey.issue', 'apiKey.revoke'] } } })).toBe(2);
  });
});

describe('the seam to deliberation topics', () => {
  test('an issue taken up as a topic says so on its page and tells its reporters', async () => {
    const { db, a, staff } = w;
    const owner = a.owners[3]!;
    await db.person.update({ where: { id: owner.id }, data: { phone: '13811115555' } });
    const resident = await createVerifiedResident(db, {
      personId: owner.id,
      phone: '13811115555',
      password: 'x-pass-1234',
      householdId: a.households[3]!.id,
    });
    const { raiseIssue } = await import('@/server/issues/raise-issue');
    const category = await db.issueCategory.findFirstOrThrow({ where: { code: 'PARKING', districtId: null } });
    const { id } = await raiseIssue(await byUser(resident.id), {
      categoryId: category.id,
      title: '停车难',
      description: '晚上车位不够',
      compoundId: a.compound.id,
      anonymous: false,
      idempotencyKey: 'topic-seam-1',
    });
    await db.$transaction((tx) =>
      markTakenUpAsTopic(tx, { userId: staff.jinyangSecretary.id, label: '刘书记' }, [id], { id: 42, title: '北苑停车位规划' }),
    );
    const seen = await getIssueForViewer(await byUser(resident.id), id);
    expect([seen?.topicId, seen?.events.at(-1)?.type, seen?.events.at(-1)?.message]).toEqual([42, 'TAKEN_UP', '#42 北苑停车位规划']);
    expect((await listInbox(resident.id)).items.map((n) => n.kind)).toContain('issue.takenUp');
  });
});

describe('words, not codes (issue 19 item 4)', () => {
  test('a request the escalation pass moved up tells the caller which deadline was missed in words', async () => {
    const [c] = await post({ address_string: '北苑小区', description: '北苑小区路灯坏了一周' });
    const id = Number(c!.service_request_id);
    const { runEscalationPass } = await import('@/server/issues/escalation-pass');
    await runEscalationPass(new Date(Date.now() + 3 * 86_400_000));
    const query = ZRequestQuery.parse({ service_request_id: String(id) });
    const [zh] = await getServiceRequests(query, w.client, 'zh-CN');
    const [en] = await getServiceRequests(query, w.client, 'en');
    expect([zh?.status_notes, en?.status_notes]).toEqual(['受理超时', 'The acknowledgement deadline passed']);
  });
});
