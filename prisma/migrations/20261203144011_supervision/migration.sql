BEGIN;

-- CreateEnum
CREATE TYPE "SupervisionLevel" AS ENUM ('OWNER', 'COMMUNITY', 'STREET');

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "stepEscalatedAt" TIMESTAMP(3),
ADD COLUMN     "stepLevel" "SupervisionLevel" NOT NULL DEFAULT 'OWNER',
ADD COLUMN     "stepOverdueSince" TIMESTAMP(3),
ADD COLUMN     "stepRemindedAt" TIMESTAMP(3),
ADD COLUMN     "stepTakenOverAt" TIMESTAMP(3),
ADD COLUMN     "stepTakenOverById" INTEGER;

-- AlterTable
ALTER TABLE "TopicTask" ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "overdueSince" TIMESTAMP(3),
ADD COLUMN     "remindedAt" TIMESTAMP(3),
ADD COLUMN     "superviseLevel" "SupervisionLevel" NOT NULL DEFAULT 'OWNER',
ADD COLUMN     "takenOverAt" TIMESTAMP(3),
ADD COLUMN     "takenOverById" INTEGER;

-- CreateTable
CREATE TABLE "TopicPress" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "taskId" INTEGER,
    "stepIndex" INTEGER,
    "byUserId" INTEGER NOT NULL,
    "byLabel" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "message" TEXT NOT NULL,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" INTEGER,

    CONSTRAINT "TopicPress_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TopicPress_topicId_idx" ON "TopicPress"("topicId");

-- CreateIndex
CREATE INDEX "TopicPress_taskId_idx" ON "TopicPress"("taskId");

-- AddForeignKey
ALTER TABLE "TopicPress" ADD CONSTRAINT "TopicPress_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicPress" ADD CONSTRAINT "TopicPress_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "TopicTask"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- 督办 facts that must hold together (decision 049).
ALTER TABLE "TopicPress" ADD CONSTRAINT "TopicPress_task_or_step" CHECK (num_nonnulls("taskId", "stepIndex") = 1);
ALTER TABLE "TopicPress" ADD CONSTRAINT "TopicPress_answered" CHECK (num_nonnulls("answer", "answeredAt", "answeredById") IN (0, 3));
ALTER TABLE "TopicPress" ADD CONSTRAINT "TopicPress_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id");
ALTER TABLE "TopicTask" ADD CONSTRAINT "TopicTask_escalated_is_overdue" CHECK ("superviseLevel" = 'OWNER' OR "overdueSince" IS NOT NULL);
ALTER TABLE "TopicTask" ADD CONSTRAINT "TopicTask_taken_over" CHECK (num_nonnulls("takenOverAt", "takenOverById") IN (0, 2));
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_step_escalated_is_overdue" CHECK ("stepLevel" = 'OWNER' OR "stepOverdueSince" IS NOT NULL);
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_step_taken_over" CHECK (num_nonnulls("stepTakenOverAt", "stepTakenOverById") IN (0, 2));
-- The desks' and dashboards' overdue lists: open tasks flagged overdue, topics whose step is.
CREATE INDEX "TopicTask_overdue_idx" ON "TopicTask"("overdueSince") WHERE "overdueSince" IS NOT NULL AND status = 'OPEN';
CREATE INDEX "Topic_step_overdue_idx" ON "Topic"("stepOverdueSince") WHERE "stepOverdueSince" IS NOT NULL;

COMMIT;
