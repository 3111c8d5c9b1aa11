import { createHash, createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for the two providers' SendSms APIs. Each RE-COMPUTES the request's signature the way the provider
 * documents it — written here independently of src/server/sms — and refuses a request whose signature does not match,
 * as the real API does. Each keeps a per-number limit like the real defaults, and the messages it accepted.
 */
export type TFake = {
  url: string;
  received: { phone: string; template: string; params: unknown; ref?: string }[];
  close: () => Promise<void>;
};

async function serve(
  answer: (req: IncomingMessage, body: string) => { status: number; json: unknown },
): Promise<TFake & { set: (f: TFake) => void }> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    for await (const c of req) body += c;
    const { status, json } = answer(req, body);
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const fake = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received: [] as TFake['received'],
    close: () => new Promise<void>((r) => server.close(() => r())),
    set: () => {},
  };
  return fake;
}

/** RFC 3986 byte by byte: only A-Z a-z 0-9 - _ . ~ stay literal (Alibaba's rule). */
const rfc3986 = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

export function aliyunExpected(method: string, params: Record<string, string>, secret: string): string {
  const pairs = Object.entries(params)
    .filter(([k]) => k !== 'Signature')
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sts = `${method}&${rfc3986('/')}&${rfc3986(pairs.map(([k, v]) => `${k}=${v}`).join('&'))}`;
  return createHmac('sha1', `${secret}&`).update(sts).digest('base64');
}

export async function fakeAliyun(keys: Record<string, string>, perMinute = 1): Promise<TFake> {
  let n = 0;
  const sent = new Map<string, number[]>();
  const fake = await serve((req, body) => {
    const params = Object.fromEntries(new URLSearchParams(body));
    const secret = keys[params.AccessKeyId ?? ''];
    if (!secret) return { status: 404, json: { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' } };
    if (params.Signature !== aliyunExpected(req.method ?? 'POST', params, secret))
      return { status: 400, json: { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' } };
    if (params.Action !== 'SendSms' || params.Version !== '2017-05-25' || !params.SignName || !params.TemplateCode)
      return { status: 400, json: { Code: 'MissingParameter' } };
    const phone = params.PhoneNumbers!;
    const now = Date.now();
    const recent = (sent.get(phone) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= perMinute)
      return { status: 200, json: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' } };
    sent.set(phone, [...recent, now]);
    fake.received.push({ phone, template: params.TemplateCode!, params: JSON.parse(params.TemplateParam ?? '{}'), ref: params.OutId });
    return {
      status: 200,
      json: { Code: 'OK', Message: 'OK', BizId: `9006197469364984^${++n}`, RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' },
    };
  });
  return fake;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (k: Buffer | string, s: string) => createHmac('sha256', k).update(s).digest();

export function tc3Expected(
  secret: string,
  service: string,
  host: string,
  contentType: string,
  timestamp: string,
  payload: string,
): string {
  const date = new Date(Number(timestamp) * 1000).toISOString().slice(0, 10);
  const canonical = `POST\n/\n\ncontent-type:${contentType}\nhost:${host}\n\ncontent-type;host\n${sha256(payload)}`;
  const sts = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256(canonical)}`;
  return createHmac('sha256', hmac(hmac(hmac(`TC3${secret}`, date), service), 'tc3_request'))
    .update(sts)
    .digest('hex');
}

export async function fakeTencent(keys: Record<string, string>): Promise<TFake> {
  let n = 0;
  const last = new Map<string, number>();
  const fake = await serve((req, body) => {
    const m =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/(\w+)\/tc3_request, SignedHeaders=content-type;host, Signature=([0-9a-f]{64})$/.exec(
        req.headers.authorization ?? '',
      );
    const secret = m && keys[m[1]!];
    const error = (Code: string) => ({ status: 200, json: { Response: { Error: { Code, Message: Code }, RequestId: 'r' } } });
    if (!m || !secret) return error('AuthFailure.SecretIdNotFound');
    const expected = tc3Expected(
      secret,
      m[3]!,
      req.headers.host ?? '',
      req.headers['content-type'] ?? '',
      String(req.headers['x-tc-timestamp']),
      body,
    );
    if (m[4] !== expected) return error('AuthFailure.SignatureFailure');
    if (req.headers['x-tc-action'] !== 'SendSms' || req.headers['x-tc-version'] !== '2021-01-11') return error('InvalidAction');
    const p = JSON.parse(body) as {
      PhoneNumberSet: string[];
      TemplateId: string;
      TemplateParamSet: string[];
      SessionContext?: string;
      SignName?: string;
    };
    const phone = p.PhoneNumberSet[0]!;
    if (Date.now() - (last.get(phone) ?? 0) < 30_000)
      return {
        status: 200,
        json: { Response: { SendStatusSet: [{ PhoneNumber: phone, Code: 'LimitExceeded.PhoneNumberThirtySecondLimit', SerialNo: '' }] } },
      };
    last.set(phone, Date.now());
    fake.received.push({ phone, template: p.TemplateId, params: p.TemplateParamSet, ref: p.SessionContext });
    return {
      status: 200,
      json: { Response: { SendStatusSet: [{ PhoneNumber: phone, Code: 'Ok', SerialNo: `2028:${++n}`, Fee: 1 }], RequestId: 'r' } },
    };
  });
  return fake;
}
