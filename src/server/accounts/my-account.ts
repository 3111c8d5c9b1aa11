import 'server-only';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';

/** What a user sees of their own account: their claims with the household's address. */
export async function getMyClaims(userId: number) {
  return getDb().householdClaim.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      status: true,
      relation: true,
      rejectReason: true,
      household: { select: { unitNo: true, roomNo: true, building: { select: { name: true, compound: { select: { name: true } } } } } },
    },
  });
}

export async function getMyEmail(userId: number): Promise<string | null> {
  return (await getDb().user.findUnique({ where: { id: userId }, select: { email: true } }))?.email ?? null;
}

/** One's own e-mail address for notifications (null removes it and stops e-mails). */
export async function setMyEmail(userId: number, label: string, email: string | null): Promise<void> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await tx.user.update({ where: { id: userId }, data: { email: email?.trim().toLowerCase() || null } });
    // Mails not yet sent to a removed address are dropped.
    if (!email)
      await tx.delivery.updateMany({
        where: { userId, channel: 'EMAIL', status: { in: ['PENDING', 'HELD'] } },
        data: { status: 'DROPPED' },
      });
    await writeAudit(tx, {
      actorId: userId,
      actorLabel: label,
      action: 'account.email',
      entityType: 'User',
      entityId: userId,
      before: { email: before.email },
      after: { email },
    });
  });
}
