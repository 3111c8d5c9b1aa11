BEGIN;

-- CreateEnum
CREATE TYPE "VoteMode" AS ENUM ('ELECTRONIC', 'SHOW_OF_HANDS', 'WRITTEN');

-- CreateEnum
CREATE TYPE "BallotChoice" AS ENUM ('FOR', 'AGAINST', 'ABSTAIN');

-- AlterTable
ALTER TABLE "Motion" ADD COLUMN     "allowChange" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "closesAt" TIMESTAMP(3),
ADD COLUMN     "hideResults" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "meetingId" INTEGER,
ADD COLUMN     "mode" "VoteMode" NOT NULL DEFAULT 'SHOW_OF_HANDS',
ADD COLUMN     "proxyLimit" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "secret" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tallyHash" TEXT,
ADD COLUMN     "title" TEXT;

-- CreateTable
CREATE TABLE "MotionVoter" (
    "motionId" INTEGER NOT NULL,
    "voterKey" INTEGER NOT NULL,
    "areaCentiM2" INTEGER NOT NULL DEFAULT 0,
    "units" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MotionVoter_pkey" PRIMARY KEY ("motionId","voterKey")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" SERIAL NOT NULL,
    "motionId" INTEGER NOT NULL,
    "voterKey" INTEGER NOT NULL,
    "choice" "BallotChoice",
    "channel" TEXT NOT NULL,
    "proxyHolderId" INTEGER,
    "proxyDocument" TEXT,
    "enteredById" INTEGER,
    "castAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedAt" TIMESTAMP(3),

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecretChoice" (
    "id" SERIAL NOT NULL,
    "motionId" INTEGER NOT NULL,
    "choice" "BallotChoice" NOT NULL,

    CONSTRAINT "SecretChoice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Ballot_motionId_proxyHolderId_idx" ON "Ballot"("motionId", "proxyHolderId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_motionId_voterKey_key" ON "Ballot"("motionId", "voterKey");

-- CreateIndex
CREATE INDEX "SecretChoice_motionId_idx" ON "SecretChoice"("motionId");

-- AddForeignKey
ALTER TABLE "MotionVoter" ADD CONSTRAINT "MotionVoter_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

COMMIT;
