import 'server-only';
import { getDb } from '@/server/db';
import { mailTransport, emailSender } from '@/server/mail/outbox';
import { smsSender } from '@/server/sms/sender';
import { logLine } from '@/server/log';
import type { TChannelSender, TNote } from './channel';

/**
 * The staff digest (decision 056), once a day at 18:00 China time: per channel, every copy HELD for a user goes as one
 * summary. Rows are claimed with FOR UPDATE SKIP LOCKED, so two runs at once send each summary once. A failed summary
 * leaves the rows held for the next day's run (or until the digest is turned off).
 */
export async function sendDigests(senders: TChannelSender[] = [emailSender(mailTransport()), smsSender()]) {
  const counts = { digests: 0, notes: 0 };
  for (const sender of senders) {
    await getDb().$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: number; userId: number; notificationId: number }[]>`
          SELECT id, "userId", "notificationId" FROM "Delivery" WHERE channel = ${sender.channel}::"Channel" AND status = 'HELD'
           ORDER BY "userId", id LIMIT 5000 FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return;
        const users = await tx.user.findMany({
          where: { id: { in: [...new Set(rows.map((r) => r.userId))] } },
          select: { id: true, phone: true, email: true },
        });
        const notes = new Map(
          (
            await tx.notification.findMany({
              where: { id: { in: rows.map((r) => r.notificationId) } },
              select: { id: true, kind: true, title: true, body: true, issueId: true, topicId: true, link: true },
            })
          ).map((n) => [n.id, n as TNote]),
        );
        for (const user of users) {
          const mine = rows.filter((r) => r.userId === user.id);
          const ids = mine.map((r) => r.id);
          const to = sender.address(user);
          if (!to) {
            await tx.delivery.updateMany({ where: { id: { in: ids } }, data: { status: 'DROPPED' } });
            continue;
          }
          const outcome = await sender.sendDigest(
            to,
            mine.map((r) => notes.get(r.notificationId)!),
          );
          if (!outcome.ok) {
            logLine('error', 'digest.failed', { user: user.id, channel: sender.channel, code: outcome.code });
            await tx.delivery.updateMany({
              where: { id: { in: ids } },
              data: { attempts: { increment: 1 }, report: outcome.code.slice(0, 80) },
            });
            continue;
          }
          await tx.delivery.updateMany({
            where: { id: { in: ids } },
            data: { status: 'SENT', attempts: { increment: 1 }, providerMessageId: outcome.messageId, sentAt: new Date() },
          });
          counts.digests++;
          counts.notes += ids.length;
        }
      },
      { timeout: 300_000 },
    );
  }
  return counts;
}
