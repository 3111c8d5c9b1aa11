/**
 * The inbox, grouped (decision 057): every notification about one topic, one issue or one linked thing (a meeting, a
 * notice, a vote) is one entry showing how many there are and the latest; inside it, a run of notifications of the
 * same kind within COLLAPSE_MS of each other (e.g. five task updates in a morning) reads as one line "× 5".
 */
export const COLLAPSE_MS = 2 * 3600 * 1000;

export type TInboxItem = {
  id: number;
  at: Date;
  kind: string;
  title: string;
  body: string;
  topicId: number | null;
  issueId: number | null;
  link: string | null;
  readAt: Date | null;
};

/** A line: its newest notification, how many it stands for, and when the oldest of them came. */
export type TInboxLine<T extends TInboxItem = TInboxItem> = { item: T; repeats: number; since: Date };
export type TInboxGroup<T extends TInboxItem = TInboxItem> = {
  key: string;
  latest: T;
  count: number;
  unread: number;
  lines: TInboxLine<T>[];
};

/** What a notification is about: its topic, else its issue, else its link; a notification about nothing stands alone. */
export function subjectOf(n: Pick<TInboxItem, 'id' | 'topicId' | 'issueId' | 'link'>): string {
  if (n.topicId) return `topic:${n.topicId}`;
  if (n.issueId) return `issue:${n.issueId}`;
  if (n.link) return `link:${n.link}`;
  return `one:${n.id}`;
}

/** Groups notifications given newest first; groups come in the order of their latest notification. */
export function groupInbox<T extends TInboxItem>(newestFirst: T[], collapseMs = COLLAPSE_MS): TInboxGroup<T>[] {
  const groups = new Map<string, TInboxGroup<T>>();
  for (const n of newestFirst) {
    const key = subjectOf(n);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, latest: n, count: 0, unread: 0, lines: [] }));
    g.count++;
    if (!n.readAt) g.unread++;
    const last = g.lines.at(-1);
    // A run: the same kind, each within the window of the one after it (runs never join across another kind).
    if (last && last.item.kind === n.kind && last.since.getTime() - n.at.getTime() <= collapseMs) {
      last.repeats++;
      last.since = n.at;
    } else g.lines.push({ item: n, repeats: 1, since: n.at });
  }
  return [...groups.values()];
}
