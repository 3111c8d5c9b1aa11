BEGIN;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "TopicRecord" ADD COLUMN     "withdrawReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnById" INTEGER;

-- AlterTable
ALTER TABLE "TopicTask" ADD COLUMN     "withdrawReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnById" INTEGER;

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "stepIndex" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_idempotencyKey_key" ON "Meeting"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_idempotencyKey_key" ON "Topic"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_topicId_stepIndex_kind_key" ON "Notice"("topicId", "stepIndex", "kind");

COMMIT;
