import 'server-only';
import { appendFile } from 'node:fs/promises';
import { readEnv } from '@/env';
import { codeSmsWait } from '@/server/auth/rate-limit';
import { logLine } from '@/server/log';
import { smsTransport } from '@/server/sms/transport';

/**
 * How one-time codes reach people. Staff still print the code on paper (the use cases return it); when an SMS provider
 * is configured (YISHI_SMS_PROVIDER, decision 056) the code also goes by SMS with the CODE template, at most one a
 * minute and five an hour per number — past that the SMS is skipped (the printed code still works) and the log says so.
 * Logs never carry the code or the whole number (decision 023).
 * For development and tests only, YISHI_CODE_OUTBOX names a file where each code is appended as one JSON
 * line — the way a test reads the "SMS" (decision 030). Never set it on a real deployment.
 */
export type TCodePurpose = 'password-reset' | 'invitation' | 'registration';
export type TCodeSender = { send: (m: { phone: string; purpose: TCodePurpose; code: string }) => Promise<void> };

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

export function getCodeSender(): TCodeSender {
  const file = process.env.YISHI_CODE_OUTBOX;
  const env = readEnv();
  const sms = env.YISHI_SMS_PROVIDER === 'log' ? null : smsTransport(env);
  return {
    async send({ phone, purpose, code }) {
      if (file) {
        await appendFile(file, JSON.stringify({ phone, purpose, code, at: new Date().toISOString() }) + '\n');
        console.info(`[code-sender] ${purpose} code for ${masked(phone)} written to the development outbox`);
      }
      if (!sms) {
        if (!file) console.info(`[code-sender] ${purpose} code for ${masked(phone)} handed over on paper (no SMS gateway configured)`);
        return;
      }
      const wait = await codeSmsWait(phone);
      if (wait) return logLine('info', 'code.sms.limited', { purpose, wait });
      const outcome = await sms.send(phone, { template: 'CODE', params: [['code', code]] });
      if (outcome.ok) logLine('info', 'code.sms.sent', { purpose, provider: sms.provider });
      else logLine('error', 'code.sms.failed', { purpose, provider: sms.provider, code: outcome.code });
    },
  };
}
