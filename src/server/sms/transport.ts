import 'server-only';
import { randomUUID } from 'node:crypto';
import { readEnv, type TEnv } from '@/env';
import { logLine } from '@/server/log';
import { aliyunTransport } from './aliyun';
import { tencentTransport } from './tencent';
import type { TSmsConfig, TSmsTransport } from './types';

/**
 * The SMS transport the configuration names. Without a provider (the default) the log transport "sends": its log line
 * carries our reference and the template only — never the number, the text or the code (decision 023).
 */
export const logTransport: TSmsTransport = {
  provider: 'log',
  async send(_phone, message, ref) {
    logLine('info', 'sms.log', { ref: ref ?? null, template: message.template });
    return { ok: true, messageId: `log-${randomUUID()}` };
  },
};

export function smsConfig(env: TEnv): TSmsConfig | null {
  const { YISHI_SMS_KEY_ID: keyId, YISHI_SMS_KEY_SECRET: keySecret, YISHI_SMS_SIGN_NAME: signName } = env;
  if (env.YISHI_SMS_PROVIDER === 'log') return null;
  const NOTIFY = env.YISHI_SMS_TEMPLATE_NOTIFY;
  if (!keyId || !keySecret || !signName || !NOTIFY)
    throw new Error('YISHI_SMS_PROVIDER needs YISHI_SMS_KEY_ID, YISHI_SMS_KEY_SECRET, YISHI_SMS_SIGN_NAME and YISHI_SMS_TEMPLATE_NOTIFY.');
  return {
    keyId,
    keySecret,
    signName,
    templates: { NOTIFY, CODE: env.YISHI_SMS_TEMPLATE_CODE ?? NOTIFY, DIGEST: env.YISHI_SMS_TEMPLATE_DIGEST ?? NOTIFY },
    endpoint: env.YISHI_SMS_ENDPOINT,
    appId: env.YISHI_SMS_APP_ID,
    region: env.YISHI_SMS_REGION,
  };
}

export function smsTransport(env: TEnv = readEnv()): TSmsTransport {
  const config = smsConfig(env);
  if (!config) return logTransport;
  return env.YISHI_SMS_PROVIDER === 'aliyun' ? aliyunTransport(config) : tencentTransport(config);
}
