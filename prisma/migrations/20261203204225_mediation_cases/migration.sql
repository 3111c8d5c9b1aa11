BEGIN;

-- CreateEnum
CREATE TYPE "MediationKind" AS ENUM ('NEIGHBOURS', 'PROPERTY_SERVICE', 'PARKING', 'PETS', 'NOISE', 'WATER_LEAK', 'FAMILY', 'OTHER');

-- CreateEnum
CREATE TYPE "MediationSource" AS ENUM ('ISSUE', 'RECEPTION_DAY', 'COURTYARD_MEETING', 'STREET_REFERRAL', 'POLICE_REFERRAL', 'WALK_IN');

-- CreateEnum
CREATE TYPE "MediationUrgency" AS ENUM ('NORMAL', 'URGENT');

-- CreateEnum
CREATE TYPE "MediationStatus" AS ENUM ('OPEN', 'AGREED', 'UNRESOLVED', 'CLOSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "MediationSide" AS ENUM ('APPLICANT', 'RESPONDENT');

-- CreateEnum
CREATE TYPE "MediatorSource" AS ENUM ('COMMITTEE', 'GRID_WORKER', 'BRANCH_SECRETARY', 'STUDIO');

-- CreateEnum
CREATE TYPE "MediationFormat" AS ENUM ('FACE_TO_FACE', 'BACK_TO_BACK');

-- CreateEnum
CREATE TYPE "MediationSessionStatus" AS ENUM ('SCHEDULED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('DRAFT', 'SIGNED', 'BROKEN', 'KEPT');

-- CreateEnum
CREATE TYPE "MediationReferral" AS ENUM ('STREET_CENTRE', 'COURT', 'HOTLINE_12345', 'ARBITRATION', 'OTHER');

-- CreateEnum
CREATE TYPE "FollowUpResult" AS ENUM ('KEPT', 'PARTLY', 'BROKEN');

-- AlterEnum
ALTER TYPE "IssueState" ADD VALUE 'IN_MEDIATION';

-- AlterEnum
ALTER TYPE "OrganizationKind" ADD VALUE 'MEDIATION_STUDIO';

-- CreateTable
CREATE TABLE "MediationCase" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "kind" "MediationKind" NOT NULL,
    "source" "MediationSource" NOT NULL,
    "urgency" "MediationUrgency" NOT NULL DEFAULT 'NORMAL',
    "summary" TEXT NOT NULL,
    "status" "MediationStatus" NOT NULL DEFAULT 'OPEN',
    "receivedOn" DATE NOT NULL,
    "issueId" INTEGER,
    "referredBy" TEXT,
    "referral" "MediationReferral",
    "referralNote" TEXT,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "concludedOn" DATE,
    "closedOn" DATE,
    "createdById" INTEGER NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationParty" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "side" "MediationSide" NOT NULL,
    "personId" INTEGER,
    "householdId" INTEGER,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "address" TEXT,

    CONSTRAINT "MediationParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseMediator" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "source" "MediatorSource" NOT NULL,
    "organizationId" INTEGER,
    "bodyId" INTEGER,
    "lead" BOOLEAN NOT NULL DEFAULT false,
    "conflictNote" TEXT,
    "addedById" INTEGER NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseMediator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationSession" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "no" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT NOT NULL,
    "format" "MediationFormat" NOT NULL,
    "status" "MediationSessionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "attendance" JSONB,
    "notes" TEXT,
    "outcome" TEXT,
    "heldAt" TIMESTAMP(3),
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediationSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationAgreement" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "status" "AgreementStatus" NOT NULL DEFAULT 'DRAFT',
    "facts" TEXT NOT NULL,
    "terms" JSONB NOT NULL,
    "performance" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "signedOn" DATE,
    "scanName" TEXT,
    "scanMime" TEXT,
    "scanBytes" INTEGER,
    "scanSha256" TEXT,
    "scanKey" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediationAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationFollowUp" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "agreementId" INTEGER NOT NULL,
    "visitedOn" DATE NOT NULL,
    "result" "FollowUpResult" NOT NULL,
    "note" TEXT NOT NULL,
    "byUserId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediationFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_issueId_key" ON "MediationCase"("issueId");

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_idempotencyKey_key" ON "MediationCase"("idempotencyKey");

-- CreateIndex
CREATE INDEX "MediationCase_communityId_receivedOn_idx" ON "MediationCase"("communityId", "receivedOn");

-- CreateIndex
CREATE INDEX "MediationCase_compoundId_idx" ON "MediationCase"("compoundId");

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_communityId_year_seq_key" ON "MediationCase"("communityId", "year", "seq");

-- CreateIndex
CREATE INDEX "MediationParty_personId_idx" ON "MediationParty"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "MediationParty_caseId_personId_key" ON "MediationParty"("caseId", "personId");

-- CreateIndex
CREATE INDEX "CaseMediator_personId_idx" ON "CaseMediator"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseMediator_caseId_personId_key" ON "CaseMediator"("caseId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "MediationSession_caseId_no_key" ON "MediationSession"("caseId", "no");

-- CreateIndex
CREATE UNIQUE INDEX "MediationAgreement_scanKey_key" ON "MediationAgreement"("scanKey");

-- CreateIndex
CREATE INDEX "MediationAgreement_caseId_idx" ON "MediationAgreement"("caseId");

-- CreateIndex
CREATE INDEX "MediationFollowUp_caseId_idx" ON "MediationFollowUp"("caseId");

-- AddForeignKey
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMediator" ADD CONSTRAINT "CaseMediator_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMediator" ADD CONSTRAINT "CaseMediator_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMediator" ADD CONSTRAINT "CaseMediator_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMediator" ADD CONSTRAINT "CaseMediator_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationSession" ADD CONSTRAINT "MediationSession_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationAgreement" ADD CONSTRAINT "MediationAgreement_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationFollowUp" ADD CONSTRAINT "MediationFollowUp_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationFollowUp" ADD CONSTRAINT "MediationFollowUp_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "MediationAgreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Decision 062: what decides a case is checked by the database, not only by the use cases.
-- Accounts named by a case are disabled, never deleted.
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CaseMediator" ADD CONSTRAINT "CaseMediator_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MediationSession" ADD CONSTRAINT "MediationSession_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MediationAgreement" ADD CONSTRAINT "MediationAgreement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MediationFollowUp" ADD CONSTRAINT "MediationFollowUp_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_summary_check" CHECK (length(btrim("summary")) > 0);
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_seq_check" CHECK ("seq" > 0 AND "year" BETWEEN 2000 AND 2999);
-- An unresolved case says where the parties were sent; a concluded one says when.
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_referral_check" CHECK ("status" <> 'UNRESOLVED' OR "referral" IS NOT NULL);
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_concluded_check" CHECK ("status" = 'OPEN' OR "concludedOn" IS NOT NULL);
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_closed_check" CHECK ("status" <> 'CLOSED' OR "closedOn" IS NOT NULL);

-- A party is a named resident, or an outside party with a phone to reach them.
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_name_check" CHECK (length(btrim("name")) > 0);
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_reach_check" CHECK ("personId" IS NOT NULL OR "phone" IS NOT NULL);

-- One lead mediator per case; a studio's mediator names the studio, a committee's the committee.
CREATE UNIQUE INDEX "CaseMediator_one_lead" ON "CaseMediator"("caseId") WHERE "lead";
ALTER TABLE "CaseMediator" ADD CONSTRAINT "CaseMediator_source_check" CHECK (
  ("source" <> 'STUDIO' OR "organizationId" IS NOT NULL) AND ("source" <> 'COMMITTEE' OR "bodyId" IS NOT NULL));

ALTER TABLE "MediationSession" ADD CONSTRAINT "MediationSession_no_check" CHECK ("no" > 0);
ALTER TABLE "MediationSession" ADD CONSTRAINT "MediationSession_held_check" CHECK ("status" <> 'HELD' OR ("heldAt" IS NOT NULL AND "attendance" IS NOT NULL));

-- One agreement in force (draft or signed) per case; it has facts and terms; a signed one has its date and scan.
CREATE UNIQUE INDEX "MediationAgreement_one_open" ON "MediationAgreement"("caseId") WHERE "status" IN ('DRAFT', 'SIGNED');
ALTER TABLE "MediationAgreement" ADD CONSTRAINT "MediationAgreement_text_check" CHECK (
  length(btrim("facts")) > 0 AND length(btrim("performance")) > 0 AND jsonb_typeof("terms") = 'array' AND jsonb_array_length("terms") > 0);
ALTER TABLE "MediationAgreement" ADD CONSTRAINT "MediationAgreement_signed_check" CHECK (
  "status" = 'DRAFT' OR ("signedOn" IS NOT NULL AND "scanKey" IS NOT NULL AND "dueOn" >= "signedOn"));

-- An agreement is between parties: at least one on each side when it is written.
CREATE FUNCTION mediation_agreement_parties() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(DISTINCT "side") FROM "MediationParty" WHERE "caseId" = NEW."caseId") < 2 THEN
    RAISE EXCEPTION 'mediation agreement needs an applicant and a respondent' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "MediationAgreement_parties" BEFORE INSERT OR UPDATE ON "MediationAgreement"
  FOR EACH ROW EXECUTE FUNCTION mediation_agreement_parties();

ALTER TABLE "MediationFollowUp" ADD CONSTRAINT "MediationFollowUp_note_check" CHECK (length(btrim("note")) > 0);

COMMIT;
