BEGIN;

-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "acknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "excludedAt" TIMESTAMP(3),
ADD COLUMN     "excludedById" INTEGER,
ADD COLUMN     "exclusionReason" TEXT,
ADD COLUMN     "firstAcknowledgeBy" TIMESTAMP(3),
ADD COLUMN     "firstResolveBy" TIMESTAMP(3),
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "takenOverAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "IssueStat" (
    "month" DATE NOT NULL,
    "communityId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "streetId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "opened" INTEGER NOT NULL,
    "open" INTEGER NOT NULL,
    "overdue" INTEGER NOT NULL,
    "escalated" INTEGER NOT NULL,
    "takenOver" INTEGER NOT NULL,
    "excluded" INTEGER NOT NULL,
    "ackDue" INTEGER NOT NULL,
    "ackOnTime" INTEGER NOT NULL,
    "resolveDue" INTEGER NOT NULL,
    "resolved" INTEGER NOT NULL,
    "rated" INTEGER NOT NULL,
    "satisfied" INTEGER NOT NULL,
    "ackMinutes" INTEGER[],
    "resolveMinutes" INTEGER[],
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IssueStat_pkey" PRIMARY KEY ("month","communityId","categoryId")
);

-- CreateTable
CREATE TABLE "ActivityStat" (
    "month" DATE NOT NULL,
    "communityId" INTEGER NOT NULL,
    "streetId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "meetingsHeld" INTEGER NOT NULL,
    "consultations" INTEGER NOT NULL,
    "attendance" INTEGER NOT NULL,
    "motionsPassed" INTEGER NOT NULL,
    "motionsFailed" INTEGER NOT NULL,
    "topicsRaised" INTEGER NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActivityStat_pkey" PRIMARY KEY ("month","communityId")
);

-- CreateTable
CREATE TABLE "StatDirty" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "communityId" INTEGER NOT NULL,

    CONSTRAINT "StatDirty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatExport" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'QUEUED',
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "fileName" TEXT,
    "storageKey" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "StatExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IssueStat_streetId_month_idx" ON "IssueStat"("streetId", "month");

-- CreateIndex
CREATE INDEX "IssueStat_districtId_month_idx" ON "IssueStat"("districtId", "month");

-- CreateIndex
CREATE INDEX "IssueStat_month_idx" ON "IssueStat"("month");

-- CreateIndex
CREATE INDEX "ActivityStat_streetId_month_idx" ON "ActivityStat"("streetId", "month");

-- CreateIndex
CREATE INDEX "ActivityStat_districtId_month_idx" ON "ActivityStat"("districtId", "month");

-- CreateIndex
CREATE INDEX "ActivityStat_month_idx" ON "ActivityStat"("month");

-- CreateIndex
CREATE INDEX "StatExport_userId_createdAt_idx" ON "StatExport"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Issue_communityId_createdAt_idx" ON "Issue"("communityId", "createdAt");

-- CreateIndex
CREATE INDEX "Meeting_startsAt_idx" ON "Meeting"("startsAt");

-- CreateIndex
CREATE INDEX "Motion_decidedAt_idx" ON "Motion"("decidedAt");

-- ---------------------------------------------------------------------------------------------
-- Written by hand (decision 021): the facts the dashboards count, kept by triggers from the
-- timeline whatever path changed an issue, and the dirty-cell log the refresh job consumes.
-- ---------------------------------------------------------------------------------------------

-- The month (China time, UTC+8 all year) of a stored UTC timestamp.
CREATE FUNCTION yishi_month(ts timestamp) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT date_trunc('month', ts + interval '8 hours')::date $$;

-- Backfill the facts of issues raised before this migration from their timelines.
UPDATE "Issue" SET "firstAcknowledgeBy" = "acknowledgeBy", "firstResolveBy" = "resolveBy";
UPDATE "Issue" i SET "acknowledgedAt" = e.at FROM (
  SELECT "issueId", min(at) AS at FROM "IssueEvent"
  WHERE type IN ('ACKNOWLEDGE', 'START', 'RESOLVE', 'CLOSE_UNFIXED', 'TAKE_OVER', 'TAKEN_UP') GROUP BY 1) e
WHERE e."issueId" = i.id;
UPDATE "Issue" i SET "resolvedAt" = e.at FROM (
  SELECT "issueId", max(at) AS at FROM "IssueEvent" WHERE "toState" = 'RESOLVED' GROUP BY 1) e
WHERE e."issueId" = i.id;
UPDATE "Issue" i SET "escalatedAt" = e.at FROM (
  SELECT "issueId", min(at) AS at FROM "IssueEvent" WHERE type = 'ESCALATE' GROUP BY 1) e
WHERE e."issueId" = i.id;
UPDATE "Issue" i SET "takenOverAt" = e.at FROM (
  SELECT "issueId", min(at) AS at FROM "IssueEvent" WHERE type = 'TAKE_OVER' GROUP BY 1) e
WHERE e."issueId" = i.id;

-- A new issue keeps the deadlines it was raised with.
CREATE FUNCTION yishi_issue_first_deadlines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."firstAcknowledgeBy" := COALESCE(NEW."firstAcknowledgeBy", NEW."acknowledgeBy");
  NEW."firstResolveBy" := COALESCE(NEW."firstResolveBy", NEW."resolveBy");
  RETURN NEW;
END $$;
CREATE TRIGGER issue_first_deadlines BEFORE INSERT ON "Issue"
  FOR EACH ROW EXECUTE FUNCTION yishi_issue_first_deadlines();

