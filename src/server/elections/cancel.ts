import 'server-only';
import { electionTransition } from '@/domain/elections/status';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { requireElection } from './access';

/** Cancels an election not yet DONE (decision 069), with a reason; staff of its place. */
export async function cancelElection(by: TBy, electionId: number, reason: string): Promise<void> {
  const why = reason?.trim() ?? '';
  await getDb().$transaction(async (tx) => {
    const { election: e } = await requireElection(by, electionId, 'manage', { db: tx, lock: 'update' });
    if (!why || why.length > 500) refuse('election.cancelReason');
    const step = electionTransition(e.status, { type: 'CANCEL' });
    if (!step.ok) return refuse(step.code);
    await tx.election.update({ where: { id: electionId }, data: { status: step.next, cancelReason: why } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'election.cancel',
      entityType: 'Election',
      entityId: electionId,
      before: { status: e.status },
      after: { status: step.next, reason: why },
      communityId: e.communityId,
      compoundId: e.compoundId,
    });
  });
}
