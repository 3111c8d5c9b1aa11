import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { getDb, type TDb, type TTx } from '@/server/db';
import { at, cellAggregates, inMonths, meetingHeld, OPEN } from './sql';
import { fromDateOnly } from '@/server/today';
import { countKeys } from '@/domain/stats/figures';

const WATERMARK = 'stats.refreshedAt';
/** One refresh at a time across every app instance (a transaction-scoped advisory lock). */
const LOCK = 0x59_53_54_41; // "YSTA"

type TKey = { month: Date; communityId: number };

/**
 * Keeps the rollups current, incrementally: recomputes whole the cells a trigger marked dirty since
 * the last run, and those where a deadline or a meeting's start passed (time changes figures without
 * any row changing). Runs every minute on the job queue; safe to run twice at once.
 */
export async function refreshStats(now = new Date(), db: TDb = getDb()) {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK})`;
      const flag = await tx.systemFlag.findUnique({ where: { key: WATERMARK } });
      const since = flag ? new Date(flag.value) : new Date(0);
      const dirty = await tx.$queryRaw<(TKey & { kind: string })[]>`
        DELETE FROM "StatDirty" RETURNING kind, month, "communityId"`;
      const crossed = await tx.$queryRaw<TKey[]>`
        SELECT DISTINCT yishi_month(i."createdAt") AS month, i."communityId" FROM "Issue" i
        WHERE (i."acknowledgedAt" IS NULL AND i."firstAcknowledgeBy" > ${at(since)} AND i."firstAcknowledgeBy" <= ${at(now)})
           OR (${OPEN} AND i."firstResolveBy" > ${at(since)} AND i."firstResolveBy" <= ${at(now)})
           OR (${OPEN} AND i."resolveBy" > ${at(since)} AND i."resolveBy" <= ${at(now)})`;
      const started = await tx.$queryRaw<TKey[]>`
        SELECT DISTINCT yishi_month(m."startsAt") AS month, m."communityId" FROM "Meeting" m
        WHERE m."startsAt" > ${at(since)} AND m."startsAt" <= ${at(now)}`;
      const issueKeys = [...dirty.filter((d) => d.kind === 'ISSUE'), ...crossed];
      const activityKeys = [...dirty.filter((d) => d.kind === 'ACTIVITY'), ...started];
      await recomputeIssueCells(tx, issueKeys, now);
      await recomputeActivityCells(tx, activityKeys, now);
      await tx.systemFlag.upsert({
        where: { key: WATERMARK },
        create: { key: WATERMARK, value: now.toISOString() },
        update: { value: now.toISOString(), setAt: now },
      });
      return { issueCells: distinct(issueKeys).length, activityCells: distinct(activityKeys).length };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/** Recomputes every cell from scratch (after a bulk load, or to check the incremental path). */
export async function rebuildStats(now = new Date(), db: TDb = getDb()) {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK})`;
      await tx.$executeRaw`DELETE FROM "StatDirty"`;
      await tx.$executeRaw`TRUNCATE "IssueStat", "IssueMinutes", "IssueMinuteBucket", "IssueMinuteOctave", "IssueStreetStat", "ActivityStat"`;
      await insertIssueCells(tx, Prisma.sql`TRUE`, Prisma.sql`TRUE`, now);
      await insertMinuteBuckets(tx, Prisma.sql`TRUE`);
      const keys = await tx.$queryRaw<TKey[]>`
        SELECT yishi_month("startsAt") AS month, "communityId" FROM "Meeting"
        UNION SELECT yishi_month("createdAt"), "communityId" FROM "Topic"
        UNION SELECT yishi_month(m."decidedAt"), t."communityId" FROM "Motion" m JOIN "Topic" t ON t.id = m."topicId" WHERE m."decidedAt" IS NOT NULL`;
      await insertActivityCells(tx, keys, now);
      await tx.systemFlag.upsert({
        where: { key: WATERMARK },
        create: { key: WATERMARK, value: now.toISOString() },
        update: { value: now.toISOString(), setAt: now },
      });
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
}

/** When the rollups were last brought up to date (shown on every dashboard). */
export async function statsRefreshedAt(): Promise<Date | null> {
  const flag = await getDb().systemFlag.findUnique({ where: { key: WATERMARK } });
  return flag ? new Date(flag.value) : null;
}

