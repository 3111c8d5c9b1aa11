import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, test } from 'vitest';
import { GET as anyPath, POST as anyPathPost } from '@/app/api/open311/[...path]/route';
import { GET as resource, POST as resourcePost } from '@/app/api/open311/v2/[resource]/route';
import { GET as oneRequest } from '@/app/api/open311/v2/requests/[file]/route';
import { GET as oneService } from '@/app/api/open311/v2/services/[file]/route';
import { GET as oneToken } from '@/app/api/open311/v2/tokens/[file]/route';
import { ensureIssueCategories } from '@/server/issues/categories';
import { getIssueForViewer } from '@/server/issues/read-issues';
import { apiClientFor, issueApiKey } from '@/server/open311/api-keys';
import { listIntakes, placeIntake } from '@/server/open311/intake';
import { createStaff } from '../../factories/accounts';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

/**
 * GeoReport v2 as its specification writes it (decision 060): the spec's example calls — services.xml, POST
 * requests.xml with its example fields, requests.xml with filters, tokens/{token}.xml, errors, discovery — through the
 * route handlers, read back with a strict XML parser.
 */
type TNode = { name: string; children: TNode[]; text: string };
function parseXml(xml: string): TNode {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const parser = new SaxesParser();
  const root: TNode = { name: '#document', children: [], text: '' };
  const stack = [root];
  parser.on('opentag', (t) => {
    const n: TNode = { name: t.name, children: [], text: '' };
    stack.at(-1)!.children.push(n);
    stack.push(n);
  });
  parser.on('text', (t) => void (stack.at(-1)!.text += t));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}
/** <list><item><a>1</a>…</item>…</list> → [{ a: '1', … }] (nested lists kept as nodes). */
const itemsOf = (n: TNode) => n.children.map((c) => Object.fromEntries(c.children.map((f) => [f.name, f.children.length ? f : f.text])));

