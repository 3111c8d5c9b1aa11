/**
 * A topic's online discussion (线上协商, decision 059): what a comment may be, how often one person may post,
 * and the counts a step's summary cites. Pure: the caller passes the times in.
 */
export const COMMENT_MAX_CHARS = 1000;
export const HIDE_REASON_MAX_CHARS = 200;

/** At most `max` comments by one person within `seconds` (a reply counts like a comment). */
export const COMMENT_LIMITS = [
  { seconds: 60, max: 3 },
  { seconds: 3600, max: 20 },
] as const;

export type TCommentProblem = 'discussion.empty' | 'discussion.tooLong';

/** Why this text cannot be posted, or null. Length in characters (a Chinese character is one). */
export function commentProblem(body: string): TCommentProblem | null {
  const text = body.trim();
  if (text.length === 0) return 'discussion.empty';
  if ([...text].length > COMMENT_MAX_CHARS) return 'discussion.tooLong';
  return null;
}

/** Whether one more comment now would pass a limit, given the times of this person's recent comments. */
export function overCommentLimit(recent: Date[], now: Date): boolean {
  return COMMENT_LIMITS.some(({ seconds, max }) => recent.filter((at) => now.getTime() - at.getTime() < seconds * 1000).length >= max);
}

export type TCommentFacts = { authorUserId: number; parentId: number | null; anonymous: boolean; hidden: boolean };
export type TDiscussionCounts = {
  comments: number;
  replies: number;
  namedPeople: number;
  namedPosts: number;
  anonymous: number;
  hidden: number;
};

/**
 * What a summary cites: comments and replies shown, how many named people wrote how many of them, how many were
 * anonymous, and how many were hidden by moderators (not counted in the others). People are counted among named posts
 * only: a count of people that took anonymous posts in would tell, when it is smaller than the posts, whose they are
 * (decision 059).
 */
export function discussionCounts(rows: TCommentFacts[]): TDiscussionCounts {
  const shown = rows.filter((r) => !r.hidden);
  const named = shown.filter((r) => !r.anonymous);
  return {
    comments: shown.filter((r) => r.parentId === null).length,
    replies: shown.filter((r) => r.parentId !== null).length,
    namedPeople: new Set(named.map((r) => r.authorUserId)).size,
    namedPosts: named.length,
    anonymous: shown.length - named.length,
    hidden: rows.length - shown.length,
  };
}
