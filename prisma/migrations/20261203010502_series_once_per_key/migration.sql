BEGIN;

-- AlterTable
ALTER TABLE "MeetingSeries" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "MeetingSeries_idempotencyKey_key" ON "MeetingSeries"("idempotencyKey");

COMMIT;
