BEGIN;

-- CreateEnum
CREATE TYPE "DisclosureDiscloser" AS ENUM ('COMMUNITY', 'OWNERS_COMMITTEE', 'PROPERTY_FIRM');

-- CreateEnum
CREATE TYPE "DisclosureCadence" AS ENUM ('MONTHLY', 'QUARTERLY', 'YEARLY', 'EVENT');

-- CreateTable
CREATE TABLE "DisclosureItem" (
    "id" SERIAL NOT NULL,
    "districtId" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "discloser" "DisclosureDiscloser" NOT NULL,
    "cadence" "DisclosureCadence" NOT NULL,
    "withinDays" INTEGER,
    "graceDays" INTEGER NOT NULL DEFAULT 0,
    "name" TEXT NOT NULL,
    "titleTemplate" TEXT NOT NULL,
    "bodyTemplate" TEXT NOT NULL,
    "periodDays" INTEGER NOT NULL DEFAULT 7,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "startsOn" DATE NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,
    "idempotencyKey" TEXT,

    CONSTRAINT "DisclosureItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureEvent" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "occurredOn" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "recordedById" INTEGER NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureFiling" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "periodKey" TEXT NOT NULL,
    "eventId" INTEGER,
    "dueOn" DATE NOT NULL,
    "noticeId" INTEGER,
    "waiverReason" TEXT,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "onTime" BOOLEAN NOT NULL,
    "filedById" INTEGER NOT NULL,
    "photoKey" TEXT,
    "photoAt" TIMESTAMP(3),
    "photoById" INTEGER,

    CONSTRAINT "DisclosureFiling_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureItem_idempotencyKey_key" ON "DisclosureItem"("idempotencyKey");

-- CreateIndex
CREATE INDEX "DisclosureItem_districtId_idx" ON "DisclosureItem"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureEvent_idempotencyKey_key" ON "DisclosureEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "DisclosureEvent_communityId_idx" ON "DisclosureEvent"("communityId");

-- CreateIndex
CREATE INDEX "DisclosureEvent_itemId_idx" ON "DisclosureEvent"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureFiling_eventId_key" ON "DisclosureFiling"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureFiling_noticeId_key" ON "DisclosureFiling"("noticeId");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureFiling_photoKey_key" ON "DisclosureFiling"("photoKey");

-- CreateIndex
CREATE INDEX "DisclosureFiling_communityId_idx" ON "DisclosureFiling"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureFiling_itemId_communityId_compoundId_periodKey_key" ON "DisclosureFiling"("itemId", "communityId", "compoundId", "periodKey");

-- AddForeignKey
ALTER TABLE "DisclosureItem" ADD CONSTRAINT "DisclosureItem_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureItem" ADD CONSTRAINT "DisclosureItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureEvent" ADD CONSTRAINT "DisclosureEvent_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "DisclosureItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureEvent" ADD CONSTRAINT "DisclosureEvent_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureEvent" ADD CONSTRAINT "DisclosureEvent_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureEvent" ADD CONSTRAINT "DisclosureEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureFiling" ADD CONSTRAINT "DisclosureFiling_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "DisclosureItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureFiling" ADD CONSTRAINT "DisclosureFiling_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureFiling" ADD CONSTRAINT "DisclosureFiling_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureFiling" ADD CONSTRAINT "DisclosureFiling_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "DisclosureEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureFiling" ADD CONSTRAINT "DisclosureFiling_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureFiling" ADD CONSTRAINT "DisclosureFiling_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureFiling" ADD CONSTRAINT "DisclosureFiling_photoById_fkey" FOREIGN KEY ("photoById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

COMMIT;

-- Hand-written (decision 070).
-- One filing per slot: a community's own slot has no compound, and NULL must not make two of them distinct.
-- Prisma cannot express NULLS NOT DISTINCT; the index keeps its name, so the schema diff stays empty.
DROP INDEX "DisclosureFiling_itemId_communityId_compoundId_periodKey_key";
CREATE UNIQUE INDEX "DisclosureFiling_itemId_communityId_compoundId_periodKey_key"
  ON "DisclosureFiling"("itemId", "communityId", "compoundId", "periodKey") NULLS NOT DISTINCT;

ALTER TABLE "DisclosureItem"
  ADD CONSTRAINT "DisclosureItem_category_check" CHECK ("category" IN ('PARTY', 'RESIDENTS', 'FINANCE')),
  ADD CONSTRAINT "DisclosureItem_cadence_days_check" CHECK (
    ("cadence" = 'EVENT' AND "withinDays" BETWEEN 1 AND 365) OR ("cadence" <> 'EVENT' AND "withinDays" IS NULL)),
  ADD CONSTRAINT "DisclosureItem_grace_check" CHECK ("graceDays" BETWEEN 0 AND 365),
  ADD CONSTRAINT "DisclosureItem_period_check" CHECK ("periodDays" BETWEEN 1 AND 365),
  ADD CONSTRAINT "DisclosureItem_text_check" CHECK (length(btrim("name")) > 0 AND length(btrim("titleTemplate")) > 0);

-- A filing is a published notice or a waiver with a reason, never both, never neither; an event's filing is its slot.
ALTER TABLE "DisclosureFiling"
  ADD CONSTRAINT "DisclosureFiling_outcome_check" CHECK (("noticeId" IS NULL) <> ("waiverReason" IS NULL)),
  ADD CONSTRAINT "DisclosureFiling_waiver_check" CHECK ("waiverReason" IS NULL OR length(btrim("waiverReason")) >= 2),
  ADD CONSTRAINT "DisclosureFiling_event_check" CHECK ("eventId" IS NULL OR "periodKey" = 'E' || "eventId"),
  ADD CONSTRAINT "DisclosureFiling_ontime_check" CHECK (
    "onTime" = ((("filedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date) <= "dueOn"));
