import 'server-only';
import type { TTx } from '@/server/db';
import { writeAudit } from '@/server/audit';
import { notify } from './notify';

/**
 * The seam to deliberation topics: when a topic is opened from one or several issues, the topics
 * capability calls this inside its own transaction. Each issue then shows "taken up as topic #…" on
 * its timeline and its reporters are told. Issues stay open: the topic's outcome resolves them.
 */
export async function markTakenUpAsTopic(tx: TTx, by: { userId: number; label: string }, issueIds: number[], topic: { id: number; title: string }) {
  const issues = await tx.issue.findMany({ where: { id: { in: issueIds }, mergedIntoId: null }, select: { id: true, title: true, communityId: true, compoundId: true, followers: { select: { userId: true } } } });
  for (const i of issues) {
    await tx.issue.update({ where: { id: i.id }, data: { topicId: topic.id } });
    await tx.issueEvent.create({ data: { issueId: i.id, actorUserId: by.userId, actorLabel: by.label, type: 'TAKEN_UP', message: `#${topic.id} ${topic.title}` } });
    await notify(tx, i.followers.map((f) => f.userId), { kind: 'issue.takenUp', issueId: i.id, title: i.title, body: topic.title });
    await writeAudit(tx, { actorId: by.userId, actorLabel: by.label, action: 'issue.takenUp', entityType: 'Issue', entityId: i.id, after: { topicId: topic.id }, communityId: i.communityId, compoundId: i.compoundId });
  }
  return issues.map((i) => i.id);
}
