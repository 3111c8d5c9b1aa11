import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { TPeriod } from '@/domain/stats/period';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { raisedIn } from './sql';
import { authorizeUnit, type TUnitRef } from './units';

/** The figures of the by-category table; each is also a filter of the topics behind it (alias t). */
export const CATEGORY_FIGURES = ['RAISED', 'OPEN', 'DECIDED', 'ENDED', 'DONE'] as const;
export type TCategoryFigure = (typeof CATEGORY_FIGURES)[number];

const PASSED = Prisma.raw(`EXISTS (SELECT 1 FROM "Motion" m WHERE m."topicId" = t.id AND m.status = 'PASSED')`);
const FAILED = Prisma.raw(`EXISTS (SELECT 1 FROM "Motion" m WHERE m."topicId" = t.id AND m.status = 'FAILED')`);

/**
 * The one definition of each figure, shared by the table and the list behind each number:
 * RAISED every topic raised in the period; OPEN still open; DECIDED a motion of it passed; ENDED withdrawn, or a
 * vote failed and none passed; DONE the procedure finished (implemented and its result publicised).
 */
export function categoryFigureWhere(f: TCategoryFigure): Prisma.Sql {
  switch (f) {
    case 'RAISED':
      return Prisma.sql`TRUE`;
    case 'OPEN':
      return Prisma.sql`t.status = 'OPEN'`;
    case 'DECIDED':
      return PASSED;
    case 'ENDED':
      return Prisma.sql`(t.status = 'WITHDRAWN' OR (${FAILED} AND NOT ${PASSED}))`;
    case 'DONE':
      return Prisma.sql`t.status = 'DONE'`;
  }
}

/** The unit's topics raised in the period (the same place column as the other topic figures). */
export const unitTopics = (scope: { column: string; ids: number[] }, period: TPeriod) =>
  Prisma.sql`${Prisma.raw(`t."${scope.column}"`)} = ANY(${scope.ids}::int[]) AND ${raisedIn(period, Prisma.raw('t."createdAt"'))}`;

export type TCategoryRow = { id: number; code: string; nameZh: string; nameEn: string } & Record<TCategoryFigure, number>;

/**
 * Topics and their outcomes by category for a unit and period (stats.read, as the rest of the dashboard):
 * exact counts, live (one indexed query), every category that has a topic in the period, in the categories' order.
 */
export async function topicsByCategory(by: TBy, q: { unit: TUnitRef; period: TPeriod }) {
  const unit = await authorizeUnit(by, q.unit);
  return { unit, rows: await categoryCounts(unit.scope, q.period) };
}

/** The counts alone, for a place the caller has authorized (and the bench). */
export function categoryCounts(scope: { column: string; ids: number[] }, period: TPeriod) {
  return getDb().$queryRaw<TCategoryRow[]>`
    SELECT c.id, c.code, c."nameZh", c."nameEn",
      count(*)::int AS "RAISED",
      count(*) FILTER (WHERE ${categoryFigureWhere('OPEN')})::int AS "OPEN",
      count(*) FILTER (WHERE ${categoryFigureWhere('DECIDED')})::int AS "DECIDED",
      count(*) FILTER (WHERE ${categoryFigureWhere('ENDED')})::int AS "ENDED",
      count(*) FILTER (WHERE ${categoryFigureWhere('DONE')})::int AS "DONE"
    FROM "Topic" t JOIN "TopicCategory" c ON c.id = t."categoryId"
    WHERE ${unitTopics(scope, period)}
    GROUP BY c.id, c.code, c."nameZh", c."nameEn", c.sort
    ORDER BY c.sort, c.id`;
}
