import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { TPeriod } from '@/domain/stats/period';
import { getDb } from '@/server/db';
import { keyOf, type TScope } from './aggregate';
import { meetingHeld, monthsIn, raisedIn } from './sql';

export const activityKeys = ['meetingsHeld', 'consultations', 'attendance', 'motionsPassed', 'motionsFailed', 'topicsRaised'] as const;
export type TActivity = Record<(typeof activityKeys)[number], number>;
export const zeroActivity = (): TActivity => ({
  meetingsHeld: 0,
  consultations: 0,
  attendance: 0,
  motionsPassed: 0,
  motionsFailed: 0,
  topicsRaised: 0,
});

type TGroup = 'all' | 'streetId' | 'communityId' | 'compoundId' | 'month';

/** Meetings held, consultations, attendance (person-times), motions decided and topics raised, from the activity rollup. */
export async function rollupActivity(
  scope: TScope,
  period: TPeriod,
  group: Exclude<TGroup, 'compoundId'>,
): Promise<Map<string, TActivity>> {
  const key = group === 'all' ? Prisma.sql`0` : Prisma.raw(group === 'month' ? 's.month' : `s."${group}"`);
  const sums = Prisma.join(activityKeys.map((k) => Prisma.raw(`sum(s."${k}")::int AS "${k}"`)));
  const rows = await getDb().$queryRaw<(TActivity & { key: unknown })[]>`
    SELECT ${key} AS key, ${sums} FROM "ActivityStat" s
    WHERE ${Prisma.raw(`s."${scope.column}"`)} = ANY(${scope.ids}::int[]) AND ${monthsIn(period)} GROUP BY 1`;
  return new Map(rows.map((r) => [keyOf(r.key), { ...zeroActivity(), ...strip(r) }]));
}

/** The same figures for compounds (below the rollup's grain), from the tables themselves. */
export async function liveActivity(
  scope: { column: 'communityId' | 'compoundId'; id: number },
  period: TPeriod,
  now = new Date(),
): Promise<Map<string, TActivity>> {
  const db = getDb();
  const col = (alias: string) => Prisma.raw(`${alias}."${scope.column}"`);
  const meetings = await db.$queryRaw<{ key: number | null; held: number; consultations: number; attendance: number }[]>`
    SELECT m."compoundId" AS key, count(*)::int AS held, (count(*) FILTER (WHERE m.kind = 'CONSULTATION'))::int AS consultations,
      COALESCE(sum((SELECT count(*) FROM "Attendance" a WHERE a."meetingId" = m.id)), 0)::int AS attendance
    FROM "Meeting" m WHERE ${col('m')} = ${scope.id} AND ${meetingHeld(now)} AND ${raisedIn(period, Prisma.raw('m."startsAt"'))}
    GROUP BY 1`;
  const motions = await db.$queryRaw<{ key: number | null; passed: number; failed: number }[]>`
    SELECT t."compoundId" AS key, (count(*) FILTER (WHERE x.status = 'PASSED'))::int AS passed, (count(*) FILTER (WHERE x.status = 'FAILED'))::int AS failed
    FROM "Motion" x JOIN "Topic" t ON t.id = x."topicId" WHERE ${col('t')} = ${scope.id} AND ${raisedIn(period, Prisma.raw('x."decidedAt"'))} GROUP BY 1`;
  const topics = await db.$queryRaw<{ key: number | null; raised: number }[]>`
    SELECT t."compoundId" AS key, count(*)::int AS raised FROM "Topic" t WHERE ${col('t')} = ${scope.id} AND ${raisedIn(period, Prisma.raw('t."createdAt"'))} GROUP BY 1`;
  const out = new Map<string, TActivity>();
  const get = (k: number | null) => out.get(String(k)) ?? (out.set(String(k), zeroActivity()), out.get(String(k))!);
  for (const m of meetings) Object.assign(get(m.key), { meetingsHeld: m.held, consultations: m.consultations, attendance: m.attendance });
  for (const m of motions) Object.assign(get(m.key), { motionsPassed: m.passed, motionsFailed: m.failed });
  for (const t of topics) get(t.key).topicsRaised = t.raised;
  return out;
}

export function sumActivity(values: Iterable<TActivity>): TActivity {
  const out = zeroActivity();
  for (const v of values) for (const k of activityKeys) out[k] += v[k];
  return out;
}

function strip(r: Record<string, unknown>): Partial<TActivity> {
  const out: Partial<TActivity> = {};
  for (const k of activityKeys) out[k] = Number(r[k] ?? 0);
  return out;
}

/** Topics raised in the period by where they stand now: the step key of open ones, DONE, WITHDRAWN. */
export async function topicsByStep(scope: TScope, period: TPeriod): Promise<{ step: string; count: number }[]> {
  return getDb().$queryRaw<{ step: string; count: number }[]>`
    SELECT CASE WHEN t.status = 'OPEN' THEN p.steps -> t."stepIndex" ->> 'key' ELSE t.status::text END AS step, count(*)::int AS count
    FROM "Topic" t JOIN "Procedure" p ON p.id = t."procedureId"
    WHERE ${Prisma.raw(`t."${scope.column}"`)} = ANY(${scope.ids}::int[]) AND ${raisedIn(period, Prisma.raw('t."createdAt"'))}
    GROUP BY 1 ORDER BY 2 DESC`;
}

/** Open topics per child unit (a column of the ranking table). */
export async function openTopicsBy(
  scope: TScope,
  period: TPeriod,
  group: 'streetId' | 'communityId' | 'compoundId',
): Promise<Map<string, number>> {
  const rows = await getDb().$queryRaw<{ key: number | null; n: number }[]>`
    SELECT ${Prisma.raw(`t."${group}"`)} AS key, count(*)::int AS n FROM "Topic" t
    WHERE ${Prisma.raw(`t."${scope.column}"`)} = ANY(${scope.ids}::int[]) AND t.status = 'OPEN' AND ${raisedIn(period, Prisma.raw('t."createdAt"'))} GROUP BY 1`;
  return new Map(rows.map((r) => [String(r.key), r.n]));
}
