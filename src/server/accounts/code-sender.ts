import 'server-only';
import { appendFile } from 'node:fs/promises';

/**
 * How one-time codes reach people. No SMS gateway is reachable from these machines, so the only
 * implementation logs the fact (never the code) and staff print the code on paper. A deployment with
 * an SMS gateway implements `TCodeSender` and returns it from getCodeSender() (issue 20).
 * For development and tests only, YISHI_CODE_OUTBOX names a file where each code is appended as one JSON
 * line — the way a test reads the "SMS" (decision 030). Never set it on a real deployment.
 */
export type TCodePurpose = 'password-reset' | 'invitation' | 'registration';
export type TCodeSender = { send: (m: { phone: string; purpose: TCodePurpose; code: string }) => Promise<void> };

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

const logOnly: TCodeSender = {
  async send({ phone, purpose }) {
    console.info(`[code-sender] ${purpose} code for ${masked(phone)} handed over on paper (no SMS gateway configured)`);
  },
};

const outbox = (file: string): TCodeSender => ({
  async send({ phone, purpose, code }) {
    await appendFile(file, JSON.stringify({ phone, purpose, code, at: new Date().toISOString() }) + '\n');
    console.info(`[code-sender] ${purpose} code for ${masked(phone)} written to the development outbox`);
  },
});

export function getCodeSender(): TCodeSender {
  const file = process.env.YISHI_CODE_OUTBOX;
  return file ? outbox(file) : logOnly;
}
