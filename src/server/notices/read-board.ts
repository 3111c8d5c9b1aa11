import 'server-only';
import { objectionWindow } from '@/domain/notices/board';
import type { TResult } from '@/domain/votes/evaluate';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { shownName } from '@/server/people/anonymity';
import { planDiff } from '@/server/topics/read-topic';
import { describeResult, type TLocale } from '@/server/votes/describe';
import { livesAt, managesNotice, noticeAncestry } from './board';
import { chinaDay, today } from '@/server/today';

const day = (d: Date | null) => (d ? chinaDay(d) : null);

export type TBoardFilter = {
  communityCode: string;
  compoundId?: number;
  category?: string;
  year?: number;
  month?: number;
  q?: string;
  archive?: boolean;
};

/**
 * A community's board, public: its own notices, its compounds' and its street's; current ones (in their
 * period, or published in the last 30 days) unless the archive is asked for; by kind, period and words.
 */
export async function listBoard(f: TBoardFilter) {
  const db = getDb();
  const community = await db.community.findUnique({
    where: { code: f.communityCode },
    select: {
      id: true,
      name: true,
      streetId: true,
      street: { select: { name: true, code: true } },
      compounds: { orderBy: { name: 'asc' }, select: { id: true, name: true } },
    },
  });
  if (!community) return null;
  const now = new Date();
  const from = f.year ? new Date(Date.UTC(f.year, (f.month ?? 1) - 1, 1) - 8 * 3600_000) : undefined;
  const to = f.year ? new Date(Date.UTC(f.month ? f.year : f.year + 1, f.month ? f.month : 0, 1) - 8 * 3600_000) : undefined;
  const notices = await db.notice.findMany({
    where: {
      AND: [
        f.compoundId
          ? { compoundId: f.compoundId }
          : { OR: [{ communityId: community.id }, { streetId: community.streetId, communityId: null }] },
        f.category ? { category: f.category } : {},
        from && to ? { publishedAt: { gte: from, lt: to } } : {},
        f.q ? { OR: [{ title: { contains: f.q } }, { body: { contains: f.q } }] } : {},
        f.archive || f.year
          ? {}
          : { OR: [{ periodEndsAt: { gte: now } }, { publishedAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } }] },
      ],
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: 200,
    select: {
      id: true,
      title: true,
      kind: true,
      category: true,
      publishedAt: true,
      periodEndsAt: true,
      concludedAt: true,
      compoundId: true,
      communityId: true,
      supersedesId: true,
    },
  });
  return { community, notices };
}

/** One notice as anyone sees it, with what the viewer (if signed in) may do with it. */
export async function getNoticeView(id: number, by: TBy | null) {
  const db = getDb();
  const n = await db.notice.findUnique({
    where: { id },
    include: {
      attachments: { select: { id: true, name: true, mime: true, bytes: true, sha256: true } },
      objections: { orderBy: { id: 'asc' } },
    },
  });
  if (!n) return null;
  const [supersededBy, supersedes, community, compound, street] = await Promise.all([
    db.notice.findFirst({ where: { supersedesId: n.id }, select: { id: true, title: true } }),
    n.supersedesId ? db.notice.findUnique({ where: { id: n.supersedesId }, select: { id: true, title: true } }) : null,
    n.communityId ? db.community.findUnique({ where: { id: n.communityId }, select: { name: true, code: true } }) : null,
    n.compoundId ? db.compound.findUnique({ where: { id: n.compoundId }, select: { name: true } }) : null,
    n.streetId ? db.street.findUnique({ where: { id: n.streetId }, select: { name: true } }) : null,
  ]);
  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: n.objections.flatMap((o) => (o.authorUserId && !o.anonymous ? [o.authorUserId] : [])) } },
        select: { id: true, person: { select: { name: true } } },
      })
    ).map((u) => [u.id, u.person.name]),
  );
  const window = objectionWindow(today(), {
    publishedOn: day(n.publishedAt)!,
    lastDay: day(n.periodEndsAt) ?? '9999-12-31',
    superseded: !!supersededBy,
  });
  const ancestry = await noticeAncestry(n);
  return {
    id: n.id,
    title: n.title,
    kind: n.kind,
    category: n.category,
    body: n.body,
    bodyHtml: n.bodyHtml,
    topicId: n.topicId,
    publishedAt: n.publishedAt,
    periodEndsAt: n.periodEndsAt,
    periodDays: n.periodDays,
    periodUnit: n.periodUnit,
    concludedAt: n.concludedAt,
    seq: n.seq,
    hash: n.hash,
    prevHash: n.prevHash,
    place: {
      street: street?.name ?? null,
      community: community?.name ?? null,
      communityCode: community?.code ?? null,
      compound: compound?.name ?? null,
    },
    attachments: n.attachments,
    supersededBy,
    supersedes,
    window,
    objections: n.objections.map((o) => ({
      id: o.id,
      body: o.body,
      at: o.createdAt,
      answer: o.answer,
      answeredBy: o.answeredBy,
      answeredAt: o.answeredAt,
      // Public: the objector's surname only; an anonymous one is nobody's but its author's.
      by: shownName(by?.userId, {
        userId: o.authorUserId,
        anonymous: o.anonymous,
        name: `${(names.get(o.authorUserId ?? -1) ?? '居民').slice(0, 1)}**`,
      }),
    })),
    viewer: {
      signedIn: !!by,
      mayObject: !!by && window === 'OPEN' && !!ancestry && (await livesAt(by, ancestry)),
      manages: await managesNotice(by, n),
    },
  };
}

