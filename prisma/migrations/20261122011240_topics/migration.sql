BEGIN;

-- CreateEnum
CREATE TYPE "TopicStatus" AS ENUM ('OPEN', 'DONE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('SUPPORT', 'OPPOSE', 'AMEND');

-- CreateEnum
CREATE TYPE "StakeholderGroup" AS ENUM ('BRANCH', 'RESIDENT_REPS', 'PARTY_REPS', 'OWNERS_COMMITTEE', 'PROPERTY_FIRM', 'CO_BUILDING', 'NEARBY_FIRM', 'SOCIAL_ORG');

-- CreateEnum
CREATE TYPE "MotionStatus" AS ENUM ('OPEN', 'PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'DONE', 'ACCEPTED');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "topicId" INTEGER;

-- CreateTable
CREATE TABLE "Procedure" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "districtId" INTEGER,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "basedOnId" INTEGER,
    "steps" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Procedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "procedureId" INTEGER NOT NULL,
    "status" "TopicStatus" NOT NULL DEFAULT 'OPEN',
    "stepIndex" INTEGER NOT NULL DEFAULT 0,
    "stepStartedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stepDueAt" TIMESTAMP(3) NOT NULL,
    "districtId" INTEGER NOT NULL,
    "streetId" INTEGER NOT NULL,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "assemblyMatter" INTEGER,
    "actualCostFen" INTEGER,
    "createdById" INTEGER NOT NULL,
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicEvent" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "message" TEXT,

    CONSTRAINT "TopicEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicFollower" (
    "topicId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "TopicFollower_pkey" PRIMARY KEY ("topicId","userId")
);

-- CreateTable
CREATE TABLE "Stakeholder" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "group" "StakeholderGroup" NOT NULL,
    "label" TEXT NOT NULL,
    "personId" INTEGER,
    "bodyId" INTEGER,
    "partyOrgId" INTEGER,
    "organizationId" INTEGER,
    "invitedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Stakeholder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "authorUserId" INTEGER,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "enteredById" INTEGER,
    "onBehalfName" TEXT,
    "stance" "Stance" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "convention" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "budgetFen" INTEGER,
    "funding" JSONB NOT NULL DEFAULT '[]',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "frozenAt" TIMESTAMP(3),

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicRecord" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "planVersionId" INTEGER,
    "statement" TEXT NOT NULL,
    "participants" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "heldOn" DATE NOT NULL,
    "byUserId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Motion" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "bodyId" INTEGER,
    "voters" JSONB NOT NULL,
    "rule" JSONB NOT NULL,
    "roster" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "status" "MotionStatus" NOT NULL DEFAULT 'OPEN',
    "tally" JSONB,
    "result" JSONB,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedById" INTEGER,

    CONSTRAINT "Motion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bid" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "contractor" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "note" TEXT,
    "chosen" BOOLEAN NOT NULL DEFAULT false,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicTask" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "responsible" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskUpdate" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "authorLabel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "photoKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER,
    "kind" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "periodDays" INTEGER NOT NULL DEFAULT 7,
    "createdById" INTEGER,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Procedure_districtId_code_version_key" ON "Procedure"("districtId", "code", "version");

-- CreateIndex
CREATE INDEX "Topic_communityId_status_idx" ON "Topic"("communityId", "status");

-- CreateIndex
CREATE INDEX "Topic_compoundId_idx" ON "Topic"("compoundId");

-- CreateIndex
CREATE INDEX "TopicEvent_topicId_at_idx" ON "TopicEvent"("topicId", "at");

-- CreateIndex
CREATE INDEX "TopicFollower_userId_idx" ON "TopicFollower"("userId");

-- CreateIndex
CREATE INDEX "Stakeholder_topicId_idx" ON "Stakeholder"("topicId");

-- CreateIndex
CREATE INDEX "Suggestion_topicId_idx" ON "Suggestion"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_topicId_version_key" ON "PlanVersion"("topicId", "version");

-- CreateIndex
CREATE INDEX "TopicRecord_topicId_idx" ON "TopicRecord"("topicId");

-- CreateIndex
CREATE INDEX "Motion_topicId_idx" ON "Motion"("topicId");

-- CreateIndex
CREATE INDEX "Bid_topicId_idx" ON "Bid"("topicId");

-- CreateIndex
CREATE INDEX "TopicTask_topicId_idx" ON "TopicTask"("topicId");

-- CreateIndex
CREATE INDEX "TaskUpdate_taskId_idx" ON "TaskUpdate"("taskId");

-- CreateIndex
CREATE INDEX "Notice_communityId_publishedAt_idx" ON "Notice"("communityId", "publishedAt");

-- CreateIndex
CREATE INDEX "Notice_topicId_idx" ON "Notice"("topicId");

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicEvent" ADD CONSTRAINT "TopicEvent_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicFollower" ADD CONSTRAINT "TopicFollower_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stakeholder" ADD CONSTRAINT "Stakeholder_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicRecord" ADD CONSTRAINT "TopicRecord_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicTask" ADD CONSTRAINT "TopicTask_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskUpdate" ADD CONSTRAINT "TaskUpdate_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "TopicTask"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

COMMIT;