function distinct(keys: TKey[]): TKey[] {
  const seen = new Map<string, TKey>();
  for (const k of keys) seen.set(`${k.month.toISOString()}|${k.communityId}`, k);
  return [...seen.values()];
}

const keysTable = (keys: TKey[]) => {
  const d = distinct(keys);
  return Prisma.sql`SELECT * FROM unnest(${d.map((k) => fromDateOnly(k.month))}::date[], ${d.map((k) => k.communityId)}::int[]) AS k(month, "communityId")`;
};

async function recomputeIssueCells(tx: TTx, keys: TKey[], now: Date) {
  if (keys.length === 0) return;
  const k = keysTable(keys);
  await tx.$executeRaw`DELETE FROM "IssueStat" s USING (${k}) k WHERE s.month = k.month AND s."communityId" = k."communityId"`;
  await tx.$executeRaw`DELETE FROM "IssueMinutes" s USING (${k}) k WHERE s.month = k.month AND s."communityId" = k."communityId"`;
  await insertIssueCells(
    tx,
    Prisma.sql`(yishi_month(i."createdAt"), i."communityId") IN (SELECT month, "communityId" FROM (${k}) k)`,
    Prisma.sql`(s.month, s."communityId") IN (SELECT month, "communityId" FROM (${k}) k)`,
    now,
  );
  // The buckets are per street: those of every street-month a recomputed community belongs to, whole.
  const streets = Prisma.sql`SELECT DISTINCT k.month, c."streetId" FROM (${k}) k JOIN "Community" c ON c.id = k."communityId"`;
  await tx.$executeRaw`DELETE FROM "IssueMinuteBucket" s USING (${streets}) k WHERE s.month = k.month AND s."streetId" = k."streetId"`;
  await tx.$executeRaw`DELETE FROM "IssueMinuteOctave" s USING (${streets}) k WHERE s.month = k.month AND s."streetId" = k."streetId"`;
  await tx.$executeRaw`DELETE FROM "IssueStreetStat" s USING (${streets}) k WHERE s.month = k.month AND s."streetId" = k."streetId"`;
  await insertMinuteBuckets(tx, Prisma.sql`(s.month, s."streetId") IN (${streets})`);
}

/**
 * The minutes of IssueMinutes (rows matching `where`, whole street-months) in buckets per (month, street, kind), their
 * octaves, and the counts of IssueStat per (month, street).
 */
async function insertMinuteBuckets(tx: TTx, where: Prisma.Sql) {
  await tx.$executeRaw`
    INSERT INTO "IssueMinuteBucket" (month, "streetId", "districtId", kind, bucket, n, minutes)
    SELECT month, "streetId", min("districtId"), kind, yishi_minute_bucket(m), count(*)::int, array_agg(m ORDER BY m)
    FROM (
      SELECT s.month, s."streetId", s."districtId", 'ack' AS kind, unnest(s."ackMinutes") AS m FROM "IssueMinutes" s WHERE ${where}
      UNION ALL
      SELECT s.month, s."streetId", s."districtId", 'resolve', unnest(s."resolveMinutes") FROM "IssueMinutes" s WHERE ${where}
    ) x
    GROUP BY month, "streetId", kind, yishi_minute_bucket(m)`;
  await tx.$executeRaw`
    INSERT INTO "IssueMinuteOctave" (month, "streetId", "districtId", kind, octave, n)
    SELECT s.month, s."streetId", min(s."districtId"), s.kind, s.bucket / 8, sum(s.n)::int FROM "IssueMinuteBucket" s
    WHERE ${where} GROUP BY s.month, s."streetId", s.kind, s.bucket / 8`;
  const sums = Prisma.join(countKeys.map((k) => Prisma.raw(`sum(s."${k}")::int`)));
  await tx.$executeRaw`
    INSERT INTO "IssueStreetStat" (month, "streetId", "districtId", ${Prisma.join(countKeys.map((k) => Prisma.raw(`"${k}"`)))})
    SELECT s.month, s."streetId", min(s."districtId"), ${sums} FROM "IssueStat" s WHERE ${where} GROUP BY s.month, s."streetId"`;
}

