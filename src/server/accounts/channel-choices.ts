import 'server-only';
import { CHANNELS, effectiveChoices, NOTIFY_GROUPS, type TChannel, type TChoices, type TNotifyGroup } from '@/domain/messages/channels';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { readEnv } from '@/env';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';

/** One's own channel choices (decision 056): what the prefs page shows. */
export async function getMyChannels(userId: number) {
  const db = getDb();
  const [stored, user, staff] = await Promise.all([
    db.channelChoice.findMany({ where: { userId }, select: { group: true, channel: true, enabled: true } }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, notifyDigest: true } }),
    isStaffAccount(userId),
  ]);
  // Without a provider SMS copies go to the log only: the page says so, and keeps the choices for when it is set up.
  const smsLive = readEnv().YISHI_SMS_PROVIDER !== 'log';
  return { choices: effectiveChoices(stored), digest: user.notifyDigest, hasEmail: user.email !== null, staff, smsLive };
}

/** Staff are those holding a granted role; only they may take the digest ("a staff digest option"). */
async function isStaffAccount(userId: number): Promise<boolean> {
  return (await getDb().roleGrant.count({ where: { userId, revokedAt: null } })) > 0;
}

export type TChannelsInput = { choices: Partial<Record<TNotifyGroup, Partial<Record<TChannel, boolean>>>>; digest: boolean };

/**
 * Saves one's choices for the groups given. Copies not yet sent on a channel now turned off are dropped; turning the
 * digest off releases what it held to go one by one (and on, holds what waits). Audited.
 */
export async function setMyChannels(by: TBy, input: TChannelsInput): Promise<void> {
  if (input.digest && !(await isStaffAccount(by.userId))) refuse('account.digestStaffOnly');
  await getDb().$transaction(async (tx) => {
    const before = await tx.channelChoice.findMany({ where: { userId: by.userId }, select: { group: true, channel: true, enabled: true } });
    const user = await tx.user.update({ where: { id: by.userId }, data: { notifyDigest: input.digest }, select: { notifyDigest: true } });
    for (const group of NOTIFY_GROUPS)
      for (const channel of CHANNELS) {
        const enabled = input.choices[group]?.[channel];
        if (enabled === undefined) continue;
        await tx.channelChoice.upsert({
          where: { userId_group_channel: { userId: by.userId, group, channel } },
          create: { userId: by.userId, group, channel, enabled },
          update: { enabled },
        });
        if (!enabled)
          await tx.$executeRaw`
            UPDATE "Delivery" d SET status = 'DROPPED' FROM "Notification" n
             WHERE n.id = d."notificationId" AND d."userId" = ${by.userId} AND d.channel = ${channel}::"Channel"
               AND d.status IN ('PENDING', 'HELD') AND notification_group(n.kind) = ${group}::"NotifyGroup"`;
      }
    if (user.notifyDigest) {
      await tx.$executeRaw`
        UPDATE "Delivery" d SET status = 'HELD' FROM "Notification" n
         WHERE n.id = d."notificationId" AND d."userId" = ${by.userId} AND d.status = 'PENDING' AND d.attempts = 0
           AND notification_group(n.kind) <> 'ACCOUNT'`;
    } else {
      await tx.delivery.updateMany({ where: { userId: by.userId, status: 'HELD' }, data: { status: 'PENDING' } });
    }
    const after = effectiveChoices(
      await tx.channelChoice.findMany({ where: { userId: by.userId }, select: { group: true, channel: true, enabled: true } }),
    );
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'account.channels',
      entityType: 'User',
      entityId: by.userId,
      before: { choices: effectiveChoices(before) } as object,
      after: { choices: after, digest: input.digest } as object,
    });
  });
}

export type { TChoices };
