import 'server-only';
import { getDb } from '@/server/db';
import { mailTransport, emailSender } from '@/server/mail/outbox';
import { smsSender } from '@/server/sms/sender';
import { logLine } from '@/server/log';
import type { TChannelSender, TNote } from './channel';

const NOTE = { id: true, kind: true, title: true, body: true, issueId: true, topicId: true, link: true } as const;

/**
 * The staff digest (decision 056), once a day at 18:00 China time: per channel, every copy HELD for a user goes as one
 * summary. Each user's rows are claimed whole in one statement (status SENDING, as single copies are), so two runs at
 * once send each summary once and no summary is ever cut in two; the summary is sent outside any transaction and its
 * result recorded on its own. A failed summary leaves the rows held for the next day's run. Disabled accounts' copies
 * are dropped; someone no longer staff loses the digest choice and what it held goes one by one.
 */
export async function sendDigests(senders: TChannelSender[] = [emailSender(mailTransport()), smsSender()]) {
  const counts = { digests: 0, notes: 0 };
  for (const sender of senders) {
    const users = await getDb().$queryRaw<{ userId: number }[]>`
      SELECT DISTINCT "userId" FROM "Delivery" WHERE channel = ${sender.channel}::"Channel" AND status = 'HELD' ORDER BY "userId"`;
    for (const { userId } of users) {
      const sent = await digestFor(sender, userId);
      if (sent === 0) continue;
      counts.digests++;
      counts.notes += sent;
    }
  }
  return counts;
}

/** Sends one user's summary on one channel; returns how many notifications it carried (0 when none went). */
async function digestFor(sender: TChannelSender, userId: number): Promise<number> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { phone: true, email: true, disabledAt: true } });
  const staff = (await db.roleGrant.count({ where: { userId, revokedAt: null } })) > 0;
  if (!staff) {
    await db.$transaction([
      db.user.update({ where: { id: userId }, data: { notifyDigest: false } }),
      db.delivery.updateMany({ where: { userId, status: 'HELD' }, data: { status: 'PENDING' } }),
    ]);
    return 0;
  }
  const where = { userId, channel: sender.channel, status: 'HELD' as const };
  const to = user && !user.disabledAt ? sender.address(user) : null;
  if (!to) {
    await db.delivery.updateMany({ where, data: { status: 'DROPPED' } });
    return 0;
  }
  const stamp = new Date();
  const claimed = await db.$queryRaw<{ id: number; notificationId: number }[]>`
    UPDATE "Delivery" SET status = 'SENDING', "claimedAt" = ${stamp}
     WHERE "userId" = ${userId} AND channel = ${sender.channel}::"Channel" AND status = 'HELD'
    RETURNING id, "notificationId"`;
  if (claimed.length === 0) return 0; // another run took them
  const notes = await db.notification.findMany({
    where: { id: { in: claimed.map((r) => r.notificationId) } },
    select: NOTE,
    orderBy: { id: 'asc' },
  });
  const outcome = await sender.sendDigest(to, notes as TNote[]).catch(() => ({ ok: false as const, retry: true, code: 'exception' }));
  const mine = { id: { in: claimed.map((r) => r.id) }, status: 'SENDING' as const, claimedAt: stamp };
  if (!outcome.ok) {
    logLine('error', 'digest.failed', { user: userId, channel: sender.channel, code: outcome.code });
    await db.delivery.updateMany({
      where: mine,
      data: { status: 'HELD', claimedAt: null, attempts: { increment: 1 }, report: outcome.code.slice(0, 80) },
    });
    return 0;
  }
  await db.delivery.updateMany({
    where: mine,
    data: { status: 'SENT', claimedAt: null, attempts: { increment: 1 }, providerMessageId: outcome.messageId, sentAt: new Date() },
  });
  return claimed.length;
}
