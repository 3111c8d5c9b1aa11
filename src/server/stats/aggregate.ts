import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { addCounts, countKeys, rates, zeroCounts, type TCounts, type TRateKey } from '@/domain/stats/figures';
import type { TPeriod } from '@/domain/stats/period';
import { getDb } from '@/server/db';
import { cellAggregates, monthsIn, raisedIn } from './sql';

export type TFigures = { counts: TCounts; rates: Record<TRateKey, number | null>; ackMedian: number | null; resolveMedian: number | null };
export const emptyFigures = (): TFigures => ({ counts: zeroCounts(), rates: rates(zeroCounts()), ackMedian: null, resolveMedian: null });

type TRow = Record<string, unknown> & { key: number | string | Date | null; ack: number | null; res: number | null };

/**
 * Sums cells (rollup rows, or issues aggregated on the fly into the same columns) per key, with the
 * exact medians of the minutes the cells carry. One query, whatever the grouping.
 */
async function mergeCells(cells: Prisma.Sql, key: Prisma.Sql): Promise<Map<string, TFigures>> {
  const sums = Prisma.join(countKeys.map((k) => Prisma.raw(`sum(s."${k}")::int AS "${k}"`)));
  const rows = await getDb().$queryRaw<TRow[]>`
    WITH s AS (SELECT ${key} AS key, s.* FROM (${cells}) s),
    c AS (SELECT key, ${sums} FROM s GROUP BY key),
    a AS (SELECT key, percentile_cont(0.5) WITHIN GROUP (ORDER BY m) AS ack FROM s, unnest(s."ackMinutes") m GROUP BY key),
    r AS (SELECT key, percentile_cont(0.5) WITHIN GROUP (ORDER BY m) AS res FROM s, unnest(s."resolveMinutes") m GROUP BY key)
    SELECT c.*, a.ack, r.res FROM c LEFT JOIN a ON a.key IS NOT DISTINCT FROM c.key LEFT JOIN r ON r.key IS NOT DISTINCT FROM c.key`;
  const out = new Map<string, TFigures>();
  for (const row of rows) {
    const counts = addCounts(zeroCounts(), row as Partial<TCounts>);
    out.set(keyOf(row.key), { counts, rates: rates(counts), ackMedian: row.ack === null ? null : Number(row.ack), resolveMedian: row.res === null ? null : Number(row.res) });
  }
  return out;
}

export const keyOf = (k: unknown): string => (k instanceof Date ? k.toISOString().slice(0, 7) : String(k));

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

/** Figures from the rollup (every level down to a community), grouped. */
export function rollupFigures(scope: TScope, period: TPeriod, category: string | null, group: TGroup) {
  // The key is computed inside, where the cells are read, so that grouping by category looks up each category once per cell.
  const cells = Prisma.sql`SELECT ${groupSql('s', group)} AS g, s.* FROM "IssueStat" s WHERE ${scopeSql('s', scope)} AND ${monthsIn(period)} ${categorySql('s', category)}`;
  return mergeCells(cells, Prisma.raw('s.g'));
}

/** The same figures computed from the issues themselves (a community's compounds, one compound), as of now. */
export function liveFigures(scope: TScope, period: TPeriod, category: string | null, group: TGroup, now = new Date()) {
  const g = groupSql('i', group);
  const cells = Prisma.sql`SELECT ${g} AS g, ${cellAggregates(now)} FROM "Issue" i
    WHERE i."mergedIntoId" IS NULL AND ${scopeSql('i', scope)} AND ${raisedIn(period)}
    ${categorySql('i', category)}
    GROUP BY 1`;
  return mergeCells(cells, Prisma.raw('s.g'));
}

export const figuresOr = (m: Map<string, TFigures>, key: string | number): TFigures => m.get(String(key)) ?? emptyFigures();
