import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { addCounts, countKeys, emptyFigures, rates, zeroCounts, type TCounts, type TFigures } from '@/domain/stats/figures';
import type { TPeriod } from '@/domain/stats/period';
import { getDb } from '@/server/db';
import { cellAggregates, monthsIn, raisedIn } from './sql';
import { fromDateOnly } from '@/server/today';


type TRow = Record<string, unknown> & { key: number | string | Date | null };

/**
 * Sums counts per key (rollup rows, or issues aggregated on the fly into the same columns) and takes
 * the exact medians of the minutes the cells carry — skipped where nobody looks at them (previous
 * periods). Counts and the two medians are three queries run side by side on the database's cores.
 */
async function mergeCells(counts: Prisma.Sql, minutes: Prisma.Sql | null): Promise<Map<string, TFigures>> {
  const db = getDb();
  const sums = Prisma.join(countKeys.map((k) => Prisma.raw(`sum(s."${k}")::int AS "${k}"`)));
  const median = (col: string) =>
    minutes === null
      ? Promise.resolve([])
      : db.$queryRaw<{ key: unknown; m: number }[]>`
          SELECT s.g AS key, percentile_cont(0.5) WITHIN GROUP (ORDER BY m) AS m FROM (${minutes}) s, unnest(${Prisma.raw(`s."${col}"`)}) m GROUP BY 1`;
  const [rows, ack, res] = await Promise.all([
    db.$queryRaw<TRow[]>`SELECT s.g AS key, ${sums} FROM (${counts}) s GROUP BY 1`,
    median('ackMinutes'),
    median('resolveMinutes'),
  ]);
  const ackBy = new Map(ack.map((r) => [keyOf(r.key), Number(r.m)]));
  const resBy = new Map(res.map((r) => [keyOf(r.key), Number(r.m)]));
  const out = new Map<string, TFigures>();
  for (const row of rows) {
    const c = addCounts(zeroCounts(), row as Partial<TCounts>);
    const k = keyOf(row.key);
    out.set(k, { counts: c, rates: rates(c), ackMedian: ackBy.get(k) ?? null, resolveMedian: resBy.get(k) ?? null });
  }
  return out;
}

export const keyOf = (k: unknown): string => (k instanceof Date ? fromDateOnly(k).slice(0, 7) : String(k));

export type TScope = { column: 'districtId' | 'streetId' | 'communityId' | 'compoundId'; ids: number[] };
export type TGroup = 'all' | 'districtId' | 'streetId' | 'communityId' | 'compoundId' | 'category' | 'month';

const scopeSql = (alias: string, s: TScope) => Prisma.sql`${Prisma.raw(`${alias}."${s.column}"`)} = ANY(${s.ids}::int[])`;
const groupSql = (alias: string, g: TGroup) =>
  g === 'all' ? Prisma.sql`0`
  : g === 'month' ? Prisma.raw(alias === 'i' ? `yishi_month(i."createdAt")` : `s.month`)
  : g === 'category' ? Prisma.raw(`(SELECT code FROM "IssueCategory" c WHERE c.id = ${alias}."categoryId")`)
  : Prisma.raw(`${alias}."${g}"`);
/** Categories are filtered by code: a district's own copy of a category counts with the default it was copied from. */
const categorySql = (alias: string, code: string | null) =>
  code === null ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(`${alias}."categoryId"`)} IN (SELECT id FROM "IssueCategory" WHERE code = ${code})`;

/**
 * Figures from the rollup (every level down to a community), grouped. Medians come from the
 * per-community minutes (IssueMinutes, 8× fewer rows) unless a category is asked for.
 */
export function rollupFigures(scope: TScope, period: TPeriod, category: string | null, group: TGroup, medians = true) {
  const where = Prisma.sql`${scopeSql('s', scope)} AND ${monthsIn(period)}`;
  // The key is computed where the cells are read, so that grouping by category looks each category up once per cell.
  const counts = Prisma.sql`SELECT ${groupSql('s', group)} AS g, s.* FROM "IssueStat" s WHERE ${where} ${categorySql('s', category)}`;
  const minutes = !medians ? null
    : category === null && group !== 'category'
      ? Prisma.sql`SELECT ${groupSql('s', group)} AS g, s."ackMinutes", s."resolveMinutes" FROM "IssueMinutes" s WHERE ${where}`
      : counts;
  return mergeCells(counts, minutes);
}

/** The same figures computed from the issues themselves (a community's compounds, one compound), as of now. */
export function liveFigures(scope: TScope, period: TPeriod, category: string | null, group: TGroup, medians = true, now = new Date()) {
  const g = groupSql('i', group);
  const cells = Prisma.sql`SELECT ${g} AS g, ${cellAggregates(now)} FROM "Issue" i
    WHERE i."mergedIntoId" IS NULL AND ${scopeSql('i', scope)} AND ${raisedIn(period)}
    ${categorySql('i', category)}
    GROUP BY 1`;
  return mergeCells(cells, medians ? cells : null);
}

export const figuresOr = (m: Map<string, TFigures>, key: string | number): TFigures => m.get(String(key)) ?? emptyFigures();
