BEGIN;

-- CreateEnum
CREATE TYPE "ConsultationAnswer" AS ENUM ('AGREE', 'DISAGREE', 'NO_VIEW');

-- AlterTable
ALTER TABLE "IssueEvent" ADD COLUMN     "amountFen" INTEGER;

-- CreateTable
CREATE TABLE "IssueHandler" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "party" TEXT NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,
    "addedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueHandler_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueConsultation" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "buildingId" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "openedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueConsultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueConsultationAnswer" (
    "id" SERIAL NOT NULL,
    "consultationId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "answer" "ConsultationAnswer" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueConsultationAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IssueHandler_party_idx" ON "IssueHandler"("party");

-- CreateIndex
CREATE UNIQUE INDEX "IssueHandler_issueId_party_key" ON "IssueHandler"("issueId", "party");

-- CreateIndex
CREATE INDEX "IssueConsultation_issueId_idx" ON "IssueConsultation"("issueId");

-- CreateIndex
CREATE UNIQUE INDEX "IssueConsultationAnswer_consultationId_personId_key" ON "IssueConsultationAnswer"("consultationId", "personId");

-- AddForeignKey
ALTER TABLE "IssueHandler" ADD CONSTRAINT "IssueHandler_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueConsultation" ADD CONSTRAINT "IssueConsultation_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueConsultationAnswer" ADD CONSTRAINT "IssueConsultationAnswer_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "IssueConsultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand SQL (decision 050): a party names an account, an organisation or a body; one lead per issue.
ALTER TABLE "IssueHandler" ADD CONSTRAINT "IssueHandler_party_check" CHECK ("party" ~ '^(user|org|body):[0-9]+$');
CREATE UNIQUE INDEX "IssueHandler_one_lead" ON "IssueHandler"("issueId") WHERE "lead";

COMMIT;
