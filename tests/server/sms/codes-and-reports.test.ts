import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { POST } from '@/app/api/sms/reports/[provider]/route';
import { getCodeSender } from '@/server/accounts/code-sender';
import { createUser } from '../../factories/accounts';
import { testDb } from '../db';
import { fakeAliyun, type TFake } from './fake-providers';

let ali: TFake;
const saved = { ...process.env };
beforeAll(async () => {
  ali = await fakeAliyun({ LTAIcodes: 'codes-secret' }, 100);
});
afterAll(async () => ali.close());
afterEach(() => {
  process.env = { ...saved };
  vi.restoreAllMocks();
});

const configure = () =>
  Object.assign(process.env, {
    YISHI_SMS_PROVIDER: 'aliyun',
    YISHI_SMS_KEY_ID: 'LTAIcodes',
    YISHI_SMS_KEY_SECRET: 'codes-secret',
    YISHI_SMS_SIGN_NAME: '议事',
    YISHI_SMS_TEMPLATE_NOTIFY: 'SMS_N',
    YISHI_SMS_TEMPLATE_CODE: 'SMS_CODE',
    YISHI_SMS_TEMPLATE_DIGEST: 'SMS_DIGEST',
    YISHI_SMS_ENDPOINT: ali.url,
  });

describe('one-time codes by SMS when a provider is configured', () => {
  test('the code goes with the CODE template, at most one a minute per number; the outbox file and the log stay as they were', async () => {
    configure();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'codes-')), 'outbox.jsonl');
    process.env.YISHI_CODE_OUTBOX = file;
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (lines.push(String(s)), true));
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await getCodeSender().send({ phone: '13900009631', purpose: 'registration', code: '483920' });
    await getCodeSender().send({ phone: '13900009631', purpose: 'registration', code: '111222' });
    await getCodeSender().send({ phone: '13900009632', purpose: 'password-reset', code: 'AB12-CD34' });
    expect(ali.received.map((r) => [r.phone, r.template, r.params])).toEqual([
      ['13900009631', 'SMS_CODE', { code: '483920' }],
      ['13900009632', 'SMS_CODE', { code: 'AB12-CD34' }],
    ]);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(['code.sms.sent', 'code.sms.limited', 'code.sms.sent']);
    expect(lines.join('')).not.toMatch(/13900009631|483920|111222/);
  });

  test('without a provider nothing is sent and the code is handed over on paper, as before', async () => {
    delete process.env.YISHI_SMS_PROVIDER;
    const before = ali.received.length;
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await getCodeSender().send({ phone: '13900009633', purpose: 'password-reset', code: 'ZZ99-YY88' });
    expect(ali.received.length).toBe(before);
    expect(info.mock.calls.join(' ')).toContain('139****9633');
  });
});

describe('the delivery-report callback', () => {
  const call = (provider: string, token: string, body: unknown) =>
    POST(new Request(`http://x/api/sms/reports/${provider}?token=${token}`, { method: 'POST', body: JSON.stringify(body) }), {
      params: Promise.resolve({ provider }),
    } as never);

  test('answers 404 without the configured token, and the provider’s acknowledgement with it', async () => {
    const db = testDb();
    const u = await createUser(db, { phone: '13900009634', password: 'x-pass-1234' });
    const n = await db.notification.create({ data: { userId: u.id, kind: 'meeting.invited', title: 't', body: 'b' } });
    const d = await db.delivery.create({
      data: { notificationId: n.id, userId: u.id, channel: 'SMS', status: 'SENT', providerMessageId: '2028:77' },
    });
    const report = [
      { mobile: '13900009634', report_status: 'SUCCESS', errmsg: 'DELIVRD', description: '用户短信送达成功', sid: '2028:77' },
    ];
    expect((await call('tencent', 'whatever-token-123', report)).status).toBe(404);
    process.env.YISHI_SMS_REPORT_TOKEN = 'the-report-token-1234';
    expect((await call('tencent', 'wrong-token-1234567', report)).status).toBe(404);
    const ok = await call('tencent', 'the-report-token-1234', report);
    expect([ok.status, await ok.json()]).toEqual([200, { result: 0, errmsg: 'OK' }]);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: d.id } })).status).toBe('DELIVERED');
    expect((await call('aliyun', 'the-report-token-1234', { not: 'a list' })).status).toBe(400);
  });
});
