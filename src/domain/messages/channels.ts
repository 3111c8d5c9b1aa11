/**
 * What residents choose (decision 056): for each group of messages, whether a copy also goes by e-mail and by SMS.
 * The inbox always has every message. Which kind belongs to which group is said once, in the database function
 * notification_group() that routes every inserted notification; this list is the groups' order on the page.
 */
export const NOTIFY_GROUPS = ['MEETINGS', 'VOTES', 'NOTICES', 'PROGRESS', 'TASKS', 'ACCOUNT'] as const;
export type TNotifyGroup = (typeof NOTIFY_GROUPS)[number];
export const CHANNELS = ['EMAIL', 'SMS'] as const;
export type TChannel = (typeof CHANNELS)[number];

/** Without a choice: e-mail on (free, and what everyone with an address got before), SMS off (it costs money per message). */
export const CHANNEL_DEFAULT: Record<TChannel, boolean> = { EMAIL: true, SMS: false };

export type TChoices = Record<TNotifyGroup, Record<TChannel, boolean>>;

/** The effective choices: the stored ones over the defaults. */
export function effectiveChoices(stored: { group: TNotifyGroup; channel: TChannel; enabled: boolean }[]): TChoices {
  const out = Object.fromEntries(NOTIFY_GROUPS.map((g) => [g, { ...CHANNEL_DEFAULT }])) as TChoices;
  for (const c of stored) out[c.group][c.channel] = c.enabled;
  return out;
}

/** Account messages (password reset, claims) are never held for a digest: they matter now. */
export const DIGESTIBLE = (group: TNotifyGroup) => group !== 'ACCOUNT';

/** An SMS parameter is short (Alibaba allows 35 characters a variable): long titles are cut with an ellipsis. */
export function smsText(s: string, max = 20): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
