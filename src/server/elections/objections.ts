import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { requireElection } from './access';
import { chinaTime } from './nominate';

/**
 * An objection to the candidate list, or to one listed candidate (decision 069): a participant of the election, while
 * the list is on the board (until its notice's period ends). The audit row keeps ids only: the words are the objector's.
 */
export async function objectToElection(by: TBy, electionId: number, input: { candidateId?: number | null; text: string }) {
  const text = input.text?.trim() ?? '';
  return getDb().$transaction(async (tx) => {
    const { election: e, personId } = await requireElection(by, electionId, 'participate', { db: tx, lock: 'share' });
    if (!text || text.length > 1000) refuse('election.objectionText');
    if (e.status !== 'PUBLICISING' || !e.candidateNoticeId) return refuse('election.notPublicising');
    const notice = await tx.notice.findUniqueOrThrow({ where: { id: e.candidateNoticeId }, select: { periodEndsAt: true } });
    if (notice.periodEndsAt && Date.now() > notice.periodEndsAt.getTime())
      refuse('election.publicityOver', { at: chinaTime(notice.periodEndsAt) });
    const candidateId = input.candidateId || null;
    if (candidateId && !(await tx.electionCandidate.count({ where: { id: candidateId, electionId, status: 'LISTED' } })))
      refuse('election.candidateGone');
    if (!personId) return refuse('auth.forbidden');
    const o = await tx.electionObjection.create({ data: { electionId, candidateId, byPersonId: personId, text }, select: { id: true } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'election.object',
      entityType: 'ElectionObjection',
      entityId: o.id,
      after: { electionId, candidateId },
      communityId: e.communityId,
      compoundId: e.compoundId,
    });
    return o;
  });
}

/**
 * Staff answer an objection, upholding it or not; an upheld objection to a candidate strikes the candidate off the
 * list. Two answers at once: the conditional update lets one through, the other is told it was answered.
 */
export async function answerObjection(by: TBy, objectionId: number, input: { answer: string; upheld: boolean }) {
  const answer = input.answer?.trim() ?? '';
  return getDb().$transaction(async (tx) => {
    const o =
      Number.isSafeInteger(objectionId) && objectionId > 0
        ? await tx.electionObjection.findUnique({ where: { id: objectionId }, select: { electionId: true, candidateId: true } })
        : null;
    if (!o) return refuse('auth.forbidden');
    const { election: e } = await requireElection(by, o.electionId, 'manage', { db: tx, lock: 'share' });
    if (!answer || answer.length > 1000) refuse('election.answerText');
    if (typeof input.upheld !== 'boolean') refuse('election.upheldChoice');
    if (e.status !== 'PUBLICISING') refuse('election.wrongState');
    const done = await tx.electionObjection.updateMany({
      where: { id: objectionId, answer: null },
      data: { answer, upheld: input.upheld, answeredById: by.userId, answeredAt: new Date() },
    });
    if (done.count === 0) refuse('election.alreadyAnswered');
    const struck =
      input.upheld && o.candidateId
        ? (await tx.electionCandidate.updateMany({ where: { id: o.candidateId, status: 'LISTED' }, data: { status: 'STRUCK' } })).count > 0
        : false;
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'election.answerObjection',
      entityType: 'ElectionObjection',
      entityId: objectionId,
      after: { electionId: o.electionId, upheld: input.upheld, struck: struck ? o.candidateId : null },
      communityId: e.communityId,
      compoundId: e.compoundId,
    });
    return { struck };
  });
}
