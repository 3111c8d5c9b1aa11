import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { TIssueState } from '@/domain/issues/lifecycle';
import type { TPeriod } from '@/domain/stats/period';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { figureWhere, meetingHeld, raisedIn, type TDrillFigure } from './sql';
import { categoryFigureWhere } from './topics-by-category';
import { authorizeUnit, type TUnitRef } from './units';

export const DRILL_LIMIT = 200;

export type TDrillRow = {
  id: number;
  title: string;
  state: TIssueState;
  level: string;
  createdAt: Date;
  resolveBy: Date;
  acknowledgedAt: Date | null;
  categoryCode: string;
  communityName: string;
  compoundName: string | null;
  exclusionReason: string | null;
};

/**
 * The issues behind a number of a dashboard: the same unit, period and category, and the figure's
 * own SQL predicate, judged now (the rollups may be up to a minute older). Oldest deadline first,
 * so the latest issues come to the top of a morning review. Never the reporter.
 */
export async function listBehind(
  by: TBy,
  q: { unit: TUnitRef; period: TPeriod; category: string | null; figure: TDrillFigure; compoundless?: boolean },
) {
  const unit = await authorizeUnit(by, q.unit);
  const scope = unit.scope;
  const now = new Date();
  const where = Prisma.sql`i."mergedIntoId" IS NULL AND ${Prisma.raw(`i."${scope.column}"`)} = ANY(${scope.ids}::int[]) AND ${raisedIn(q.period)}
    AND ${figureWhere(q.figure, now)}
    ${q.category === null ? Prisma.empty : Prisma.sql`AND i."categoryId" IN (SELECT id FROM "IssueCategory" WHERE code = ${q.category})`}
    ${q.compoundless ? Prisma.sql`AND i."compoundId" IS NULL` : Prisma.empty}`;
  const db = getDb();
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<TDrillRow[]>`
      SELECT i.id, i.title, i.state::text AS state, i.level::text AS level, i."createdAt", i."resolveBy", i."acknowledgedAt", c.code AS "categoryCode",
        cm.name AS "communityName", cp.name AS "compoundName", i."exclusionReason"
      FROM "Issue" i JOIN "IssueCategory" c ON c.id = i."categoryId" JOIN "Community" cm ON cm.id = i."communityId" LEFT JOIN "Compound" cp ON cp.id = i."compoundId"
      WHERE ${where} ORDER BY i."resolveBy" ASC, i.id ASC LIMIT ${DRILL_LIMIT}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Issue" i WHERE ${where}`,
  ]);
  return { unit, rows, total: count?.n ?? 0, now };
}

export type TTopicRow = {
  id: number;
  title: string;
  status: string;
  step: string | null;
  communityName: string;
  compoundName: string | null;
  createdAt: Date;
  stepDueAt: Date;
};

/**
 * The topics behind a dashboard's topic figures: raised in the period in the unit, those at one step
 * (a step key, DONE, WITHDRAWN) or every open one (OPEN); from the by-category table (decision 072) also every one
 * (RAISED), those decided (DECIDED) or ended without a decision (ENDED), of one category. Each leads to its topic page.
 */
export async function listTopicsBehind(by: TBy, q: { unit: TUnitRef; period: TPeriod; step: string; categoryId?: number | null }) {
  const unit = await authorizeUnit(by, q.unit);
  const scope = unit.scope;
  const stepOf = Prisma.sql`CASE WHEN t.status = 'OPEN' THEN p.steps -> t."stepIndex" ->> 'key' ELSE t.status::text END`;
  const where = Prisma.sql`${Prisma.raw(`t."${scope.column}"`)} = ANY(${scope.ids}::int[]) AND ${raisedIn(q.period, Prisma.raw('t."createdAt"'))}
    AND ${
      q.step === 'OPEN' || q.step === 'RAISED' || q.step === 'DECIDED' || q.step === 'ENDED'
        ? categoryFigureWhere(q.step)
        : Prisma.sql`${stepOf} = ${q.step}`
    }
    ${q.categoryId ? Prisma.sql`AND t."categoryId" = ${q.categoryId}` : Prisma.empty}`;
  const db = getDb();
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<TTopicRow[]>`
      SELECT t.id, t.title, t.status::text AS status, p.steps -> t."stepIndex" ->> 'key' AS step, cm.name AS "communityName", cp.name AS "compoundName", t."createdAt", t."stepDueAt"
      FROM "Topic" t JOIN "Procedure" p ON p.id = t."procedureId" JOIN "Community" cm ON cm.id = t."communityId" LEFT JOIN "Compound" cp ON cp.id = t."compoundId"
      WHERE ${where} ORDER BY t."stepDueAt" ASC, t.id ASC LIMIT ${DRILL_LIMIT}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Topic" t JOIN "Procedure" p ON p.id = t."procedureId" WHERE ${where}`,
  ]);
  return { unit, rows, total: count?.n ?? 0 };
}

export type TMeetingRow = {
  id: number;
  title: string;
  kind: string;
  communityName: string;
  compoundName: string | null;
  startsAt: Date;
  attendance: number;
};

/**
 * The meetings behind the activity figures: held in the period in the unit (not cancelled, already
 * begun), all of them or the consultations only, with their attendance. Each leads to its page.
 */
export async function listMeetingsBehind(by: TBy, q: { unit: TUnitRef; period: TPeriod; consultationsOnly: boolean }) {
  const unit = await authorizeUnit(by, q.unit);
  const scope = unit.scope;
  const place =
    scope.column === 'compoundId' || scope.column === 'communityId'
      ? Prisma.sql`${Prisma.raw(`m."${scope.column}"`)} = ANY(${scope.ids}::int[])`
      : Prisma.sql`m."communityId" IN (SELECT c.id FROM "Community" c JOIN "Street" s ON s.id = c."streetId" WHERE ${Prisma.raw(scope.column === 'streetId' ? 's.id' : 's."districtId"')} = ANY(${scope.ids}::int[]))`;
  const where = Prisma.sql`${place} AND ${meetingHeld(new Date())} AND ${raisedIn(q.period, Prisma.raw('m."startsAt"'))}
    ${q.consultationsOnly ? Prisma.sql`AND m.kind = 'CONSULTATION'` : Prisma.empty}`;
  const db = getDb();
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<TMeetingRow[]>`
      SELECT m.id, m.title, m.kind::text AS kind, cm.name AS "communityName", cp.name AS "compoundName", m."startsAt",
        (SELECT count(*) FROM "Attendance" a WHERE a."meetingId" = m.id)::int AS attendance
      FROM "Meeting" m JOIN "Community" cm ON cm.id = m."communityId" LEFT JOIN "Compound" cp ON cp.id = m."compoundId"
      WHERE ${where} ORDER BY m."startsAt" DESC, m.id DESC LIMIT ${DRILL_LIMIT}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Meeting" m WHERE ${where}`,
  ]);
  return { unit, rows, total: count?.n ?? 0 };
}
