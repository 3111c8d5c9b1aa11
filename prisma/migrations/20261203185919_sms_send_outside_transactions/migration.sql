BEGIN;

-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'SENDING';

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "claimedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SmsReportWaiting" (
    "id" SERIAL NOT NULL,
    "messageId" TEXT NOT NULL,
    "delivered" BOOLEAN NOT NULL,
    "code" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsReportWaiting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SmsReportWaiting_messageId_key" ON "SmsReportWaiting"("messageId");

COMMIT;
