import 'server-only';
import type { TTx } from '@/server/db';
import { writeAudit } from '@/server/audit';
import { notify } from './notify';

/**
 * The seam to deliberation topics: when a topic is opened from one or several issues, the topics
 * capability calls this inside its own transaction. Each issue then shows "taken up as topic #…" on
 * its timeline and its reporters are told. Issues stay open: the topic's outcome resolves them.
 */
export async function markTakenUpAsTopic(
  tx: TTx,
  by: { userId: number; label: string },
  issueIds: number[],
  topic: { id: number; title: string },
) {
  const issues = await tx.issue.findMany({
    where: { id: { in: issueIds }, mergedIntoId: null },
    select: { id: true, title: true, communityId: true, compoundId: true, followers: { select: { userId: true } } },
  });
  for (const i of issues) {
    await tx.issue.update({ where: { id: i.id }, data: { topicId: topic.id } });
    await tx.issueEvent.create({
      data: { issueId: i.id, actorUserId: by.userId, actorLabel: by.label, type: 'TAKEN_UP', message: `#${topic.id} ${topic.title}` },
    });
    await notify(
      tx,
      i.followers.map((f) => f.userId),
      { kind: 'issue.takenUp', issueId: i.id, title: i.title, body: topic.title },
    );
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'issue.takenUp',
      entityType: 'Issue',
      entityId: i.id,
      after: { topicId: topic.id },
      communityId: i.communityId,
      compoundId: i.compoundId,
    });
  }
  return issues.map((i) => i.id);
}

/**
 * When a topic is done, the issues it came from are resolved with a message, and their reporters are
 * asked to rate the result (the issue's own rating and reopening rules apply from there).
 */
export async function resolveIssuesOfTopic(tx: TTx, topicId: number, message: string) {
  const open = await tx.issue.findMany({
    where: { topicId, mergedIntoId: null, state: { in: ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED'] } },
    select: {
      id: true,
      state: true,
      level: true,
      title: true,
      communityId: true,
      compoundId: true,
      followers: { select: { userId: true } },
    },
  });
  for (const i of open) {
    const r = await tx.issue.updateMany({ where: { id: i.id, state: i.state }, data: { state: 'RESOLVED' } });
    if (r.count !== 1) continue;
    await tx.issueEvent.create({
      data: { issueId: i.id, actorLabel: '议事结果', type: 'RESOLVE', fromState: i.state, toState: 'RESOLVED', level: i.level, message },
    });
    await notify(
      tx,
      i.followers.map((f) => f.userId),
      { kind: 'issue.rate', issueId: i.id, title: i.title, body: message },
    );
    await writeAudit(tx, {
      actorId: null,
      actorLabel: '议事结果',
      action: 'issue.resolve',
      entityType: 'Issue',
      entityId: i.id,
      before: { state: i.state },
      after: { state: 'RESOLVED', topicId },
      communityId: i.communityId,
      compoundId: i.compoundId,
    });
  }
}
