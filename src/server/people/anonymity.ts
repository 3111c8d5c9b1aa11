import 'server-only';
import type { TTx } from '@/server/db';

/**
 * The anonymity-safe view of people (背靠背, decisions/015, 016, 023). Anonymity is a property of every
 * path a name can take — followers, invitees, merges, ratings, task comments, audit rows, mail logs —
 * so every list of people and every "who did it" label is decided here, and nowhere else:
 *   - who is known to an issue or a topic only through an anonymous report (`anonymousReporters`,
 *     `anonymousFollowers`): they act there as 匿名居民 and are never invited or listed by name;
 *   - how an act is recorded (`actingAs`): the user and their name, or nobody and 匿名居民;
 *   - how a person on a list is shown to a viewer (`shownName`): their name, 匿名居民, or 匿名居民（我）.
 */
export const ANONYMOUS_LABEL = '匿名居民';
/** How a reporter appears to other followers of an issue (reporters of merged duplicates). */
export const REPORTER_LABEL = '反映人';

export type TListedPerson = { userId: number | null; name: string; anonymous: boolean };

/** A person on a list as this viewer may see them: only they themselves learn it was them. */
export function shownName(viewerUserId: number | null | undefined, p: TListedPerson): string {
  if (!p.anonymous) return p.name;
  return viewerUserId != null && p.userId === viewerUserId ? `${ANONYMOUS_LABEL}（我）` : ANONYMOUS_LABEL;
}

/** Who did it, as timelines and audit rows record it: an anonymous act names nobody and carries no id. */
export function actingAs(by: { userId: number; label: string }, hidden: boolean): { userId: number | null; label: string } {
  return hidden ? { userId: null, label: ANONYMOUS_LABEL } : { userId: by.userId, label: by.label };
}

/** These issues and every duplicate merged into them (duplicates of duplicates too). */
async function withDuplicates(db: TTx, issueIds: number[]) {
  const all = new Map<number, { id: number; anonymous: boolean; authorUserId: number | null; followers: { userId: number }[] }>();
  const select = { id: true, anonymous: true, authorUserId: true, followers: { select: { userId: true } } } as const;
  let next = await db.issue.findMany({ where: { id: { in: issueIds } }, select });
  while (next.length) {
    for (const i of next) all.set(i.id, i);
    next = (await db.issue.findMany({ where: { mergedIntoId: { in: next.map((i) => i.id) } }, select })).filter((i) => !all.has(i.id));
  }
  return [...all.values()];
}

/**
 * The reporters of these issues (and of the duplicates merged into them) whose name nobody may learn
 * there: every follower who is not the named author of one of them. Safe by default — a follower the
 * issues do not name (an anonymous author, or anyone else) stays anonymous.
 */
export async function anonymousReporters(db: TTx, issueIds: number[]): Promise<Set<number>> {
  if (issueIds.length === 0) return new Set();
  const issues = await withDuplicates(db, issueIds);
  const named = new Set(issues.flatMap((i) => (!i.anonymous && i.authorUserId !== null ? [i.authorUserId] : [])));
  return new Set(issues.flatMap((i) => i.followers.map((f) => f.userId)).filter((u) => !named.has(u)));
}

/** The followers of a topic known to it only through anonymous reports (never whoever raised the topic). */
export async function anonymousFollowers(db: TTx, topicId: number): Promise<Set<number>> {
  const topic = await db.topic.findUnique({
    where: { id: topicId },
    select: { createdById: true, followers: { select: { userId: true } } },
  });
  if (!topic) return new Set();
  const issues = await db.issue.findMany({ where: { topicId }, select: { id: true } });
  const hidden = await anonymousReporters(
    db,
    issues.map((i) => i.id),
  );
  return new Set(topic.followers.map((f) => f.userId).filter((u) => u !== topic.createdById && hidden.has(u)));
}