-- Each timeline event updates the facts it stands for.
CREATE FUNCTION yishi_issue_event_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.type IN ('ACKNOWLEDGE', 'START', 'RESOLVE', 'CLOSE_UNFIXED', 'TAKE_OVER', 'TAKEN_UP') THEN
    UPDATE "Issue" SET "acknowledgedAt" = NEW.at WHERE id = NEW."issueId" AND "acknowledgedAt" IS NULL;
  END IF;
  IF NEW."toState" = 'RESOLVED' THEN
    UPDATE "Issue" SET "resolvedAt" = NEW.at WHERE id = NEW."issueId";
  END IF;
  IF NEW.type = 'ESCALATE' THEN
    UPDATE "Issue" SET "escalatedAt" = NEW.at WHERE id = NEW."issueId" AND "escalatedAt" IS NULL;
  END IF;
  IF NEW.type = 'TAKE_OVER' THEN
    UPDATE "Issue" SET "takenOverAt" = NEW.at WHERE id = NEW."issueId" AND "takenOverAt" IS NULL;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER issue_event_facts AFTER INSERT ON "IssueEvent"
  FOR EACH ROW EXECUTE FUNCTION yishi_issue_event_facts();

-- Any change to an issue marks its rollup cell (month raised, community) for the refresh job.
CREATE FUNCTION yishi_issue_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StatDirty" (kind, month, "communityId") VALUES ('ISSUE', yishi_month(NEW."createdAt"), NEW."communityId");
  IF TG_OP = 'UPDATE' AND (OLD."communityId" <> NEW."communityId" OR yishi_month(OLD."createdAt") <> yishi_month(NEW."createdAt")) THEN
    INSERT INTO "StatDirty" (kind, month, "communityId") VALUES ('ISSUE', yishi_month(OLD."createdAt"), OLD."communityId");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER issue_dirty AFTER INSERT OR UPDATE ON "Issue"
  FOR EACH ROW EXECUTE FUNCTION yishi_issue_dirty();

-- Meetings (held, consultations, attendance), motions decided and topics raised mark activity cells.
CREATE FUNCTION yishi_meeting_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StatDirty" (kind, month, "communityId") VALUES ('ACTIVITY', yishi_month(NEW."startsAt"), NEW."communityId");
  IF TG_OP = 'UPDATE' AND yishi_month(OLD."startsAt") <> yishi_month(NEW."startsAt") THEN
    INSERT INTO "StatDirty" (kind, month, "communityId") VALUES ('ACTIVITY', yishi_month(OLD."startsAt"), OLD."communityId");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER meeting_dirty AFTER INSERT OR UPDATE ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION yishi_meeting_dirty();

CREATE FUNCTION yishi_attendance_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  r := COALESCE(NEW, OLD);
  INSERT INTO "StatDirty" (kind, month, "communityId")
    SELECT 'ACTIVITY', yishi_month(m."startsAt"), m."communityId" FROM "Meeting" m WHERE m.id = r."meetingId";
  RETURN NULL;
END $$;
CREATE TRIGGER attendance_dirty AFTER INSERT OR DELETE ON "Attendance"
  FOR EACH ROW EXECUTE FUNCTION yishi_attendance_dirty();

CREATE FUNCTION yishi_motion_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."decidedAt" IS NOT NULL AND (TG_OP = 'INSERT' OR OLD."decidedAt" IS DISTINCT FROM NEW."decidedAt" OR OLD.status <> NEW.status) THEN
    INSERT INTO "StatDirty" (kind, month, "communityId")
      SELECT 'ACTIVITY', yishi_month(NEW."decidedAt"), t."communityId" FROM "Topic" t WHERE t.id = NEW."topicId";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER motion_dirty AFTER INSERT OR UPDATE ON "Motion"
  FOR EACH ROW EXECUTE FUNCTION yishi_motion_dirty();

CREATE FUNCTION yishi_topic_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StatDirty" (kind, month, "communityId") VALUES ('ACTIVITY', yishi_month(NEW."createdAt"), NEW."communityId");
  RETURN NULL;
END $$;
CREATE TRIGGER topic_dirty AFTER INSERT ON "Topic"
  FOR EACH ROW EXECUTE FUNCTION yishi_topic_dirty();

-- Deadlines passing change figures without any row changing: the refresh job finds them by these.
CREATE INDEX "Issue_firstAcknowledgeBy_unanswered_idx" ON "Issue" ("firstAcknowledgeBy") WHERE "acknowledgedAt" IS NULL;
CREATE INDEX "Issue_firstResolveBy_open_idx" ON "Issue" ("firstResolveBy") WHERE state IN ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED');
CREATE INDEX "Issue_resolveBy_open_idx" ON "Issue" ("resolveBy") WHERE state IN ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED');

-- Mark every existing cell once, so the first refresh fills the rollups.
INSERT INTO "StatDirty" (kind, month, "communityId") SELECT DISTINCT 'ISSUE', yishi_month("createdAt"), "communityId" FROM "Issue";
INSERT INTO "StatDirty" (kind, month, "communityId") SELECT DISTINCT 'ACTIVITY', yishi_month("startsAt"), "communityId" FROM "Meeting";
INSERT INTO "StatDirty" (kind, month, "communityId") SELECT DISTINCT 'ACTIVITY', yishi_month("createdAt"), "communityId" FROM "Topic";
INSERT INTO "StatDirty" (kind, month, "communityId")
  SELECT DISTINCT 'ACTIVITY', yishi_month(m."decidedAt"), t."communityId" FROM "Motion" m JOIN "Topic" t ON t.id = m."topicId" WHERE m."decidedAt" IS NOT NULL;

COMMIT;