async function insertIssueCells(tx: TTx, where: Prisma.Sql, cellWhere: Prisma.Sql, now: Date) {
  await tx.$executeRaw`
    INSERT INTO "IssueStat" (month, "communityId", "categoryId", "streetId", "districtId", opened, open, overdue, escalated, "takenOver", excluded,
      "ackDue", "ackOnTime", "resolveDue", resolved, rated, satisfied, "ackMinutes", "resolveMinutes", "refreshedAt")
    SELECT yishi_month(i."createdAt"), i."communityId", i."categoryId", min(i."streetId"), min(i."districtId"), ${cellAggregates(now)}, ${at(now)}
    FROM "Issue" i
    WHERE i."mergedIntoId" IS NULL AND ${where}
    GROUP BY 1, 2, 3`;
  // The same minutes per (month, community), from the cells just written (so both always agree).
  await tx.$executeRaw`
    INSERT INTO "IssueMinutes" (month, "communityId", "streetId", "districtId", "ackMinutes", "resolveMinutes")
    SELECT s.month, s."communityId", min(s."streetId"), min(s."districtId"),
      COALESCE(array_agg(a ORDER BY a) FILTER (WHERE a IS NOT NULL), '{}'), COALESCE(array_agg(r ORDER BY r) FILTER (WHERE r IS NOT NULL), '{}')
    FROM (
      SELECT s.month, s."communityId", s."streetId", s."districtId", unnest(s."ackMinutes") AS a, NULL::int AS r FROM "IssueStat" s WHERE ${cellWhere}
      UNION ALL
      SELECT s.month, s."communityId", s."streetId", s."districtId", NULL, unnest(s."resolveMinutes") FROM "IssueStat" s WHERE ${cellWhere}
    ) s
    GROUP BY 1, 2`;
}

async function recomputeActivityCells(tx: TTx, keys: TKey[], now: Date) {
  if (keys.length === 0) return;
  await tx.$executeRaw`DELETE FROM "ActivityStat" s USING (${keysTable(keys)}) k WHERE s.month = k.month AND s."communityId" = k."communityId"`;
  await insertActivityCells(tx, keys, now);
}

async function insertActivityCells(tx: TTx, keys: TKey[], now: Date) {
  if (keys.length === 0) return;
  const inMonth = (col: string) => inMonths(Prisma.raw(col), Prisma.raw('k.month'), Prisma.raw('k.month'));
  await tx.$executeRaw`
    WITH k AS (${keysTable(keys)}),
    mt AS (
      SELECT k.month, k."communityId", count(*)::int AS held,
        (count(*) FILTER (WHERE m.kind = 'CONSULTATION'))::int AS consultations,
        COALESCE(sum((SELECT count(*) FROM "Attendance" a WHERE a."meetingId" = m.id)), 0)::int AS attendance
      FROM k JOIN "Meeting" m ON m."communityId" = k."communityId" AND ${inMonth('m."startsAt"')}
      WHERE ${meetingHeld(now)}
      GROUP BY 1, 2),
    mo AS (
      SELECT k.month, k."communityId", (count(*) FILTER (WHERE x.status = 'PASSED'))::int AS passed, (count(*) FILTER (WHERE x.status = 'FAILED'))::int AS failed
      FROM k JOIN "Topic" t ON t."communityId" = k."communityId" JOIN "Motion" x ON x."topicId" = t.id AND ${inMonth('x."decidedAt"')}
      GROUP BY 1, 2),
    tp AS (
      SELECT k.month, k."communityId", count(*)::int AS raised
      FROM k JOIN "Topic" t ON t."communityId" = k."communityId" AND ${inMonth('t."createdAt"')}
      GROUP BY 1, 2)
    INSERT INTO "ActivityStat" (month, "communityId", "streetId", "districtId", "meetingsHeld", consultations, attendance, "motionsPassed", "motionsFailed", "topicsRaised", "refreshedAt")
    SELECT k.month, k."communityId", c."streetId", s."districtId", COALESCE(mt.held, 0), COALESCE(mt.consultations, 0), COALESCE(mt.attendance, 0),
      COALESCE(mo.passed, 0), COALESCE(mo.failed, 0), COALESCE(tp.raised, 0), ${at(now)}
    FROM k JOIN "Community" c ON c.id = k."communityId" JOIN "Street" s ON s.id = c."streetId"
    LEFT JOIN mt ON mt.month = k.month AND mt."communityId" = k."communityId"
    LEFT JOIN mo ON mo.month = k.month AND mo."communityId" = k."communityId"
    LEFT JOIN tp ON tp.month = k.month AND tp."communityId" = k."communityId"
    WHERE COALESCE(mt.held, 0) + COALESCE(mo.passed, 0) + COALESCE(mo.failed, 0) + COALESCE(tp.raised, 0) > 0`;
}
