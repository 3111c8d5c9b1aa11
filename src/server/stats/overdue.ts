import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import type { TScope } from './aggregate';
import { DRILL_LIMIT } from './drill';
import { authorizeUnit, type TUnitRef } from './units';

/**
 * 督办 on the dashboards (decision 049): the tasks and topic steps overdue now, per unit below (the backlog of today,
 * not of a period: a late task counts until it is done, wherever it was raised). Read live: the partial indexes of
 * migration 20261203144011_supervision hold only what is overdue.
 */
export type TOverdue = { tasks: number; steps: number };
export const zeroOverdue = (): TOverdue => ({ tasks: 0, steps: 0 });

const LATE_TASK = Prisma.sql`k."overdueSince" IS NOT NULL AND k.status = 'OPEN' AND k."withdrawnAt" IS NULL AND t.status = 'OPEN'`;
const LATE_STEP = Prisma.sql`t."stepOverdueSince" IS NOT NULL AND t.status = 'OPEN'`;
const inScope = (s: TScope) => Prisma.sql`${Prisma.raw(`t."${s.column}"`)} = ANY(${s.ids}::int[])`;

export async function overdueBy(scope: TScope, group: 'all' | 'streetId' | 'communityId' | 'compoundId'): Promise<Map<string, TOverdue>> {
  const key = group === 'all' ? Prisma.sql`0` : Prisma.raw(`t."${group}"`);
  const db = getDb();
  const [tasks, steps] = await Promise.all([
    db.$queryRaw<{ key: number | null; n: number }[]>`
      SELECT ${key} AS key, count(*)::int AS n FROM "TopicTask" k JOIN "Topic" t ON t.id = k."topicId" WHERE ${LATE_TASK} AND ${inScope(scope)} GROUP BY 1`,
    db.$queryRaw<{ key: number | null; n: number }[]>`
      SELECT ${key} AS key, count(*)::int AS n FROM "Topic" t WHERE ${LATE_STEP} AND ${inScope(scope)} GROUP BY 1`,
  ]);
  const out = new Map<string, TOverdue>();
  const at = (k: number | null) => out.get(String(k)) ?? out.set(String(k), zeroOverdue()).get(String(k))!;
  for (const r of tasks) at(r.key).tasks = r.n;
  for (const r of steps) at(r.key).steps = r.n;
  return out;
}

export type TOverdueRow = {
  /** The task's id, or the topic's for a step. */
  id: number;
  topicId: number;
  title: string;
  topicTitle: string;
  responsible: string | null;
  step: string | null;
  communityName: string;
  compoundName: string | null;
  dueAt: Date;
  level: 'OWNER' | 'COMMUNITY' | 'STREET';
  pressed: number;
  takenOver: boolean;
};

/** The overdue tasks (or steps) behind a dashboard's figure, most overdue first; `escalatedOnly`: those the street has. */
export async function listOverdue(scope: TScope, kind: 'tasks' | 'steps', escalatedOnly = false) {
  const db = getDb();
  const street = escalatedOnly
    ? Prisma.sql`AND ${Prisma.raw(kind === 'tasks' ? 'k."superviseLevel"' : 't."stepLevel"')} = 'STREET'`
    : Prisma.empty;
  const place = Prisma.sql`JOIN "Community" cm ON cm.id = t."communityId" LEFT JOIN "Compound" cp ON cp.id = t."compoundId"`;
  const [rows, [count]] =
    kind === 'tasks'
      ? await Promise.all([
          db.$queryRaw<TOverdueRow[]>`
            SELECT k.id, t.id AS "topicId", k.title, t.title AS "topicTitle", k.responsible, NULL AS step, cm.name AS "communityName",
              cp.name AS "compoundName", k."dueOn" AS "dueAt", k."superviseLevel"::text AS level, k."takenOverAt" IS NOT NULL AS "takenOver",
              (SELECT count(*) FROM "TopicPress" p WHERE p."taskId" = k.id)::int AS pressed
            FROM "TopicTask" k JOIN "Topic" t ON t.id = k."topicId" ${place}
            WHERE ${LATE_TASK} AND ${inScope(scope)} ${street} ORDER BY k."dueOn" ASC, k.id ASC LIMIT ${DRILL_LIMIT}`,
          db.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM "TopicTask" k JOIN "Topic" t ON t.id = k."topicId" WHERE ${LATE_TASK} AND ${inScope(scope)} ${street}`,
        ])
      : await Promise.all([
          db.$queryRaw<TOverdueRow[]>`
            SELECT t.id, t.id AS "topicId", t.title, t.title AS "topicTitle", NULL AS responsible, p.steps -> t."stepIndex" ->> 'key' AS step,
              cm.name AS "communityName", cp.name AS "compoundName", t."stepDueAt" AS "dueAt", t."stepLevel"::text AS level,
              t."stepTakenOverAt" IS NOT NULL AS "takenOver",
              (SELECT count(*) FROM "TopicPress" x WHERE x."topicId" = t.id AND x."stepIndex" = t."stepIndex")::int AS pressed
            FROM "Topic" t JOIN "Procedure" p ON p.id = t."procedureId" ${place}
            WHERE ${LATE_STEP} AND ${inScope(scope)} ${street} ORDER BY t."stepDueAt" ASC, t.id ASC LIMIT ${DRILL_LIMIT}`,
          db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Topic" t WHERE ${LATE_STEP} AND ${inScope(scope)} ${street}`,
        ]);
  return { rows, total: count?.n ?? 0 };
}

/** The drill-down of a dashboard's overdue figure: the unit as the reader may see it. */
export async function listOverdueBehind(by: TBy, q: { unit: TUnitRef; kind: 'tasks' | 'steps' }) {
  const unit = await authorizeUnit(by, q.unit);
  return { unit, ...(await listOverdue(unit.scope, q.kind)) };
}
