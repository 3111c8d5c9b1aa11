import 'server-only';
import { mayExclude } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { issueAncestry } from '@/server/issues/handlers';

/**
 * Leaves an issue out of the response, resolution and satisfaction rates (it still counts as raised,
 * open, overdue), e.g. a request judged unreasonable. District staff only (decision 028): the community is
 * rated and the street ranked on the issue, so neither grades its own work. With a reason, audited; it can be
 * taken back the same way. The reason is listed with the excluded issues to everyone who reads the figures.
 */
export async function setExclusion(by: TBy, issueId: number, input: { exclude: true; reason: string } | { exclude: false }) {
  const db = getDb();
  const issue = (await excludable(by, issueId)) ?? refuse('auth.forbidden');
  if (input.exclude && issue.excludedAt) return refuse('stats.alreadyExcluded');
  if (!input.exclude && !issue.excludedAt) return refuse('stats.notExcluded');
  const reason = input.exclude ? input.reason.trim() : null;
  if (input.exclude && (reason ?? '').length < 4) return refuse('stats.reasonRequired');
  await db.$transaction(async (tx) => {
    const now = new Date();
    const r = await tx.issue.updateMany({
      where: { id: issueId, excludedAt: input.exclude ? null : { not: null } },
      data: input.exclude
        ? { excludedAt: now, excludedById: by.userId, exclusionReason: reason }
        : { excludedAt: null, excludedById: null, exclusionReason: null },
    });
    if (r.count !== 1) refuse('issue.changedMeanwhile');
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: input.exclude ? 'issue.exclude' : 'issue.include',
      entityType: 'Issue',
      entityId: issueId,
      before: { excluded: Boolean(issue.excludedAt), reason: issue.exclusionReason },
      after: { excluded: input.exclude, reason },
      communityId: issue.communityId,
      compoundId: issue.compoundId,
    });
  });
}

/** Whether the viewer may mark this issue, and how it stands; null for those who may not. */
export async function exclusionView(by: TBy, issueId: number) {
  const issue = await excludable(by, issueId);
  return issue && { excluded: issue.excludedAt !== null, reason: issue.exclusionReason };
}

/** The issue, if it exists, is not a merged duplicate, and the viewer may exclude it (a district's stats.exclude). */
async function excludable(by: TBy, issueId: number) {
  const issue = await getDb().issue.findUnique({
    where: { id: issueId },
    select: { buildingId: true, compoundId: true, communityId: true, excludedAt: true, exclusionReason: true, mergedIntoId: true },
  });
  if (!issue || issue.mergedIntoId) return null;
  const ancestry = await issueAncestry(issue);
  return ancestry && mayExclude(by.actor, { ancestry }, by.today) ? issue : null;
}
