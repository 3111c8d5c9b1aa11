import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { openStates } from '@/domain/issues/lifecycle';
import type { TCountKey } from '@/domain/stats/figures';
import { monthStart, type TPeriod } from '@/domain/stats/period';

/**
 * The one definition of every dashboard figure, as SQL over "Issue" (alias i), used by the rollup
 * refresh, by the live figures of compounds and by the drill-down lists — so the list behind a
 * number is the number. `now` is the moment "due" and "overdue" are judged at.
 * Dates are stored in UTC; months are China time (UTC+8 all year).
 */
/** Still open (the domain's list of open states). */
export const OPEN = Prisma.raw(`i.state IN (${openStates.map((s) => `'${s}'`).join(', ')})`);
const FINISHED = Prisma.raw(`i.state IN ('RESOLVED', 'CLOSED', 'CLOSED_UNFIXED')`);
const FIXED = Prisma.raw(`i.state IN ('RESOLVED', 'CLOSED')`);
/**
 * In the rates: not left out by street or district staff, and not an unverified account's issue that no member of
 * staff has acknowledged yet (decision 030). Volumes (opened, open, overdue, escalated) count every issue.
 */
const COUNTED = Prisma.raw(`i."excludedAt" IS NULL AND (NOT i.unverified OR i."acknowledgedAt" IS NOT NULL)`);

/** A JavaScript Date as the UTC wall time the tables store. */
export const at = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

export type TDrillFigure = TCountKey | 'ackLate' | 'unresolved' | 'unsatisfied';
export const drillFigures: readonly TDrillFigure[] = [
  'opened',
  'open',
  'overdue',
  'escalated',
  'takenOver',
  'excluded',
  'ackDue',
  'ackOnTime',
  'resolveDue',
  'resolved',
  'rated',
  'satisfied',
  'ackLate',
  'unresolved',
  'unsatisfied',
];

export function figureWhere(f: TDrillFigure, now: Date): Prisma.Sql {
  const n = at(now);
  switch (f) {
    case 'opened':
      return Prisma.sql`TRUE`;
    case 'open':
      return OPEN;
    case 'overdue':
      return Prisma.sql`${OPEN} AND i."resolveBy" < ${n}`;
    case 'escalated':
      return Prisma.sql`i."escalatedAt" IS NOT NULL`;
    case 'takenOver':
      return Prisma.sql`i."takenOverAt" IS NOT NULL`;
    case 'excluded':
      return Prisma.sql`i."excludedAt" IS NOT NULL`;
    case 'ackDue':
      return Prisma.sql`${COUNTED} AND (i."acknowledgedAt" IS NOT NULL OR i."firstAcknowledgeBy" <= ${n})`;
    case 'ackOnTime':
      return Prisma.sql`${COUNTED} AND i."acknowledgedAt" <= i."firstAcknowledgeBy"`;
    case 'ackLate':
      return Prisma.sql`${figureWhere('ackDue', now)} AND NOT COALESCE(i."acknowledgedAt" <= i."firstAcknowledgeBy", FALSE)`;
    case 'resolveDue':
      // An issue taken up as a topic is due when the topic ends it (its clock stopped, decision 047).
      return Prisma.sql`${COUNTED} AND (${FINISHED} OR (i.state NOT IN ('IN_TOPIC', 'IN_MEDIATION') AND i."firstResolveBy" <= ${n}))`;
    case 'resolved':
      return Prisma.sql`${COUNTED} AND ${FIXED}`;
    case 'unresolved':
      return Prisma.sql`${figureWhere('resolveDue', now)} AND NOT ${FIXED}`;
    case 'rated':
      return Prisma.sql`${COUNTED} AND i.rating IS NOT NULL`;
    case 'satisfied':
      return Prisma.sql`${COUNTED} AND i.rating IN ('SATISFIED', 'BASICALLY_SATISFIED')`;
    case 'unsatisfied':
      return Prisma.sql`${COUNTED} AND i.rating = 'UNSATISFIED'`;
  }
}

const minutes = (to: string) => Prisma.raw(`round(extract(epoch FROM i."${to}" - i."createdAt") / 60)::int`);

/** The columns of one rollup cell, aggregated over the issues of a GROUP BY. */
export function cellAggregates(now: Date): Prisma.Sql {
  const count = (f: TDrillFigure) => Prisma.sql`(count(*) FILTER (WHERE ${figureWhere(f, now)}))::int`;
  return Prisma.sql`
    ${count('opened')} AS opened, ${count('open')} AS open, ${count('overdue')} AS overdue,
    ${count('escalated')} AS escalated, ${count('takenOver')} AS "takenOver", ${count('excluded')} AS excluded,
    ${count('ackDue')} AS "ackDue", ${count('ackOnTime')} AS "ackOnTime",
    ${count('resolveDue')} AS "resolveDue", ${count('resolved')} AS resolved,
    ${count('rated')} AS rated, ${count('satisfied')} AS satisfied,
    COALESCE(array_agg(${minutes('acknowledgedAt')} ORDER BY ${minutes('acknowledgedAt')}) FILTER (WHERE ${COUNTED} AND i."acknowledgedAt" IS NOT NULL), '{}') AS "ackMinutes",
    COALESCE(array_agg(${minutes('resolvedAt')} ORDER BY ${minutes('resolvedAt')}) FILTER (WHERE ${COUNTED} AND ${FIXED} AND i."resolvedAt" IS NOT NULL), '{}') AS "resolveMinutes"`;
}

/** A meeting that took place (not cancelled, already begun by `now`), alias m: held, and counted. */
export function meetingHeld(now: Date): Prisma.Sql {
  return Prisma.sql`m.status <> 'CANCELLED' AND m."startsAt" <= ${at(now)}`;
}

/** A stored UTC time within the China-time months from..to (each an SQL date, the month's first day). */
export function inMonths(column: Prisma.Sql, from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${column} >= (${from} - interval '8 hours') AND ${column} < (${to} + interval '1 month' - interval '8 hours')`;
}

/** Issues (or the `column` given) within the period's months (China time). */
export function raisedIn(p: TPeriod, column = Prisma.raw('i."createdAt"')): Prisma.Sql {
  return inMonths(column, Prisma.sql`${monthStart(p.from)}::date`, Prisma.sql`${monthStart(p.to)}::date`);
}

/** The months of a period as the rollup keys them. */
export function monthsIn(p: TPeriod, column = Prisma.raw('s.month')): Prisma.Sql {
  return Prisma.sql`${column} BETWEEN ${monthStart(p.from)}::date AND ${monthStart(p.to)}::date`;
}
