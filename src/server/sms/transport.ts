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

/** The provider's settings; readEnv has refused a provider without every key, the sign name and all three templates. */
export function smsConfig(env: TEnv): TSmsConfig | null {
  if (env.YISHI_SMS_PROVIDER === 'log') return null;
  const need = (value: string | undefined) => {
    if (!value) throw new Error('YISHI_SMS_PROVIDER is set without its settings (readEnv refuses this).');
    return value;
  };
  return {
    keyId: need(env.YISHI_SMS_KEY_ID),
    keySecret: need(env.YISHI_SMS_KEY_SECRET),
    signName: need(env.YISHI_SMS_SIGN_NAME),
    templates: {
      NOTIFY: need(env.YISHI_SMS_TEMPLATE_NOTIFY),
      CODE: need(env.YISHI_SMS_TEMPLATE_CODE),
      DIGEST: need(env.YISHI_SMS_TEMPLATE_DIGEST),
    },
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