const URL_BASE = 'http://yishi.test/api/open311';
type TRoute = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
async function call(route: TRoute, path: string, params: Record<string, string | string[]>, form?: Record<string, string>) {
  const req = form
    ? new Request(`${URL_BASE}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      })
    : new Request(`${URL_BASE}${path}`);
  const res = await route(req, { params: Promise.resolve(params) });
  const type = res.headers.get('content-type') ?? '';
  expect(type).not.toContain('html');
  return { status: res.status, type, text: await res.text() };
}

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  await ensureIssueCategories(base.db);
  const wuhou = await base.db.district.findUniqueOrThrow({ where: { id: base.a.compound.districtId } });
  const admin = await createStaff(base.db, {
    name: '武侯区管理员',
    phone: '13900009211',
    password: 'staff-pass-1',
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: wuhou.id,
  });
  const { key } = await issueApiKey(await byUser(admin.id, '武侯区管理员'), wuhou.id, '成都市12345热线');
  // 北苑小区 has coordinates (GCJ-02, as Chinese map apps give them); the hotline's caller stands 30 m away.
  await base.db.compound.update({ where: { id: base.a.compound.id }, data: { lat: 30.6417, long: 104.0431, address: '晋阳路88号' } });
  const street = await base.db.street.findUniqueOrThrow({ where: { id: base.a.compound.streetId } });
  return { ...base, wuhou, admin, key, client: (await apiClientFor(key))!, street };
}
beforeAll(async () => {
  w = await setup();
});

/** The spec's POST example, in a Chinese city: extra fields it lists (email, device_id, account_id, attribute[…]) are accepted. */
const example = (extra: Record<string, string>) => ({
  api_key: w.key,
  service_code: 'ENVIRONMENT',
  email: 'caller@example.com',
  device_id: 'tt222111',
  account_id: '123456',
  first_name: '女士',
  last_name: '周',
  phone: '028-85551234',
  description: '小区门口的垃圾桶三天没有清运，味道很大',
  media_url: 'https://media.example.com/12345/photo-1.jpg',
  'attribute[WHISHETN]': '123',
  ...extra,
});
const postXml = (form: Record<string, string>) => call(resourcePost, '/v2/requests.xml', { resource: 'requests.xml' }, form);

describe('GeoReport v2 conformance (decision 060)', () => {
  test('services.xml and services.json: the same list, XML as the spec writes it', async () => {
    const xml = await call(resource, `/v2/services.xml?jurisdiction_id=${w.wuhou.code}`, { resource: 'services.xml' });
    expect([xml.status, xml.type]).toEqual([200, 'text/xml; charset=utf-8']);
    const doc = parseXml(xml.text);
    expect(doc.name).toBe('services');
    const env = itemsOf(doc).find((s) => s.service_code === 'ENVIRONMENT');
    expect(env).toEqual({
      service_code: 'ENVIRONMENT',
      service_name: '环境卫生',
      description: '环境卫生',
      metadata: 'false',
      type: 'realtime',
      keywords: '',
      group: '',
    });
    const json = await call(resource, `/v2/services.json?jurisdiction_id=${w.wuhou.code}`, { resource: 'services.json' });
    expect(json.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.text).map((s: { service_code: string }) => s.service_code)).toEqual(itemsOf(doc).map((s) => s.service_code));
    const def = await call(oneService, `/v2/services/ENVIRONMENT.xml?jurisdiction_id=${w.wuhou.code}`, { file: 'ENVIRONMENT.xml' });
    const d = parseXml(def.text);
    expect([d.name, d.children.map((c) => [c.name, c.text])]).toEqual([
      'service_definition',
      [
        ['service_code', 'ENVIRONMENT'],
        ['attributes', ''],
      ],
    ]);
  });

  test('POST requests.xml with the spec’s example fields: a free address finds the compound; a landline and media_url are kept', async () => {
    const res = await postXml(example({ address_string: '武侯区晋阳街道北苑小区3栋门口', idempotency_key: 'conf-0001' }));
    expect(res.status).toBe(200);
    const doc = parseXml(res.text);
    expect(doc.name).toBe('service_requests');
    const [created] = itemsOf(doc);
    expect(Object.keys(created!)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    const row = await w.db.issue.findUniqueOrThrow({ where: { id: Number(created!.service_request_id) } });
    expect([row.compoundId, row.reporterName, row.reporterPhone, row.mediaUrl, row.anonymous]).toEqual([
      w.a.compound.id,
      '周女士',
      '028-85551234',
      'https://media.example.com/12345/photo-1.jpg',
      false,
    ]);

    // Staff see the caller's link on the issue page; a resident reading an issue never gets it.
    const seen = await getIssueForViewer(await byUser(w.staff.jinyangSecretary.id), row.id);
    expect(seen?.mediaUrl).toBe('https://media.example.com/12345/photo-1.jpg');

    const one = await call(oneRequest, `/v2/requests/${row.id}.xml?api_key=${w.key}`, { file: `${row.id}.xml` });
    const [r] = itemsOf(parseXml(one.text));
    expect(Object.keys(r!)).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ]);
    expect(r).toMatchObject({
      service_request_id: String(row.id),
      status: 'open',
      agency_responsible: '晋阳社区居民委员会 北苑小区网格',
      address: '晋阳社区 北苑小区',
      lat: '30.6417',
      long: '104.0431',
      media_url: 'https://media.example.com/12345/photo-1.jpg',
    });
    // Without the key a board's worth: no description, no caller's photo; never the caller.
    const pub = await call(oneRequest, `/v2/requests/${row.id}.json?jurisdiction_id=${w.wuhou.code}`, { file: `${row.id}.json` });
    expect(JSON.parse(pub.text)[0]).toMatchObject({
      media_url: null,
      description: null,
      agency_responsible: '晋阳社区居民委员会 北苑小区网格',
    });
    expect(one.text + pub.text).not.toMatch(/85551234|周女士/);
  });

  test('the handling unit is named once at every level (not "晋阳社区社区")', async () => {
    const [c] = itemsOf(parseXml((await postXml(example({ address_id: String(w.a.compound.id) }))).text));
    const id = Number(c!.service_request_id);
    for (const [level, agency] of [
      ['COMMUNITY', '晋阳社区居民委员会'],
      ['STREET', `${w.street.name}办事处`],
    ] as const) {
      await w.db.issue.update({ where: { id }, data: { level } });
      const res = await call(oneRequest, `/v2/requests/${id}.json?api_key=${w.key}`, { file: `${id}.json` });
      expect(JSON.parse(res.text)[0].agency_responsible).toBe(agency);
    }
  });

  test('lat/long place a request at the nearest compound; far away it is accepted unplaced with a token until staff place it', async () => {
    const near = await postXml(example({ lat: '30.6419', long: '104.0433', description: '路灯不亮，晚上很黑，老人走路不安全' }));
    const [n] = itemsOf(parseXml(near.text));
    expect((await w.db.issue.findUniqueOrThrow({ where: { id: Number(n!.service_request_id) } })).compoundId).toBe(w.a.compound.id);

    const before = await w.db.issue.count();
    const far = await postXml(example({ lat: '30.70', long: '104.10', address_string: '天府广场东侧', idempotency_key: 'conf-far-1' }));
    expect(far.status).toBe(200);
    const [f] = itemsOf(parseXml(far.text));
    expect(Object.keys(f!)).toEqual(['token', 'service_notice', 'account_id']);
    expect(f!.service_notice).toContain('待工作人员');
    expect(await w.db.issue.count()).toBe(before);
    // The client retrying gets the same token.
    const again = itemsOf(parseXml((await postXml(example({ lat: '30.70', long: '104.10', idempotency_key: 'conf-far-1' }))).text));
    expect(again[0]!.token).toBe(f!.token);

    const pending = await call(oneToken, `/v2/tokens/${f!.token}.xml`, { file: `${f!.token}.xml` });
    expect(itemsOf(parseXml(pending.text))).toEqual([{ service_request_id: '', token: f!.token }]);

    // Staff of the district see it in their queue and place it; two clicks at once store one issue.
    const admin = await byUser(w.admin.id, '武侯区管理员');
    const [queued] = await listIntakes(admin);
    expect(queued).toMatchObject({ addressString: '天府广场东侧', description: example({}).description, districtId: w.wuhou.id });
    expect(await listIntakes(await byUser(w.staff.gridWorker.id))).toEqual([]);
    expect(await refusal(placeIntake(await byUser(w.staff.gridWorker.id), queued!.id, w.a.compound.id))).toBe('auth.forbidden');
    expect(await refusal(placeIntake(admin, queued!.id, w.b.compound.id))).toBe('open311.addressUnknown');
    const placed = await Promise.allSettled([
      placeIntake(admin, queued!.id, w.a.compound.id),
      placeIntake(admin, queued!.id, w.a.compound.id),
    ]);
    expect(placed.filter((p) => p.status === 'fulfilled')).toHaveLength(2);
    expect(await w.db.issue.count()).toBe(before + 1);
    const issue = await w.db.issue.findFirstOrThrow({
      where: { idempotencyKey: { startsWith: 'o311-' }, id: { gt: Number(n!.service_request_id) } },
    });
    expect([issue.compoundId, issue.channel, issue.reporterPhone, issue.mediaUrl]).toEqual([
      w.a.compound.id,
      'OPEN311',
      '028-85551234',
      'https://media.example.com/12345/photo-1.jpg',
    ]);
    expect(await listIntakes(admin)).toEqual([]);
    expect(await w.db.auditLog.count({ where: { action: 'open311.place', entityId: String(queued!.id) } })).toBe(1);
    const done = await call(oneToken, `/v2/tokens/${f!.token}.json`, { file: `${f!.token}.json` });
    expect(JSON.parse(done.text)).toEqual([{ service_request_id: String(issue.id), token: f!.token }]);
  });

  test('GET requests: comma-separated status and service_code; service_request_id ignores every other filter', async () => {
    const list = (q: string) => call(resource, `/v2/requests.json?api_key=${w.key}&${q}`, { resource: 'requests.json' });
    const all = JSON.parse((await list('status=open,closed')).text) as { service_request_id: string; service_code: string }[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    await w.db.issue.update({ where: { id: Number(all[0]!.service_request_id) }, data: { state: 'CLOSED' } });
    expect(JSON.parse((await list('status=closed')).text)).toHaveLength(1);
    expect(JSON.parse((await list('status=open')).text)).toHaveLength(all.length - 1);
    expect(JSON.parse((await list('service_code=ENVIRONMENT,PARKING')).text)).toHaveLength(all.length);
    expect(JSON.parse((await list('service_code=PARKING,LIFT')).text)).toHaveLength(0);
    const ids = all.slice(0, 2).map((r) => r.service_request_id);
    const picked = JSON.parse(
      (await list(`service_request_id=${ids.join(',')}&status=open&service_code=LIFT&start_date=2030-01-01T00:00:00Z`)).text,
    );
    expect(picked.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([...ids].sort());
    const xml = await call(resource, `/v2/requests.xml?api_key=${w.key}&status=open,closed`, { resource: 'requests.xml' });
    expect(itemsOf(parseXml(xml.text))).toHaveLength(all.length);
  });

  test('errors are GeoReport errors in the asked format — bad input, unknown paths and formats — never an HTML page', async () => {
    const badUrl = await postXml(example({ address_id: String(w.a.compound.id), media_url: 'javascript:alert(1)' }));
    expect(badUrl.status).toBe(400);
    const err = parseXml(badUrl.text);
    expect(err.name).toBe('errors');
    expect(itemsOf(err)[0]).toEqual({ code: '400', description: expect.stringContaining('media_url') });
    const ftp = await postXml(example({ address_id: String(w.a.compound.id), media_url: 'ftp://x.example/a.jpg' }));
    expect(ftp.status).toBe(400);
    const badStatus = await call(resource, `/v2/requests.xml?api_key=${w.key}&status=pending`, { resource: 'requests.xml' });
    expect([badStatus.status, parseXml(badStatus.text).name]).toEqual([400, 'errors']);
    const noKey = await postXml(example({ api_key: '', address_id: String(w.a.compound.id) }));
    expect([noKey.status, itemsOf(parseXml(noKey.text))[0]!.code]).toEqual([403, '403']);
    const noPlace = await postXml(example({}));
    expect([noPlace.status, itemsOf(parseXml(noPlace.text))[0]!.description]).toEqual([400, expect.stringContaining('address_string')]);

    const unknownXml = await call(resource, '/v2/reports.xml', { resource: 'reports.xml' });
    expect([unknownXml.status, itemsOf(parseXml(unknownXml.text))[0]!.code]).toEqual([404, '404']);
    const html = await call(resource, '/v2/services.html', { resource: 'services.html' });
    expect([html.status, JSON.parse(html.text)[0].code]).toEqual([404, 404]);
    const deep = await call(anyPath, '/v2/requests/1/notes.xml', { path: ['v2', 'requests', '1', 'notes.xml'] });
    expect([deep.status, parseXml(deep.text).name]).toEqual([404, 'errors']);
    const other = await call(anyPathPost, '/v3/requests.json', { path: ['v3', 'requests.json'] }, { a: '1' });
    expect([other.status, JSON.parse(other.text)[0].code]).toEqual([404, 404]);
    const missing = await call(oneRequest, `/v2/requests/999999.xml?jurisdiction_id=${w.wuhou.code}`, { file: '999999.xml' });
    expect([missing.status, itemsOf(parseXml(missing.text))[0]!.code]).toEqual([404, '404']);
  });

  test('a discovery document, in JSON and XML, points at the v2 endpoint with both formats', async () => {
    const json = await call(anyPath, '/discovery.json', { path: ['discovery.json'] });
    const d = JSON.parse(json.text);
    expect(d).toMatchObject({
      changeset: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      contact: expect.any(String),
      key_service: expect.stringMatching(/^https?:\/\/.+\/admin\/api-keys$/),
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: expect.stringMatching(/^https?:\/\/.+\/api\/open311\/v2$/),
          changeset: d.changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    const xml = parseXml((await call(anyPath, '/discovery.xml', { path: ['discovery.xml'] })).text);
    expect(xml.name).toBe('discovery');
    const endpoint = xml.children.find((c) => c.name === 'endpoints')!.children[0]!;
    expect(endpoint.children.find((c) => c.name === 'formats')!.children.map((f) => [f.name, f.text])).toEqual([
      ['format', 'text/xml'],
      ['format', 'application/json'],
    ]);
    const v2 = await call(resource, '/v2/discovery.json', { resource: 'discovery.json' });
    expect(JSON.parse(v2.text).endpoints[0].url).toBe(d.endpoints[0].url);
  });
});
