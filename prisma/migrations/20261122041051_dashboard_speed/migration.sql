BEGIN;

-- CreateTable
CREATE TABLE "IssueMinutes" (
    "month" DATE NOT NULL,
    "communityId" INTEGER NOT NULL,
    "streetId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "ackMinutes" INTEGER[],
    "resolveMinutes" INTEGER[],

    CONSTRAINT "IssueMinutes_pkey" PRIMARY KEY ("month","communityId")
);

-- CreateIndex
CREATE INDEX "IssueMinutes_streetId_month_idx" ON "IssueMinutes"("streetId", "month");

-- CreateIndex
CREATE INDEX "IssueMinutes_districtId_month_idx" ON "IssueMinutes"("districtId", "month");

-- CreateIndex
CREATE INDEX "Topic_createdAt_idx" ON "Topic"("createdAt");

-- Written by hand: fill the new table at the next refresh by marking every existing cell.
INSERT INTO "StatDirty" (kind, month, "communityId") SELECT DISTINCT 'ISSUE', month, "communityId" FROM "IssueStat";

COMMIT;
