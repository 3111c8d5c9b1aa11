/**
 * When a reminder is due (decision 057). A vote or a notice's objection period is announced once while it is open,
 * and once more in its last day ("closing soon"); a pass that finds it already in its last day sends only that one.
 * Who receives it, and that each reaches a person once, is decided by the server (a unique key on the notification).
 */
export const CLOSING_SOON_MS = 24 * 3600 * 1000;

export type TReminderStage = 'opened' | 'closing';

/** An open period [from, until): nothing before it starts or after it ends; its last day is "closing". */
export function reminderStage(period: { from: Date; until: Date | null }, now: Date): TReminderStage | null {
  if (period.from.getTime() > now.getTime()) return null;
  if (period.until === null) return 'opened';
  const left = period.until.getTime() - now.getTime();
  if (left <= 0) return null;
  return left <= CLOSING_SOON_MS ? 'closing' : 'opened';
}

/** The key that makes a reminder reach each person once, e.g. "vote.closing:12". */
export const reminderKey = (subject: 'vote' | 'notice' | 'meeting', stage: TReminderStage | 'tomorrow', id: number) =>
  `${subject}.${stage}:${id}`;
