BEGIN;

-- CreateTable
CREATE TABLE "IssueStreetStat" (
    "month" DATE NOT NULL,
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

    CONSTRAINT "IssueStreetStat_pkey" PRIMARY KEY ("streetId","month")
);

-- CreateIndex
CREATE INDEX "IssueStreetStat_districtId_month_idx" ON "IssueStreetStat"("districtId", "month");

-- The sums of the cells already there (the refresh keeps them from now on).
INSERT INTO "IssueStreetStat" (month, "streetId", "districtId", "opened", "open", "overdue", "escalated", "takenOver", "excluded", "ackDue", "ackOnTime", "resolveDue", "resolved", "rated", "satisfied")
SELECT month, "streetId", min("districtId"), sum("opened")::int, sum("open")::int, sum("overdue")::int, sum("escalated")::int, sum("takenOver")::int, sum("excluded")::int, sum("ackDue")::int, sum("ackOnTime")::int, sum("resolveDue")::int, sum("resolved")::int, sum("rated")::int, sum("satisfied")::int FROM "IssueStat" GROUP BY month, "streetId";

COMMIT;
