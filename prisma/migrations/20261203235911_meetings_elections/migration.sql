BEGIN;

-- CreateEnum
CREATE TYPE "ElectionStatus" AS ENUM ('NOMINATING', 'PUBLICISING', 'VOTING', 'COUNTED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ElectionElectorate" AS ENUM ('ADULT_RESIDENTS', 'HOUSEHOLDS', 'OWNERS', 'PARTY_MEMBERS');

-- CreateEnum
CREATE TYPE "ElectionRule" AS ENUM ('MAJORITY', 'PLURALITY', 'OWNERS_278', 'RUNOFF_THIRD');

-- CreateEnum
CREATE TYPE "NominationKind" AS ENUM ('SELF', 'RESIDENTS', 'BRANCH', 'STAFF');

-- CreateEnum
CREATE TYPE "CandidateStatus" AS ENUM ('NOMINATED', 'LISTED', 'WITHDRAWN', 'STRUCK');

-- CreateEnum
CREATE TYPE "MeetingElectorate" AS ENUM ('ADULT_RESIDENTS', 'HOUSEHOLDS', 'GROUP_REPRESENTATIVES');

-- CreateEnum
CREATE TYPE "MeetingApproval" AS ENUM ('PROPOSED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "MeetingRequestBasis" AS ENUM ('ADULTS', 'HOUSEHOLDS', 'GROUPS');

-- CreateEnum
CREATE TYPE "MeetingRequestStatus" AS ENUM ('OPEN', 'CALLED', 'CLOSED');

-- AlterTable
ALTER TABLE "MeetingSeries" ADD COLUMN     "open" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "typeId" INTEGER;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "approval" "MeetingApproval",
ADD COLUMN     "approvalNote" TEXT,
ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "approvedById" INTEGER,
ADD COLUMN     "electorate" "MeetingElectorate",
ADD COLUMN     "open" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "proposedByPartyOrgId" INTEGER,
ADD COLUMN     "shortNoticeReason" TEXT,
ADD COLUMN     "typeId" INTEGER;

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "householdId" INTEGER,
ADD COLUMN     "walkInName" TEXT,
ALTER COLUMN "personId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Election" (
    "id" SERIAL NOT NULL,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "buildingId" INTEGER,
    "bodyId" INTEGER,
    "post" TEXT,
    "title" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "maxChoices" INTEGER NOT NULL,
    "electorate" "ElectionElectorate" NOT NULL,
    "partyOrgId" INTEGER,
    "rule" "ElectionRule" NOT NULL,
    "secret" BOOLEAN NOT NULL DEFAULT true,
    "secondersNeeded" INTEGER NOT NULL DEFAULT 0,
    "nominationEndsAt" TIMESTAMP(3) NOT NULL,
    "publicityDays" INTEGER NOT NULL DEFAULT 5,
    "votingStartsAt" TIMESTAMP(3),
    "votingEndsAt" TIMESTAMP(3),
    "meetingId" INTEGER,
    "termStartsOn" DATE NOT NULL,
    "termEndsOn" DATE NOT NULL,
    "status" "ElectionStatus" NOT NULL DEFAULT 'NOMINATING',
    "round" INTEGER NOT NULL DEFAULT 1,
    "runoffOfId" INTEGER,
    "candidateNoticeId" INTEGER,
    "resultNoticeId" INTEGER,
    "result" JSONB,
    "tallyHash" TEXT,
    "countedAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "createdById" INTEGER NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Election_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionCandidate" (
    "id" SERIAL NOT NULL,
    "electionId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "kind" "NominationKind" NOT NULL,
    "nominatedById" INTEGER NOT NULL,
    "statement" TEXT,
    "status" "CandidateStatus" NOT NULL DEFAULT 'NOMINATED',
    "listOrder" INTEGER,
    "elected" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ElectionCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidateSeconder" (
    "candidateId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandidateSeconder_pkey" PRIMARY KEY ("candidateId","personId")
);

-- CreateTable
CREATE TABLE "ElectionObjection" (
    "id" SERIAL NOT NULL,
    "electionId" INTEGER NOT NULL,
    "candidateId" INTEGER,
    "byPersonId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "answer" TEXT,
    "upheld" BOOLEAN,
    "answeredById" INTEGER,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ElectionObjection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionVoter" (
    "electionId" INTEGER NOT NULL,
    "voterKey" INTEGER NOT NULL,
    "areaCentiM2" INTEGER NOT NULL DEFAULT 0,
    "units" INTEGER NOT NULL DEFAULT 0,
    "householdId" INTEGER,

    CONSTRAINT "ElectionVoter_pkey" PRIMARY KEY ("electionId","voterKey")
);

-- CreateTable
CREATE TABLE "ElectionBallot" (
    "id" SERIAL NOT NULL,
    "electionId" INTEGER NOT NULL,
    "voterKey" INTEGER NOT NULL,
    "choices" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "sealed" BYTEA,
    "invalid" BOOLEAN NOT NULL DEFAULT false,
    "channel" TEXT NOT NULL,
    "enteredById" INTEGER,
    "castAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ElectionBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionChoice" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "electionId" INTEGER NOT NULL,
    "candidateId" INTEGER NOT NULL,

    CONSTRAINT "ElectionChoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingType" (
    "id" SERIAL NOT NULL,
    "districtId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "baseKind" "MeetingKind" NOT NULL,
    "defaultBodyKind" "BodyKind",
    "noticeDays" INTEGER NOT NULL DEFAULT 0,
    "open" BOOLEAN NOT NULL DEFAULT false,
    "needsApproval" BOOLEAN NOT NULL DEFAULT false,
    "retiredOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingHost" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER,
    "seriesId" INTEGER,
    "bodyId" INTEGER,
    "partyOrgId" INTEGER,

    CONSTRAINT "MeetingHost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingHostMember" (
    "hostId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,

    CONSTRAINT "MeetingHostMember_pkey" PRIMARY KEY ("hostId","personId")
);

-- CreateTable
CREATE TABLE "MinutesSignoff" (
    "minutesId" INTEGER NOT NULL,
    "hostId" INTEGER NOT NULL,
    "signedById" INTEGER NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MinutesSignoff_pkey" PRIMARY KEY ("minutesId","hostId")
);

-- CreateTable
CREATE TABLE "MeetingRequest" (
    "id" SERIAL NOT NULL,
    "communityId" INTEGER NOT NULL,
    "basis" "MeetingRequestBasis" NOT NULL,
    "matter" TEXT NOT NULL,
    "status" "MeetingRequestStatus" NOT NULL DEFAULT 'OPEN',
    "meetingId" INTEGER,
    "closeReason" TEXT,
    "createdById" INTEGER NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingRequestSupport" (
    "requestId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "householdId" INTEGER,
    "compoundId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingRequestSupport_pkey" PRIMARY KEY ("requestId","personId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Election_runoffOfId_key" ON "Election"("runoffOfId");

-- CreateIndex
CREATE UNIQUE INDEX "Election_candidateNoticeId_key" ON "Election"("candidateNoticeId");

-- CreateIndex
CREATE UNIQUE INDEX "Election_resultNoticeId_key" ON "Election"("resultNoticeId");

-- CreateIndex
CREATE UNIQUE INDEX "Election_idempotencyKey_key" ON "Election"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Election_communityId_status_idx" ON "Election"("communityId", "status");

-- CreateIndex
CREATE INDEX "Election_compoundId_idx" ON "Election"("compoundId");

-- CreateIndex
CREATE INDEX "Election_bodyId_idx" ON "Election"("bodyId");

-- CreateIndex
CREATE UNIQUE INDEX "ElectionCandidate_electionId_personId_key" ON "ElectionCandidate"("electionId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "ElectionCandidate_electionId_id_key" ON "ElectionCandidate"("electionId", "id");

-- CreateIndex
CREATE INDEX "ElectionObjection_electionId_idx" ON "ElectionObjection"("electionId");

-- CreateIndex
CREATE UNIQUE INDEX "ElectionBallot_electionId_voterKey_key" ON "ElectionBallot"("electionId", "voterKey");

-- CreateIndex
CREATE INDEX "ElectionChoice_electionId_idx" ON "ElectionChoice"("electionId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingType_districtId_code_key" ON "MeetingType"("districtId", "code");

-- CreateIndex
CREATE INDEX "MeetingHost_bodyId_idx" ON "MeetingHost"("bodyId");

-- CreateIndex
CREATE INDEX "MeetingHost_partyOrgId_idx" ON "MeetingHost"("partyOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingHost_meetingId_bodyId_key" ON "MeetingHost"("meetingId", "bodyId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingHost_meetingId_partyOrgId_key" ON "MeetingHost"("meetingId", "partyOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingHost_seriesId_bodyId_key" ON "MeetingHost"("seriesId", "bodyId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingHost_seriesId_partyOrgId_key" ON "MeetingHost"("seriesId", "partyOrgId");

-- CreateIndex
CREATE INDEX "MeetingHostMember_personId_idx" ON "MeetingHostMember"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRequest_idempotencyKey_key" ON "MeetingRequest"("idempotencyKey");

-- CreateIndex
CREATE INDEX "MeetingRequest_communityId_status_idx" ON "MeetingRequest"("communityId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRequestSupport_requestId_householdId_key" ON "MeetingRequestSupport"("requestId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRequestSupport_requestId_compoundId_key" ON "MeetingRequestSupport"("requestId", "compoundId");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_meetingId_householdId_key" ON "Attendance"("meetingId", "householdId");

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_partyOrgId_fkey" FOREIGN KEY ("partyOrgId") REFERENCES "PartyOrg"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_runoffOfId_fkey" FOREIGN KEY ("runoffOfId") REFERENCES "Election"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_candidateNoticeId_fkey" FOREIGN KEY ("candidateNoticeId") REFERENCES "Notice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_resultNoticeId_fkey" FOREIGN KEY ("resultNoticeId") REFERENCES "Notice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionCandidate" ADD CONSTRAINT "ElectionCandidate_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionCandidate" ADD CONSTRAINT "ElectionCandidate_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionCandidate" ADD CONSTRAINT "ElectionCandidate_nominatedById_fkey" FOREIGN KEY ("nominatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateSeconder" ADD CONSTRAINT "CandidateSeconder_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "ElectionCandidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateSeconder" ADD CONSTRAINT "CandidateSeconder_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionObjection" ADD CONSTRAINT "ElectionObjection_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionObjection" ADD CONSTRAINT "ElectionObjection_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "ElectionCandidate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionObjection" ADD CONSTRAINT "ElectionObjection_byPersonId_fkey" FOREIGN KEY ("byPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionObjection" ADD CONSTRAINT "ElectionObjection_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionVoter" ADD CONSTRAINT "ElectionVoter_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionVoter" ADD CONSTRAINT "ElectionVoter_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionBallot" ADD CONSTRAINT "ElectionBallot_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionBallot" ADD CONSTRAINT "ElectionBallot_electionId_voterKey_fkey" FOREIGN KEY ("electionId", "voterKey") REFERENCES "ElectionVoter"("electionId", "voterKey") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionBallot" ADD CONSTRAINT "ElectionBallot_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionChoice" ADD CONSTRAINT "ElectionChoice_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionChoice" ADD CONSTRAINT "ElectionChoice_electionId_candidateId_fkey" FOREIGN KEY ("electionId", "candidateId") REFERENCES "ElectionCandidate"("electionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingSeries" ADD CONSTRAINT "MeetingSeries_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "MeetingType"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "MeetingType"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_proposedByPartyOrgId_fkey" FOREIGN KEY ("proposedByPartyOrgId") REFERENCES "PartyOrg"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingType" ADD CONSTRAINT "MeetingType_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingHost" ADD CONSTRAINT "MeetingHost_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingHost" ADD CONSTRAINT "MeetingHost_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingHost" ADD CONSTRAINT "MeetingHost_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingHost" ADD CONSTRAINT "MeetingHost_partyOrgId_fkey" FOREIGN KEY ("partyOrgId") REFERENCES "PartyOrg"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingHostMember" ADD CONSTRAINT "MeetingHostMember_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "MeetingHost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingHostMember" ADD CONSTRAINT "MeetingHostMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesSignoff" ADD CONSTRAINT "MinutesSignoff_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesSignoff" ADD CONSTRAINT "MinutesSignoff_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "MeetingHost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesSignoff" ADD CONSTRAINT "MinutesSignoff_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequestSupport" ADD CONSTRAINT "MeetingRequestSupport_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "MeetingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequestSupport" ADD CONSTRAINT "MeetingRequestSupport_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequestSupport" ADD CONSTRAINT "MeetingRequestSupport_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRequestSupport" ADD CONSTRAINT "MeetingRequestSupport_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Decisions 066–069: what decides a meeting's count and an election is checked by the database, not only by the use cases.

-- A district's meeting type: a code, both names, a sane notice period.
ALTER TABLE "MeetingType" ADD CONSTRAINT "MeetingType_code_check" CHECK ("code" ~ '^[A-Z][A-Z0-9_]{1,31}$');
ALTER TABLE "MeetingType" ADD CONSTRAINT "MeetingType_names_check" CHECK (length(btrim("nameZh")) > 0 AND length(btrim("nameEn")) > 0);
ALTER TABLE "MeetingType" ADD CONSTRAINT "MeetingType_notice_check" CHECK ("noticeDays" BETWEEN 0 AND 60);

-- A host is a body or a party organisation, of a meeting or of a series.
ALTER TABLE "MeetingHost" ADD CONSTRAINT "MeetingHost_who_check" CHECK (("bodyId" IS NULL) <> ("partyOrgId" IS NULL));
ALTER TABLE "MeetingHost" ADD CONSTRAINT "MeetingHost_of_check" CHECK (("meetingId" IS NULL) <> ("seriesId" IS NULL));

-- An attendance row names a person, a household or a walk-in; a walk-in has a name.
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_who_check" CHECK (
  "personId" IS NOT NULL OR "householdId" IS NOT NULL OR ("walkInName" IS NOT NULL AND length(btrim("walkInName")) > 0));

-- A proposed or returned meeting names the branch that proposed it; an approved one who approved it and when.
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_approval_check" CHECK (
  ("approval" IS NULL OR "proposedByPartyOrgId" IS NOT NULL)
  AND ("approval" IS DISTINCT FROM 'APPROVED' OR ("approvedById" IS NOT NULL AND "approvedAt" IS NOT NULL))
  AND ("approval" IS DISTINCT FROM 'RETURNED' OR length(btrim(coalesce("approvalNote", ''))) > 0));
-- Only a residents' meeting has an electorate.
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_electorate_check" CHECK ("electorate" IS NULL OR "kind" = 'RESIDENTS_MEETING');
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_shortNotice_check" CHECK ("shortNoticeReason" IS NULL OR length(btrim("shortNoticeReason")) > 0);

ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_matter_check" CHECK (length(btrim("matter")) > 0);
ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_called_check" CHECK ("status" <> 'CALLED' OR "meetingId" IS NOT NULL);
ALTER TABLE "MeetingRequest" ADD CONSTRAINT "MeetingRequest_closed_check" CHECK (
  "status" <> 'CLOSED' OR length(btrim(coalesce("closeReason", ''))) > 0);
-- A household request counts households; a group request counts groups.
ALTER TABLE "MeetingRequestSupport" ADD CONSTRAINT "MeetingRequestSupport_unit_check" CHECK ("householdId" IS NOT NULL OR "compoundId" IS NULL);

-- Elections: seats and choices, a term that ends after it starts, a party election names its organisation, a post or
-- a body, a reason when cancelled, owners never in secret (their area would tell who voted), a run-off a later round.
ALTER TABLE "Election" ADD CONSTRAINT "Election_seats_check" CHECK ("seats" BETWEEN 1 AND 99 AND "maxChoices" BETWEEN 1 AND "seats");
ALTER TABLE "Election" ADD CONSTRAINT "Election_term_check" CHECK ("termEndsOn" > "termStartsOn");
ALTER TABLE "Election" ADD CONSTRAINT "Election_title_check" CHECK (length(btrim("title")) > 0);
ALTER TABLE "Election" ADD CONSTRAINT "Election_seat_of_check" CHECK ("bodyId" IS NOT NULL OR length(btrim(coalesce("post", ''))) > 0);
ALTER TABLE "Election" ADD CONSTRAINT "Election_party_check" CHECK (("electorate" = 'PARTY_MEMBERS') = ("partyOrgId" IS NOT NULL));
ALTER TABLE "Election" ADD CONSTRAINT "Election_owners_check" CHECK (
  ("electorate" = 'OWNERS') = ("rule" = 'OWNERS_278') AND ("rule" <> 'OWNERS_278' OR NOT "secret") AND ("electorate" <> 'OWNERS' OR "compoundId" IS NOT NULL));
ALTER TABLE "Election" ADD CONSTRAINT "Election_cancel_check" CHECK ("status" <> 'CANCELLED' OR length(btrim(coalesce("cancelReason", ''))) > 0);
ALTER TABLE "Election" ADD CONSTRAINT "Election_voting_check" CHECK (
  "votingEndsAt" IS NULL OR ("votingStartsAt" IS NOT NULL AND "votingEndsAt" > "votingStartsAt"));
ALTER TABLE "Election" ADD CONSTRAINT "Election_round_check" CHECK ("round" >= 1 AND (("runoffOfId" IS NULL) = ("round" = 1)));
ALTER TABLE "Election" ADD CONSTRAINT "Election_counted_check" CHECK (
  "status" NOT IN ('COUNTED', 'DONE') OR ("result" IS NOT NULL AND "tallyHash" IS NOT NULL AND "countedAt" IS NOT NULL));
ALTER TABLE "Election" ADD CONSTRAINT "Election_publicity_check" CHECK ("publicityDays" BETWEEN 1 AND 60 AND "secondersNeeded" BETWEEN 0 AND 1000);

ALTER TABLE "ElectionObjection" ADD CONSTRAINT "ElectionObjection_text_check" CHECK (length(btrim("text")) > 0);
ALTER TABLE "ElectionObjection" ADD CONSTRAINT "ElectionObjection_answer_check" CHECK (
  ("answer" IS NULL) = ("upheld" IS NULL) AND ("answer" IS NULL OR ("answeredById" IS NOT NULL AND "answeredAt" IS NOT NULL)));

ALTER TABLE "ElectionBallot" ADD CONSTRAINT "ElectionBallot_channel_check" CHECK ("channel" IN ('ELECTRONIC', 'PAPER'));
ALTER TABLE "ElectionBallot" ADD CONSTRAINT "ElectionBallot_paper_check" CHECK ("channel" <> 'PAPER' OR "enteredById" IS NOT NULL);
ALTER TABLE "ElectionBallot" ADD CONSTRAINT "ElectionBallot_invalid_check" CHECK (NOT "invalid" OR ("channel" = 'PAPER' AND cardinality("choices") = 0 AND "sealed" IS NULL));

-- A ballot marks at most maxChoices candidates, each once, each a listed candidate of its election; only while voting.
CREATE FUNCTION election_ballot_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE e RECORD;
BEGIN
  SELECT "maxChoices", "status", "secret" INTO e FROM "Election" WHERE "id" = NEW."electionId";
  IF TG_OP = 'INSERT' AND e."status" <> 'VOTING' THEN
    RAISE EXCEPTION 'election % is not open for voting', NEW."electionId" USING ERRCODE = 'check_violation';
  END IF;
  IF cardinality(NEW."choices") > e."maxChoices" THEN
    RAISE EXCEPTION 'a ballot marks at most % candidates', e."maxChoices" USING ERRCODE = 'check_violation';
  END IF;
  IF (SELECT count(DISTINCT c) FROM unnest(NEW."choices") c) <> cardinality(NEW."choices") THEN
    RAISE EXCEPTION 'a ballot marks a candidate once' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(NEW."choices") c WHERE NOT EXISTS (
      SELECT 1 FROM "ElectionCandidate" k WHERE k."id" = c AND k."electionId" = NEW."electionId" AND k."status" = 'LISTED')) THEN
    RAISE EXCEPTION 'a ballot marks only listed candidates of its election' USING ERRCODE = 'check_violation';
  END IF;
  IF e."secret" AND cardinality(NEW."choices") > 0 THEN
    RAISE EXCEPTION 'a secret ballot keeps no open choices' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ElectionBallot_check" BEFORE INSERT OR UPDATE ON "ElectionBallot"
  FOR EACH ROW EXECUTE FUNCTION election_ballot_check();

-- No more winners than seats.
CREATE FUNCTION election_winners_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."elected" AND (SELECT count(*) FROM "ElectionCandidate" WHERE "electionId" = NEW."electionId" AND "elected")
       > (SELECT "seats" FROM "Election" WHERE "id" = NEW."electionId") THEN
    RAISE EXCEPTION 'more winners than seats in election %', NEW."electionId" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE CONSTRAINT TRIGGER "ElectionCandidate_winners" AFTER INSERT OR UPDATE OF "elected" ON "ElectionCandidate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION election_winners_check();

-- The public calendar names a meeting's kind and hosts (decision 032): their changes refresh the public page cache.
-- Everything else here is read signed in (elections, requests, sign-offs, frozen host members): private.
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeetingType" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeetingHost" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();

COMMIT;
