BEGIN;

-- A topic's online discussion is kept by step ROUND (decision 059): a step entered again — back after a failed vote — has
-- a new thread and may be summarised again. The round is the topic's stepStartedAt when the comment or summary was written.

-- AlterTable
ALTER TABLE "TopicComment" ADD COLUMN     "stepStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "TopicRecord" ADD COLUMN     "stepStartedAt" TIMESTAMP(3);

-- Rows written before: in the current round when in the current step since it was entered; otherwise the last step change
-- before them (the topic's creation when none), the same for a thread and its summary.
CREATE FUNCTION pg_temp.discussion_round(topic INTEGER, step INTEGER, written TIMESTAMP(3)) RETURNS TIMESTAMP(3) AS $$
  SELECT CASE
    WHEN t."stepIndex" = step AND written >= t."stepStartedAt" THEN t."stepStartedAt"
    ELSE COALESCE(
      (SELECT max(e."at") FROM "TopicEvent" e
        WHERE e."topicId" = topic AND e."type" IN ('ADVANCED', 'RETURNED') AND e."at" <= written),
      t."createdAt")
  END
  FROM "Topic" t WHERE t."id" = topic
$$ LANGUAGE sql STABLE;

UPDATE "TopicComment" SET "stepStartedAt" = pg_temp.discussion_round("topicId", "stepIndex", "createdAt");
UPDATE "TopicRecord" SET "stepStartedAt" = pg_temp.discussion_round("topicId", "stepIndex", "createdAt") WHERE "kind" = 'DISCUSSION';

ALTER TABLE "TopicComment" ALTER COLUMN "stepStartedAt" SET NOT NULL;
ALTER TABLE "TopicRecord" ADD CONSTRAINT "TopicRecord_discussion_round" CHECK ("kind" <> 'DISCUSSION' OR "stepStartedAt" IS NOT NULL);

-- One summary a step round (two runners at once: one record), no longer one a step for ever.
DROP INDEX "TopicRecord_one_discussion_summary";
-- (A summary always has its round — a check says so; NULLS NOT DISTINCT keeps the rule even if one ever did not.)
CREATE UNIQUE INDEX "TopicRecord_one_discussion_summary" ON "TopicRecord"("topicId", "stepIndex", "stepStartedAt")
  NULLS NOT DISTINCT WHERE "kind" = 'DISCUSSION' AND "withdrawnAt" IS NULL;

COMMIT;
