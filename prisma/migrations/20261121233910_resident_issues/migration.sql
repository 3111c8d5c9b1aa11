BEGIN;

-- CreateEnum
CREATE TYPE "IssueState" AS ENUM ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CLOSED_UNFIXED', 'REOPENED');

-- CreateEnum
CREATE TYPE "IssueLevel" AS ENUM ('COMPOUND', 'COMMUNITY', 'STREET', 'DISTRICT');

-- CreateEnum
CREATE TYPE "IssueRating" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED');

-- CreateTable
CREATE TABLE "IssueCategory" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "districtId" INTEGER,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "handlerRole" "Role" NOT NULL DEFAULT 'GRID_WORKER',
    "acknowledgeMinutes" INTEGER NOT NULL DEFAULT 240,
    "resolveWorkingDays" INTEGER NOT NULL DEFAULT 5,
    "remindBeforeMinutes" INTEGER NOT NULL DEFAULT 60,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "IssueCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Issue" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "state" "IssueState" NOT NULL DEFAULT 'SUBMITTED',
    "level" "IssueLevel" NOT NULL DEFAULT 'COMPOUND',
    "districtId" INTEGER NOT NULL,
    "streetId" INTEGER NOT NULL,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "buildingId" INTEGER,
    "authorUserId" INTEGER,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "enteredById" INTEGER,
    "assigneeUserId" INTEGER,
    "acknowledgeBy" TIMESTAMP(3) NOT NULL,
    "resolveBy" TIMESTAMP(3) NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "rating" "IssueRating",
    "ratingComment" TEXT,
    "mergedIntoId" INTEGER,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueFollower" (
    "issueId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "IssueFollower_pkey" PRIMARY KEY ("issueId","userId")
);

-- CreateTable
CREATE TABLE "IssueEvent" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromState" "IssueState",
    "toState" "IssueState",
    "level" "IssueLevel",
    "message" TEXT,

    CONSTRAINT "IssueEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "issueId" INTEGER,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IssueCategory_districtId_code_key" ON "IssueCategory"("districtId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Issue_idempotencyKey_key" ON "Issue"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Issue_state_level_idx" ON "Issue"("state", "level");

-- CreateIndex
CREATE INDEX "Issue_communityId_state_idx" ON "Issue"("communityId", "state");

-- CreateIndex
CREATE INDEX "Issue_assigneeUserId_state_idx" ON "Issue"("assigneeUserId", "state");

-- CreateIndex
CREATE INDEX "Issue_authorUserId_idx" ON "Issue"("authorUserId");

-- CreateIndex
CREATE INDEX "IssueFollower_userId_idx" ON "IssueFollower"("userId");

-- CreateIndex
CREATE INDEX "IssueEvent_issueId_at_idx" ON "IssueEvent"("issueId", "at");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- AddForeignKey
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "IssueCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueFollower" ADD CONSTRAINT "IssueFollower_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueEvent" ADD CONSTRAINT "IssueEvent_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

COMMIT;
