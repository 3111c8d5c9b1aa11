import 'server-only';

/**
 * How one-time codes reach people. No SMS gateway is reachable from these machines, so the only
 * implementation logs the fact (never the code) and staff print the code on paper. A deployment with
 * an SMS gateway implements `TCodeSender` and returns it from getCodeSender().
 */
export type TCodeSender = { send: (m: { phone: string; purpose: 'password-reset' | 'invitation'; code: string }) => Promise<void> };

const logOnly: TCodeSender = {
  async send({ phone, purpose }) {
    console.info(`[code-sender] ${purpose} code for ${phone.slice(0, 3)}****${phone.slice(7)} handed over on paper (no SMS gateway configured)`);
  },
};

export function getCodeSender(): TCodeSender {
  return logOnly;
}
