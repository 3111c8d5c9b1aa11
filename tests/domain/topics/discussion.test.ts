import { describe, expect, test } from 'vitest';
import { commentProblem, discussionCounts, overCommentLimit } from '@/domain/topics/discussion';

describe('online discussion: what may be posted', () => {
  test.each([
    ['同意在北门加装充电桩', null],
    ['   ', 'discussion.empty'],
    ['', 'discussion.empty'],
    ['议'.repeat(1000), null],
    ['议'.repeat(1001), 'discussion.tooLong'],
    [' ' + '议'.repeat(1000) + ' ', null],
  ])('%#: %s → %s', (body, expected) => {
    expect(commentProblem(body)).toBe(expected);
  });
});

describe('online discussion: rate limit per person', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  test.each([
    ['nothing yet', [], false],
    ['two in the last minute', [ago(10), ago(20)], false],
    ['three in the last minute', [ago(10), ago(20), ago(59)], true],
    ['three, one of them a minute ago', [ago(10), ago(20), ago(60)], false],
    ['nineteen in the hour', Array.from({ length: 19 }, (_, i) => ago(120 + i * 60)), false],
    ['twenty in the hour', Array.from({ length: 20 }, (_, i) => ago(120 + i * 60)), true],
    ['twenty, the oldest an hour ago', Array.from({ length: 20 }, (_, i) => ago(3600 - i * 60)), false],
  ])('%s', (_, recent, expected) => {
    expect(overCommentLimit(recent as Date[], now)).toBe(expected);
  });
});

describe('online discussion: the counts a summary cites', () => {
  const c = (authorUserId: number, parentId: number | null, anonymous = false, hidden = false) => ({
    authorUserId,
    parentId,
    anonymous,
    hidden,
  });
  test.each([
    ['none', [], { comments: 0, replies: 0, namedPeople: 0, namedPosts: 0, anonymous: 0, hidden: 0 }],
    [
      'comments, a reply, an anonymous one',
      [c(1, null), c(2, null, true), c(1, 10)],
      { comments: 2, replies: 1, namedPeople: 1, namedPosts: 2, anonymous: 1, hidden: 0 },
    ],
    [
      'one person named once and anonymous once: the anonymous post is not tied to anyone (people among named posts only)',
      [c(1, null), c(1, null, true)],
      { comments: 2, replies: 0, namedPeople: 1, namedPosts: 1, anonymous: 1, hidden: 0 },
    ],
    [
      'a hidden comment counts only as hidden',
      [c(1, null), c(3, null, false, true)],
      { comments: 1, replies: 0, namedPeople: 1, namedPosts: 1, anonymous: 0, hidden: 1 },
    ],
  ])('%s', (_, rows, expected) => {
    expect(discussionCounts(rows)).toEqual(expected);
  });
});
