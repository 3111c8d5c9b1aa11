import 'server-only';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';

/**
 * Signing out ends every session of the account at once (decision 031): sessions are signed cookies that no
 * server can forget, so the account's sessionVersion moves on and every cookie issued before it stops counting.
 */
export async function endSessions(user: { id: number; label: string }) {
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actorId: user.id, actorLabel: user.label, action: 'account.signOut', entityType: 'User', entityId: user.id });
  });
}
