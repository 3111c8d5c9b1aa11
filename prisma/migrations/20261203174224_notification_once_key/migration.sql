BEGIN;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "onceKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_onceKey_key" ON "Notification"("userId", "onceKey");

COMMIT;
