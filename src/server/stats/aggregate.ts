import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { addCounts, countKeys, emptyFigures, rates, zeroCounts, type TCounts, type TFigures } from '@/domain/stats/figures';
import type { TPeriod } from '@/domain/stats/period';
import { getDb } from '@/server/db';
import { cellAggregates, monthsIn, raisedIn } from './sql';
import { fromDateOnly } from '@/server/today';

type TRow = Record<string, unknown> & { key: number | string | Date | null };

type TMedianRows = { key: unknown; m: number }[];
/** The exact medians of one kind of minutes ('ack' or 'resolve'), per key. */
type TMedians = (kind: 'ack' | 'resolve') => Promise<TMedianRows>;

/**
 * Sums counts per key (rollup rows, or issues aggregated on the fly into the same columns) and takes
 * the exact medians of the minutes — skipped where nobody looks at them (previous periods).
 * Counts and the two medians are three queries run side by side on the database's cores.
 */
async function mergeCells(counts: Prisma.Sql, medians: TMedians | null): Promise<Map<string, TFigures>> {
  const db = getDb();
  const sums = Prisma.join(countKeys.map((k) => Prisma.raw(`sum(s."${k}")::int AS "${k}"`)));
  const none = () => Promise.resolve([] as TMedianRows);
  const [rows, ack, res] = await Promise.all([
    db.$queryRaw<TRow[]>`SELECT s.g AS key, ${sums} FROM (${counts}) s GROUP BY 1`,
    medians ? medians('ack') : none(),
    medians ? medians('resolve') : none(),
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

/** Medians from cells that carry their minutes as arrays (`ackMinutes`, `resolveMinutes`), keyed by `g`: sorts every minute. */
const cellMedians =
  (cells: Prisma.Sql): TMedians =>
  (kind) =>
    getDb().$queryRaw<TMedianRows>`
    SELECT s.g AS key, percentile_cont(0.5) WITHIN GROUP (ORDER BY m) AS m FROM (${cells}) s, unnest(${Prisma.raw(`s."${kind}Minutes"`)}) m GROUP BY 1`;

/**
 * Medians from the per-(street, month) buckets (rows of alias s matching `where`, keyed by `g`). The middle rank(s) —
 * (n+1)/2 and n/2+1, one rank for an odd count — are found by walking the octave counts (IssueMinuteOctave), then the
 * bucket counts of the one or two octaves holding them, and only the minutes of the one or two buckets holding them
 * are sorted. Exact: the same value as percentile_cont(0.5) over every minute (mean of the two middle ones).
 * The buckets are read per target (LATERAL; OFFSET 0 keeps the planner from turning it into a scan of every bucket),
 * so that a street's octave is one range of its primary key.
 */
const bucketMedians =
  (where: Prisma.Sql, g: Prisma.Sql): TMedians =>
  (kind) =>
    getDb().$queryRaw<TMedianRows>`
    WITH o AS (
      SELECT ${g} AS g, s.octave, sum(s.n)::int AS n FROM "IssueMinuteOctave" s WHERE ${where} AND s.kind = ${kind} GROUP BY 1, 2),
    ow AS (
      SELECT g, octave, n, (sum(n) OVER (PARTITION BY g ORDER BY octave) - n)::int AS before, (sum(n) OVER (PARTITION BY g))::int AS total FROM o),
    ot AS (
      SELECT g, octave, before, (total + 1) / 2 AS lo, total / 2 + 1 AS hi FROM ow WHERE before < total / 2 + 1 AND before + n >= (total + 1) / 2),
    b AS (
      SELECT t.g, s.bucket, sum(s.n)::int AS n FROM ot t
      CROSS JOIN LATERAL (
        SELECT s.bucket, s.n FROM "IssueMinuteBucket" s
        WHERE ${g} = t.g AND s.kind = ${kind} AND s.bucket BETWEEN t.octave * 8 AND t.octave * 8 + 7 AND ${where} OFFSET 0) s
      GROUP BY 1, 2),
    bw AS (
      SELECT b.g, b.bucket, b.n, f.first + (sum(b.n) OVER (PARTITION BY b.g ORDER BY b.bucket) - b.n)::int AS before, f.lo, f.hi
      FROM b JOIN (SELECT g, min(before) AS first, min(lo) AS lo, min(hi) AS hi FROM ot GROUP BY g) f ON f.g = b.g),
    bt AS (
      SELECT g, bucket, before, lo, hi FROM bw WHERE before < hi AND before + n >= lo),
    v AS (
      SELECT t.g, x.m, t.lo, t.hi, f.first + row_number() OVER (PARTITION BY t.g ORDER BY x.m) AS r
      FROM bt t JOIN (SELECT g, min(before) AS first FROM bt GROUP BY g) f ON f.g = t.g
      CROSS JOIN LATERAL (SELECT s.minutes FROM "IssueMinuteBucket" s WHERE ${g} = t.g AND s.kind = ${kind} AND s.bucket = t.bucket AND ${where} OFFSET 0) s
      CROSS JOIN LATERAL unnest(s.minutes) x(m))
    SELECT g AS key, avg(m)::float8 AS m FROM v WHERE r IN (lo, hi) GROUP BY g`;

export const keyOf = (k: unknown): string => (k instanceof Date ? fromDateOnly(k).slice(0, 7) : String(k));

export type TScope = { column: 'districtId' | 'streetId' | 'communityId' | 'compoundId'; ids: number[] };
export type TGroup = 'all' | 'districtId' | 'streetId' | 'communityId' | 'compoundId' | 'category' | 'month';

const scopeSql = (alias: string, s: TScope) => Prisma.sql`${Prisma.raw(`${alias}."${s.column}"`)} = ANY(${s.ids}::int[])`;
const groupSql = (alias: string, g: TGroup) =>
  g === 'all'
    ? Prisma.sql`0`
    : g === 'month'
      ? Prisma.raw(alias === 'i' ? `yishi_month(i."createdAt")` : `s.month`)
      : g === 'category'
        ? Prisma.raw(`(SELECT code FROM "IssueCategory" c WHERE c.id = ${alias}."categoryId")`)
        : Prisma.raw(`${alias}."${g}"`);
/** Categories are filtered by code: a district's own copy of a category counts with the default it was copied from. */
const categorySql = (alias: string, code: string | null) =>
  code === null
    ? Prisma.empty
    : Prisma.sql`AND ${Prisma.raw(`${alias}."categoryId"`)} IN (SELECT id FROM "IssueCategory" WHERE code = ${code})`;

/**
 * Figures from the rollup (every level down to a community), grouped. Counts and medians of streets and above
 * come from the per-street sums and minute buckets; of communities, from the per-community minutes (IssueMinutes);
 * of a category, from the cells themselves.
 */
export function rollupFigures(scope: TScope, period: TPeriod, category: string | null, group: TGroup, medians = true) {
  const where = Prisma.sql`${scopeSql('s', scope)} AND ${monthsIn(period)}`;
  const streetsUp =
    (scope.column === 'districtId' || scope.column === 'streetId') && ['all', 'districtId', 'streetId', 'month'].includes(group);
  // The key is computed where the cells are read, so that grouping by category looks each category up once per cell.
  const counts = Prisma.sql`SELECT ${groupSql('s', group)} AS g, s.* FROM "IssueStat" s WHERE ${where} ${categorySql('s', category)}`;
  // Streets and above, all categories: the same counts already summed per (street, month).
  const streetCounts = Prisma.sql`SELECT ${groupSql('s', group)} AS g, s.* FROM "IssueStreetStat" s WHERE ${where}`;
  const median = !medians
    ? null
    : category !== null || group === 'category'
      ? cellMedians(counts)
      : streetsUp
        ? bucketMedians(where, groupSql('s', group))
        : cellMedians(
            Prisma.sql`SELECT ${groupSql('s', group)} AS g, s."ackMinutes", s."resolveMinutes" FROM "IssueMinutes" s WHERE ${where}`,
          );
  return mergeCells(streetsUp && category === null ? streetCounts : counts, median);
}

/** The same figures computed from the issues themselves (a community's compounds, one compound), as of now. */
export function liveFigures(scope: TScope, period: TPeriod, category: string | null, group: TGroup, medians = true, now = new Date()) {
  const g = groupSql('i', group);
  const cells = Prisma.sql`SELECT ${g} AS g, ${cellAggregates(now)} FROM "Issue" i
    WHERE i."mergedIntoId" IS NULL AND ${scopeSql('i', scope)} AND ${raisedIn(period)}
    ${categorySql('i', category)}
    GROUP BY 1`;
  return mergeCells(cells, medians ? cellMedians(cells) : null);
}

export const figuresOr = (m: Map<string, TFigures>, key: string | number): TFigures => m.get(String(key)) ?? emptyFigures();
