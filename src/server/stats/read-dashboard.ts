import 'server-only';
import { monthsBetween, previousPeriod, type TPeriod } from '@/domain/stats/period';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { mediationStats } from '@/server/mediation/stats';
import type { TFigures } from '@/domain/stats/figures';
import { figuresOr, liveFigures, rollupFigures } from './aggregate';
import { liveActivity, openTopicsBy, rollupActivity, sumActivity, topicsByStep, zeroActivity, type TActivity } from './activity';
import { overdueBy, zeroOverdue, type TOverdue } from './overdue';
import { statsRefreshedAt } from './refresh';
import { authorizeUnit, childLevel, childrenOf, mayRead, type TUnitLevel, type TUnitRef } from './units';

export type TDashboardQuery = { unit: TUnitRef; period: TPeriod; category: string | null };

export type TChildRow = {
  level: TUnitLevel;
  /** null: issues of the community raised without a compound. */
  id: number | null;
  name: string;
  /** Whether the user may open this unit's own dashboard. */
  open: boolean;
  current: TFigures;
  previous: TFigures;
  activity: TActivity;
  openTopics: number;
  /** 督办: tasks and steps overdue now (decision 049). */
  overdue: TOverdue;
};

/**
 * Everything a unit's dashboard shows, for a period and an optional category: its figures against
 * the previous period, the units below it, categories, the months, topics by step and activity.
 * Down to a community it reads the rollups; a community's compounds and a compound are computed
 * from the issues themselves (small), with the same SQL definitions.
 */
export async function readDashboard(by: TBy, q: TDashboardQuery) {
  const unit = await authorizeUnit(by, q.unit);
  const scope = unit.scope;
  const prev = previousPeriod(q.period);
  const live = q.unit.level === 'compound';
  // The previous period only feeds the "change" marks, which medians do not have: no medians there.
  const figures = (p: TPeriod, group: Parameters<typeof rollupFigures>[3], medians = true) =>
    live ? liveFigures(scope, p, q.category, group, medians) : rollupFigures(scope, p, q.category, group, medians);

  const level = childLevel(q.unit.level);
  const childGroup = level === 'street' ? 'streetId' : level === 'community' ? 'communityId' : 'compoundId';
  // The city view is the ranking of its streets only (no city-wide totals, months or categories).
  const ranking = q.unit.level === 'city';
  const none = async () => new Map<string, TFigures>();
  const [totals, totalsPrev, byCategory, byMonth, topics, refreshedAt, categories, late, mediation] = await Promise.all([
    ranking ? none() : figures(q.period, 'all'),
    ranking ? none() : figures(prev, 'all', false),
    ranking ? none() : figures(q.period, 'category'),
    ranking ? none() : figures(q.period, 'month'),
    ranking ? Promise.resolve([]) : topicsByStep(scope, q.period),
    statsRefreshedAt(),
    getDb().issueCategory.findMany({
      where: { active: true },
      orderBy: [{ districtId: 'asc' }, { code: 'asc' }],
      select: { id: true, code: true, nameZh: true, nameEn: true, districtId: true },
    }),
    overdueBy(scope, 'all'),
    // 矛盾纠纷调解: counts of the cases received in the period (decision 062), live (small, indexed); not on the city ranking.
    ranking ? Promise.resolve(null) : mediationStats(unit, q.period),
  ]);

  let children: TChildRow[] = [];
  let activity: TActivity;
  if (level) {
    const units = await childrenOf(q.unit);
    const compounds = level === 'compound';
    const [cur, old, act, topicsOpen, late] = await Promise.all([
      compounds ? liveFigures(scope, q.period, q.category, 'compoundId') : rollupFigures(scope, q.period, q.category, childGroup),
      compounds ? liveFigures(scope, prev, q.category, 'compoundId', false) : rollupFigures(scope, prev, q.category, childGroup, false),
      compounds
        ? liveActivity({ column: 'communityId', id: q.unit.id }, q.period)
        : rollupActivity(scope, q.period, childGroup as 'streetId' | 'communityId'),
      openTopicsBy(scope, q.period, childGroup),
      overdueBy(scope, childGroup),
    ]);
    const row = (u: { level: TUnitLevel; id: number | null; name: string; open: boolean }): TChildRow => ({
      ...u,
      current: figuresOr(cur, String(u.id)),
      previous: figuresOr(old, String(u.id)),
      activity: act.get(String(u.id)) ?? zeroActivity(),
      openTopics: topicsOpen.get(String(u.id)) ?? 0,
      overdue: late.get(String(u.id)) ?? zeroOverdue(),
    });
    children = units.map((u) => row({ level: u.level, id: u.id, name: u.name, open: mayRead(by, u.ancestry) }));
    // Issues raised at the community itself (no compound) get a row of their own, so rows add up to the total.
    if (compounds && (cur.has('null') || old.has('null'))) children.push(row({ level: 'compound', id: null, name: '', open: false }));
    activity = sumActivity(act.values());
  } else {
    activity = (await liveActivity({ column: 'compoundId', id: q.unit.id }, q.period)).get(String(q.unit.id)) ?? zeroActivity();
  }

  const trend = monthsBetween(q.period).map((m) => ({ month: m, figures: figuresOr(byMonth, m) }));
  const defaults = categories.filter((c) => c.districtId === null);
  const named = new Map(categories.map((c) => [c.code, c]));
  const categoryRows = [...byCategory.entries()]
    .map(([code, figures]) => ({ code, nameZh: named.get(code)?.nameZh ?? code, nameEn: named.get(code)?.nameEn ?? code, figures }))
    .sort((a, b) => b.figures.counts.opened - a.figures.counts.opened);
  return {
    unit,
    period: q.period,
    previous: prev,
    category: q.category,
    childLevel: level,
    refreshedAt,
    live,
    totals: figuresOr(totals, 0),
    totalsPrevious: figuresOr(totalsPrev, 0),
    children,
    byCategory: categoryRows,
    trend,
    topics,
    activity,
    overdue: late.get('0') ?? zeroOverdue(),
    mediation,
    categories: defaults,
  };
}
export type TDashboard = Awaited<ReturnType<typeof readDashboard>>;
