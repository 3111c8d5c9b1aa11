import type { Channel } from '@/generated/prisma/client';

/**
 * One interface for every channel a notification is copied to (decision 056). The inbox always has the row; e-mail and
 * SMS are Delivery rows sent by their job through a sender of this shape. A sender never throws for a refusal: it says
 * whether to try again later (rate limits, an unreachable server) or to give up (a refused number, a wrong key).
 */
export type TOutcome =
  | { ok: true; messageId: string }
  | { ok: false; retry: boolean; code: string; /** seconds the provider asks us to wait */ waitSeconds?: number };

export type TNote = {
  id: number;
  kind: string;
  title: string;
  body: string;
  issueId: number | null;
  topicId: number | null;
  link: string | null;
};

export type TChannelSender = {
  channel: Channel;
  /** Where this user is reached on this channel, or null (no address: the copy is dropped). */
  address: (user: { phone: string; email: string | null }) => string | null;
  send: (to: string, note: TNote, deliveryId: number) => Promise<TOutcome>;
  /** One summary of several notifications (the staff digest). */
  sendDigest: (to: string, notes: TNote[]) => Promise<TOutcome>;
  /** Whether the log says it only logged (no provider configured). */
  logOnly: boolean;
};
