BEGIN;

-- DropIndex
DROP INDEX "Notice_topicId_stepIndex_kind_key";

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Notice_topicId_stepIndex_kind_round_key" ON "Notice"("topicId", "stepIndex", "kind", "round");

COMMIT;