/** The notices that put a topic's plan and money on the board: from then on its finances are public. */
const MONEY_NOTICES = ['PLAN', 'ANNOUNCEMENT', 'DECISION', 'FINANCE'];
/** A topic whose plan and money the board has published: on the finance page, its receipts public too. */
export const PUBLISHED_FINANCE = {
  planVersions: { some: { budgetFen: { not: null } } },
  notices: { some: { kind: { in: MONEY_NOTICES } } },
};

/**
 * A community's finance page for a year: each project's budget, funding, bids, expenses and budget vs
 * actual — only for topics whose plan and money the board has published (others are not public yet).
 */
export async function financeOf(communityCode: string, year: number) {
  const db = getDb();
  const community = await db.community.findUnique({ where: { code: communityCode }, select: { id: true, name: true } });
  if (!community) return null;
  const start = new Date(Date.UTC(year, 0, 1) - 8 * 3600_000);
  const end = new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000);
  const topics = await db.topic.findMany({
    where: {
      communityId: community.id,
      ...PUBLISHED_FINANCE,
      createdAt: { lt: end },
      OR: [{ status: 'OPEN' }, { updatedAt: { gte: start } }],
    },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      title: true,
      status: true,
      actualCostFen: true,
      compoundId: true,
      planVersions: {
        orderBy: { version: 'desc' },
        take: 1,
        select: { budgetFen: true, funding: true, budgetLines: true, frozenAt: true },
      },
      bids: { orderBy: { amountFen: 'asc' } },
    },
  });
  const expenses = await db.expense.findMany({
    where: { topicId: { in: topics.map((t) => t.id) } },
    orderBy: [{ paidOn: 'asc' }, { id: 'asc' }],
  });
  const compounds = new Map(
    (
      await db.compound.findMany({
        where: { id: { in: topics.flatMap((t) => (t.compoundId ? [t.compoundId] : [])) } },
        select: { id: true, name: true },
      })
    ).map((c) => [c.id, c.name]),
  );
  return {
    community,
    projects: topics.map((t) => {
      const plan = t.planVersions[0]!;
      return {
        id: t.id,
        title: t.title,
        status: t.status,
        compound: t.compoundId ? (compounds.get(t.compoundId) ?? null) : null,
        budgetFen: plan.budgetFen!,
        funding: plan.funding as { source: string; amountFen: number }[],
        budgetLines: plan.budgetLines as { item: string; amountFen: number }[],
        actualFen: t.actualCostFen,
        bids: t.bids.map((b) => ({ id: b.id, contractor: b.contractor, amountFen: b.amountFen, note: b.note, chosen: b.chosen })),
        expenses: expenses
          .filter((e) => e.topicId === t.id)
          .map((e) => ({ id: e.id, item: e.item, amountFen: e.amountFen, paidOn: e.paidOn, receipt: e.receiptKey ? e.receiptName : null })),
      };
    }),
  };
}

/**
 * The community's and its compounds' conventions: each topic's convention versions, the adopted one and the vote that
 * adopted it, worded in the reader's language.
 */
export async function conventionsOf(communityCode: string, locale: TLocale = 'zh-CN') {
  const db = getDb();
  const community = await db.community.findUnique({ where: { code: communityCode }, select: { id: true, name: true } });
  if (!community) return null;
  const topics = await db.topic.findMany({
    where: { communityId: community.id, planVersions: { some: { convention: true } } },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      title: true,
      planVersions: { where: { convention: true }, orderBy: { version: 'asc' } },
      motions: { where: { status: 'PASSED' }, orderBy: { decidedAt: 'asc' } },
    },
  });
  return {
    community,
    conventions: topics.map((t) => {
      const versions = t.planVersions.map((v, i) => {
        // Adopted by the first passed vote after it was agreed (frozen).
        const motion = v.frozenAt ? t.motions.find((m) => m.decidedAt && m.decidedAt >= v.frozenAt!) : undefined;
        return {
          id: v.id,
          version: v.version,
          title: v.title,
          body: v.body,
          frozenAt: v.frozenAt,
          diff: i > 0 ? planDiff(t.planVersions[i - 1]!.body, v.body) : null,
          adoptedBy: motion ? { at: motion.decidedAt!, words: describeResult(motion.result as unknown as TResult, locale) } : null,
        };
      });
      const current = [...versions].reverse().find((v) => v.adoptedBy) ?? null;
      return { topicId: t.id, title: t.title, current, versions };
    }),
  };
}
