BEGIN;

-- AlterEnum
ALTER TYPE "IssueState" ADD VALUE 'IN_TOPIC';

-- AlterTable
ALTER TABLE "IssueCategory" ADD COLUMN     "aroundTheClock" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "resolveMinutes" INTEGER NOT NULL DEFAULT 1440;

COMMIT;
