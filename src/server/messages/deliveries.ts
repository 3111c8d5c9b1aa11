import 'server-only';
import { getDb, type TTx } from '@/server/db';
import { logLine } from '@/server/log';
import type { TChannelSender, TNote, TOutcome } from './channel';

/**
 * Sends one channel's waiting copies (Delivery rows PENDING, due). Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several instances (or two runs at once) never send one copy twice. A refusal worth retrying (a provider's rate limit,
 * an unreachable server) waits — as long as the provider asked, else longer after each attempt — and is given up after
 * MAX_ATTEMPTS; any other refusal is final. Logs carry ids, kinds and codes: never the number, the address or the text.
 */
export const MAX_ATTEMPTS = 5;

const NOTE = { id: true, kind: true, title: true, body: true, issueId: true, topicId: true, link: true } as const;

export type TSendCounts = { sent: number; failed: number; dropped: number };

/** The update a delivery gets from a send's outcome. */
export function afterSend(outcome: TOutcome, attempts: number, now: Date) {
  if (outcome.ok)
    return { status: 'SENT' as const, attempts, providerMessageId: outcome.messageId, sentAt: now, retryAt: null, report: null };
  const giveUp = !outcome.retry || attempts >= MAX_ATTEMPTS;
  const wait = outcome.waitSeconds ?? 60 * 2 ** (attempts - 1);
  return {
    status: giveUp ? ('FAILED' as const) : ('PENDING' as const),
    attempts,
    report: outcome.code.slice(0, 80),
    retryAt: giveUp ? null : new Date(now.getTime() + wait * 1000),
  };
}

async function claim(tx: TTx, sender: TChannelSender, limit: number) {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Delivery"
     WHERE channel = ${sender.channel}::"Channel" AND status = 'PENDING' AND ("retryAt" IS NULL OR "retryAt" <= now())
     ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
  if (rows.length === 0) return [];
  return tx.delivery.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    orderBy: { id: 'asc' },
    select: { id: true, attempts: true, notification: { select: NOTE }, userId: true },
  });
}

export async function sendPendingDeliveries(sender: TChannelSender, limit = 50): Promise<TSendCounts> {
  const counts = { sent: 0, failed: 0, dropped: 0 };
  await getDb().$transaction(
    async (tx) => {
      const items = await claim(tx, sender, limit);
      const users = new Map(
        (await tx.user.findMany({ where: { id: { in: items.map((i) => i.userId) } }, select: { id: true, phone: true, email: true } })).map(
          (u) => [u.id, u],
        ),
      );
      for (const d of items) {
        const user = users.get(d.userId);
        const to = user && !(await disabled(tx, d.userId)) ? sender.address(user) : null;
        if (!to) {
          // The address was removed (or the account disabled) meanwhile: nothing to send.
          await tx.delivery.update({ where: { id: d.id }, data: { status: 'DROPPED' } });
          counts.dropped++;
          continue;
        }
        const outcome = await sender.send(to, d.notification as TNote, d.id);
        await tx.delivery.update({ where: { id: d.id }, data: afterSend(outcome, d.attempts + 1, new Date()) });
        if (outcome.ok) counts.sent++;
        else {
          counts.failed++;
          logLine('error', 'delivery.failed', {
            delivery: d.id,
            channel: sender.channel,
            kind: d.notification.kind,
            code: outcome.code,
            retry: outcome.retry,
          });
        }
      }
    },
    { timeout: 120_000 },
  );
  return counts;
}

async function disabled(tx: TTx, userId: number): Promise<boolean> {
  return (await tx.user.count({ where: { id: userId, disabledAt: { not: null } } })) > 0;
}
