import { createHmac, randomUUID } from 'node:crypto';
import type { TOutcome } from '@/server/messages/channel';
import { unreachable, type TSmsConfig, type TSmsTransport } from './types';

/**
 * Alibaba Cloud SMS (dysmsapi 2017-05-25, SendSms), signed with the RPC signature, version 1.0 (HMAC-SHA1), as
 * https://help.aliyun.com/zh/sms/developer-reference/signature-method (and the common "签名机制" page) specifies:
 * parameters sorted by name, each name and value percent-encoded (RFC 3986: only A-Z a-z 0-9 - _ . ~ stay),
 * StringToSign = METHOD & percentEncode("/") & percentEncode(canonical query), Signature = Base64(HMAC-SHA1(secret + "&", it)).
 */
export const ALIYUN_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';

export const percentEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function aliyunStringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
  return `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

export const aliyunSignature = (method: string, params: Record<string, string>, secret: string) =>
  createHmac('sha1', `${secret}&`).update(aliyunStringToSign(method, params), 'utf8').digest('base64');

/** Refusals that mean "not now": the per-number limits (1 a minute, 5 an hour, 10 a day by default) and throttling. */
const LATER: Record<string, number> = {
  'isv.BUSINESS_LIMIT_CONTROL': 3600,
  'isv.DAY_LIMIT_CONTROL': 24 * 3600,
  'Throttling.User': 60,
  Throttling: 60,
  ServiceUnavailable: 60,
};

export function aliyunOutcome(body: { Code?: string; BizId?: string }): TOutcome {
  if (body.Code === 'OK' && body.BizId) return { ok: true, messageId: body.BizId };
  const code = body.Code ?? 'UNKNOWN';
  return code in LATER ? { ok: false, retry: true, code, waitSeconds: LATER[code] } : { ok: false, retry: false, code };
}

export function aliyunTransport(config: TSmsConfig, now: () => Date = () => new Date()): TSmsTransport {
  return {
    provider: 'aliyun',
    async send(phone, message, ref) {
      const params: Record<string, string> = {
        AccessKeyId: config.keyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: phone,
        RegionId: config.region ?? 'cn-hangzhou',
        SignName: config.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: config.templates[message.template],
        TemplateParam: JSON.stringify(Object.fromEntries(message.params)),
        Timestamp: now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
        ...(ref ? { OutId: ref } : {}),
      };
      params.Signature = aliyunSignature('POST', params, config.keySecret);
      try {
        const res = await fetch(config.endpoint ?? ALIYUN_ENDPOINT, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: Object.entries(params)
            .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
            .join('&'),
          signal: AbortSignal.timeout(10_000),
        });
        if (res.status >= 500) return { ok: false, retry: true, code: `HTTP_${res.status}` };
        return aliyunOutcome((await res.json()) as { Code?: string; BizId?: string });
      } catch (e) {
        return unreachable(e);
      }
    },
  };
}
