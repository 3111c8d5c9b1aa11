import { describe, expect, test } from 'vitest';
import { COLLAPSE_MS, groupInbox, subjectOf, type TInboxItem } from '@/domain/notifications/inbox-groups';

const base = Date.UTC(2026, 11, 10, 12);
let seq = 100;
const n = (
  minutesAgo: number,
  kind: string,
  about: Partial<Pick<TInboxItem, 'topicId' | 'issueId' | 'link'>>,
  read = false,
): TInboxItem => ({
  id: seq--,
  at: new Date(base - minutesAgo * 60_000),
  kind,
  title: 't',
  body: '',
  topicId: about.topicId ?? null,
  issueId: about.issueId ?? null,
  link: about.link ?? null,
  readAt: read ? new Date(base) : null,
});

describe('subjectOf: a topic before an issue before a link', () => {
  test.each([
    [{ topicId: 3, issueId: 4, link: '/motions/9' }, 'topic:3'],
    [{ issueId: 4 }, 'issue:4'],
    [{ link: '/meetings/2' }, 'link:/meetings/2'],
    [{}, 'one:7'],
  ])('%j → %s', (about, key) => {
    expect(subjectOf({ id: 7, topicId: null, issueId: null, link: null, ...about })).toBe(key);
  });
});

describe('groupInbox', () => {
  test('19 notifications about one topic are one entry with the count, the latest and the unread', () => {
    const topic = Array.from({ length: 19 }, (_, i) => n(i * 600, i % 2 ? 'topic.taskProgress' : 'topic.step', { topicId: 5 }, i > 2));
    const other = n(30, 'issue.start', { issueId: 8 });
    const groups = groupInbox([topic[0]!, other, ...topic.slice(1)]);
    expect(groups.map((g) => [g.key, g.count, g.unread, g.latest.id])).toEqual([
      ['topic:5', 19, 3, topic[0]!.id],
      ['issue:8', 1, 1, other.id],
    ]);
  });

  test.each([
    ['same kind within the window: one line × 3', [0, 30, 60], ['a', 'a', 'a'], [3]],
    ['a gap longer than the window splits the run', [0, 30, 30 + COLLAPSE_MS / 60_000 + 1], ['a', 'a', 'a'], [2, 1]],
    ['each step within the window chains', [0, 100, 200, 300], ['a', 'a', 'a', 'a'], [4]],
    ['another kind between them splits the run', [0, 10, 20], ['a', 'b', 'a'], [1, 1, 1]],
  ])('%s', (_, minutes, kinds, repeats) => {
    const items = minutes.map((m, i) => n(m, kinds[i]!, { link: '/meetings/1' }));
    const [g] = groupInbox(items);
    expect(g!.lines.map((l) => l.repeats)).toEqual(repeats);
    expect(g!.lines[0]!.item.id).toBe(items[0]!.id);
  });
});
