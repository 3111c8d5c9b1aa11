import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aliyunSignature, aliyunStringToSign, aliyunTransport } from '@/server/sms/aliyun';
import { tc3Sign, tencentTransport } from '@/server/sms/tencent';
import type { TSmsConfig } from '@/server/sms/types';
import { fakeAliyun, fakeTencent, type TFake } from './fake-providers';

const templates = { NOTIFY: 'SMS_1001', CODE: 'SMS_1002', DIGEST: 'SMS_1003' };
const message = {
  template: 'NOTIFY' as const,
  params: [
    ['what', '会议通知'],
    ['title', '加装电梯议事会'],
    ['link', 'https://yishi.example/m/3'],
  ] as [string, string][],
};

describe('the providers documented signature examples', () => {
  test('Alibaba RPC HMAC-SHA1: the documented DescribeRegions example (AccessKeySecret testsecret)', () => {
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    };
    expect(aliyunStringToSign('GET', params)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(aliyunSignature('GET', params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  test('Tencent TC3-HMAC-SHA256: the documented DescribeInstances example (timestamp 1551113065)', () => {
    const s = tc3Sign({
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      service: 'cvm',
      host: 'cvm.tencentcloudapi.com',
      timestamp: 1551113065,
      payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    });
    expect(s).toEqual({
      scope: '2019-02-25/cvm/tc3_request',
      signedHeaders: 'content-type;host',
      signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    });
  });
});

let ali: TFake;
let tc: TFake;
beforeAll(async () => {
  [ali, tc] = await Promise.all([fakeAliyun({ LTAI5tYishi: 'right-secret' }), fakeTencent({ AKIDyishi: 'right-key' })]);
});
afterAll(async () => Promise.all([ali.close(), tc.close()]));

const config = (over: Partial<TSmsConfig>): TSmsConfig => ({ keyId: '', keySecret: '', signName: '议事平台', templates, ...over });

describe('Alibaba Cloud SMS against a server that checks the signature', () => {
  test('a signed SendSms is accepted with the template, sign and parameters; the BizId comes back; the per-minute limit says retry later', async () => {
    const sms = aliyunTransport(config({ keyId: 'LTAI5tYishi', keySecret: 'right-secret', endpoint: ali.url }));
    const first = await sms.send('13900009621', message, 'd41');
    expect(first).toEqual({ ok: true, messageId: '9006197469364984^1' });
    expect(ali.received).toEqual([
      {
        phone: '13900009621',
        template: 'SMS_1001',
        params: { what: '会议通知', title: '加装电梯议事会', link: 'https://yishi.example/m/3' },
        ref: 'd41',
      },
    ]);
    expect(await sms.send('13900009621', message, 'd42')).toEqual({
      ok: false,
      retry: true,
      code: 'isv.BUSINESS_LIMIT_CONTROL',
      waitSeconds: 3600,
    });
  });

  test('a wrong secret: the server refuses the signature and the adapter reports a failure not worth retrying', async () => {
    const sms = aliyunTransport(config({ keyId: 'LTAI5tYishi', keySecret: 'wrong-secret', endpoint: ali.url }));
    expect(await sms.send('13900009622', message)).toEqual({ ok: false, retry: false, code: 'SignatureDoesNotMatch' });
  });

  test('an unreachable endpoint is worth retrying', async () => {
    const sms = aliyunTransport(config({ keyId: 'LTAI5tYishi', keySecret: 'right-secret', endpoint: 'http://127.0.0.1:1/' }));
    expect(await sms.send('13900009623', message)).toMatchObject({ ok: false, retry: true });
  });
});

describe('Tencent Cloud SMS against a server that checks the TC3 signature', () => {
  test('a signed SendSms is accepted (+86 number, ordered parameters); a second within 30 s says retry later', async () => {
    const sms = tencentTransport(config({ keyId: 'AKIDyishi', keySecret: 'right-key', endpoint: tc.url, appId: '1400006666' }));
    expect(await sms.send('13900009624', message, 'd7')).toEqual({ ok: true, messageId: '2028:1' });
    expect(tc.received).toEqual([
      { phone: '+8613900009624', template: 'SMS_1001', params: ['会议通知', '加装电梯议事会', 'https://yishi.example/m/3'], ref: 'd7' },
    ]);
    expect(await sms.send('13900009624', message)).toEqual({
      ok: false,
      retry: true,
      code: 'LimitExceeded.PhoneNumberThirtySecondLimit',
      waitSeconds: 30,
    });
  });

  test('a wrong key: AuthFailure.SignatureFailure, reported as a failure', async () => {
    const sms = tencentTransport(config({ keyId: 'AKIDyishi', keySecret: 'wrong-key', endpoint: tc.url }));
    expect(await sms.send('13900009625', message)).toEqual({ ok: false, retry: false, code: 'AuthFailure.SignatureFailure' });
  });
});
