import { createHash, createHmac } from 'node:crypto';
import type { TOutcome } from '@/server/messages/channel';
import { unreachable, type TSmsConfig, type TSmsTransport } from './types';

/**
 * Tencent Cloud SMS (API 3.0, SendSms 2021-01-11), signed with TC3-HMAC-SHA256 as
 * https://cloud.tencent.com/document/api/382/52072 ("签名方法 v3") specifies: a canonical request (method, "/", empty query,
 * the signed headers content-type and host, the SHA-256 of the body), a string to sign (algorithm, timestamp,
 * date/service/tc3_request, the canonical request's SHA-256), and a key derived from "TC3" + SecretKey by the UTC date,
 * the service and "tc3_request".
 */
export const TENCENT_ENDPOINT = 'https://sms.tencentcloudapi.com/';
export const TC3_CONTENT_TYPE = 'application/json; charset=utf-8';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

/** TC3's credential date is the UTC date of the timestamp (Tencent's documentation insists: not the local, not China's day). */
function utcDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export type TTc3Input = { secretKey: string; service: string; host: string; timestamp: number; payload: string; contentType?: string };

export function tc3Sign(i: TTc3Input): { signature: string; scope: string; signedHeaders: string } {
  const date = utcDate(i.timestamp);
  const signedHeaders = 'content-type;host';
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:${i.contentType ?? TC3_CONTENT_TYPE}\nhost:${i.host}\n`,
    signedHeaders,
    sha256(i.payload),
  ].join('\n');
  const scope = `${date}/${i.service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(i.timestamp), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${i.secretKey}`, date), i.service), 'tc3_request');
  return { signature: createHmac('sha256', key).update(toSign, 'utf8').digest('hex'), scope, signedHeaders };
}

/** Per-number limits (30 seconds, an hour, a day) and the account's own: try again after the window. */
const LATER: Record<string, number> = {
  'LimitExceeded.PhoneNumberThirtySecondLimit': 30,
  'LimitExceeded.PhoneNumberOneHourLimit': 3600,
  'LimitExceeded.PhoneNumberDailyLimit': 24 * 3600,
  'LimitExceeded.PhoneNumberSameContentDailyLimit': 24 * 3600,
  'LimitExceeded.DailyLimit': 24 * 3600,
  RequestLimitExceeded: 60,
  InternalError: 60,
};

type TAnswer = { Response?: { Error?: { Code?: string }; SendStatusSet?: { Code?: string; SerialNo?: string }[] } };

export function tencentOutcome(body: TAnswer): TOutcome {
  const status = body.Response?.SendStatusSet?.[0];
  if (status?.Code === 'Ok' && status.SerialNo) return { ok: true, messageId: status.SerialNo };
  const code = body.Response?.Error?.Code ?? status?.Code ?? 'UNKNOWN';
  const wait = LATER[code] ?? (code.startsWith('InternalError') ? 60 : undefined);
  return wait ? { ok: false, retry: true, code, waitSeconds: wait } : { ok: false, retry: false, code };
}

export function tencentTransport(config: TSmsConfig, now: () => Date = () => new Date()): TSmsTransport {
  const endpoint = new URL(config.endpoint ?? TENCENT_ENDPOINT);
  return {
    provider: 'tencent',
    async send(phone, message, ref) {
      const payload = JSON.stringify({
        PhoneNumberSet: [`+86${phone}`],
        SmsSdkAppId: config.appId ?? '',
        SignName: config.signName,
        TemplateId: config.templates[message.template],
        TemplateParamSet: message.params.map(([, v]) => v),
        ...(ref ? { SessionContext: ref } : {}),
      });
      const timestamp = Math.floor(now().getTime() / 1000);
      const s = tc3Sign({ secretKey: config.keySecret, service: 'sms', host: endpoint.host, timestamp, payload });
      try {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: {
            Authorization: `TC3-HMAC-SHA256 Credential=${config.keyId}/${s.scope}, SignedHeaders=${s.signedHeaders}, Signature=${s.signature}`,
            'Content-Type': TC3_CONTENT_TYPE,
            Host: endpoint.host,
            'X-TC-Action': 'SendSms',
            'X-TC-Version': '2021-01-11',
            'X-TC-Timestamp': String(timestamp),
            'X-TC-Region': config.region ?? 'ap-guangzhou',
          },
          body: payload,
          signal: AbortSignal.timeout(10_000),
        });
        if (res.status >= 500) return { ok: false, retry: true, code: `HTTP_${res.status}` };
        return tencentOutcome((await res.json()) as TAnswer);
      } catch (e) {
        return unreachable(e);
      }
    },
  };
}
