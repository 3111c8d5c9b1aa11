import 'server-only';
import { getDb } from '@/server/db';
import { PARTY_FIRST_TITLE } from '@/server/topics/raise-topic';

/** How a topic on the list stands: its step while open, else how it ended (decided = a motion passed). */
export type TLineTopic = { id: number; title: string; status: string; step: string | null; decided: boolean };

/**
 * A community's published lists, newest year first, each line with its category and the topics carrying it out
 * (public: the board's readers see it without signing in). A topic in its party-members-first step is not named.
 * With `drafts` (staff who manage the community's topics) the draft lists and struck-off lines come too.
 */
export async function readLists(communityId: number, opts: { drafts?: boolean } = {}) {
  const lists = await getDb().consultationList.findMany({
    where: { communityId, ...(opts.drafts ? {} : { status: 'PUBLISHED' }) },
    orderBy: { year: 'desc' },
    include: {
      notice: { select: { id: true, publishedAt: true } },
      items: {
        where: opts.drafts ? {} : { retiredAt: null },
        orderBy: { line: 'asc' },
        include: {
          category: { select: { code: true, nameZh: true, nameEn: true } },
          topics: {
            orderBy: { id: 'asc' },
            select: {
              id: true,
              title: true,
              status: true,
              stepIndex: true,
              partyOnly: true,
              procedure: { select: { steps: true } },
              motions: { where: { status: 'PASSED' }, select: { id: true }, take: 1 },
            },
          },
        },
      },
    },
  });
  // The public reads the lines that were published: a line added since waits for the next publication (its correction);
  // a line struck off leaves at once. Staff drawing it up see every line.
  const asPublished = (l: (typeof lists)[number]) =>
    // (A notice's time is kept to the whole second: a line made in that second was published with it.)
    opts.drafts ? l.items : l.items.filter((i) => l.publishedAt && i.createdAt.getTime() < l.publishedAt.getTime() + 1000);
  return lists.map((l) => ({
    ...l,
    items: asPublished(l).map((i) => ({
      ...i,
      topics: i.topics.map((t): TLineTopic => ({
        id: t.id,
        title: t.partyOnly ? PARTY_FIRST_TITLE : t.title,
        status: t.status,
        step: t.status === 'OPEN' ? ((t.procedure.steps as { key: string }[])[t.stepIndex]?.key ?? null) : null,
        decided: t.motions.length > 0,
      })),
    })),
  }));
}

/** The lines a topic of this community may be linked to: not struck off, of lists for its year or later. */
export function linkableItems(communityId: number, fromYear: number) {
  return getDb().consultationItem.findMany({
    where: { retiredAt: null, list: { communityId, year: { gte: fromYear } } },
    orderBy: [{ list: { year: 'desc' } }, { line: 'asc' }],
    select: { id: true, line: true, title: true, list: { select: { year: true } } },
  });
}

/** A community by its code, for its public list page. */
export function communityByCode(code: string) {
  return getDb().community.findUnique({ where: { code }, select: { id: true, name: true } });
}

/** The communities that have published a consultation list (the public index). */
export function communitiesWithLists() {
  return getDb().community.findMany({
    where: { consultationLists: { some: { status: 'PUBLISHED' } } },
    orderBy: { name: 'asc' },
    take: 300,
    select: { code: true, name: true, street: { select: { name: true } } },
  });
}
