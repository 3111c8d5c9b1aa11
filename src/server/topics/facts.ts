import 'server-only';
import type { TFacts } from '@/domain/topics/transition';
import type { TDb, TTx } from '@/server/db';

/** What the gates read, counted from the database for the topic's current step (withdrawn tasks and records count nowhere). */
export async function loadFacts(db: TDb | TTx, topic: { id: number; stepIndex: number; actualCostFen: number | null }): Promise<TFacts> {
  const [stakeholders, suggestions, planVersions, records, motion, chosen, tasks, notices] = await Promise.all([
    db.stakeholder.count({ where: { topicId: topic.id } }),
    db.suggestion.count({ where: { topicId: topic.id } }),
    // Drafts not yet agreed: after a failed vote sends the topic back, a new version is needed.
    db.planVersion.count({ where: { topicId: topic.id, frozenAt: null } }),
    db.topicRecord.findMany({
      where: { topicId: topic.id, withdrawnAt: null },
      select: { kind: true, stepIndex: true, planVersionId: true },
    }),
    db.motion.findFirst({ where: { topicId: topic.id, stepIndex: topic.stepIndex }, orderBy: { id: 'desc' }, select: { status: true } }),
    db.bid.count({ where: { topicId: topic.id, chosen: true } }),
    db.topicTask.findMany({ where: { topicId: topic.id, withdrawnAt: null }, select: { status: true } }),
    db.notice.findMany({ where: { topicId: topic.id }, select: { kind: true } }),
  ]);
  // Agreed means the latest plan version was agreed: a plan revised after a failed vote needs agreeing again.
  const latest = await db.planVersion.findFirst({ where: { topicId: topic.id }, orderBy: { version: 'desc' }, select: { id: true } });
  return {
    stakeholders,
    suggestions,
    planVersions,
    planAgreed: !!latest && records.some((r) => r.kind === 'CONSENSUS' && r.planVersionId === latest.id),
    opinionRecorded: records.some((r) => r.kind === 'OPINION'),
    partyApproved: records.some((r) => r.kind === 'APPROVAL' && r.stepIndex === topic.stepIndex),
    partyView: records.some((r) => r.kind === 'PARTY_VIEW' && r.stepIndex === topic.stepIndex),
    motion: motion?.status ?? null,
    contractorChosen: chosen > 0,
    tasks: { total: tasks.length, accepted: tasks.filter((t) => t.status === 'ACCEPTED').length },
    actualCostRecorded: topic.actualCostFen !== null,
    notices: notices.map((n) => n.kind),
  };
}
