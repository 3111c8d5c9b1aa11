BEGIN;

-- CreateEnum
CREATE TYPE "OwnersCommitteeRule" AS ENUM ('NATIONAL', 'BEIJING_SHANGHAI');

-- AlterTable
ALTER TABLE "District" ADD COLUMN     "ownersCommitteeRule" "OwnersCommitteeRule" NOT NULL DEFAULT 'NATIONAL';

-- Beijing (11) and Shanghai (31) require more than half of all committee members (rules.md §4).
UPDATE "District" SET "ownersCommitteeRule" = 'BEIJING_SHANGHAI' WHERE code LIKE '11%' OR code LIKE '31%';

-- AlterTable
ALTER TABLE "TopicEvent" ADD COLUMN     "motionId" INTEGER;

COMMIT;
