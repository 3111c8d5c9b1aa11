BEGIN;

-- CreateEnum
CREATE TYPE "ContactLinkKind" AS ENUM ('OFFICER_TO_BUILDING_HEAD', 'BUILDING_HEAD_TO_PARTY_HOUSEHOLD', 'PARTY_HOUSEHOLD_TO_RESIDENT');

-- AlterEnum
ALTER TYPE "IssueChannel" ADD VALUE 'CONTACT';

-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "householdId" INTEGER;

-- CreateTable
CREATE TABLE "ContactLink" (
    "id" SERIAL NOT NULL,
    "kind" "ContactLinkKind" NOT NULL,
    "partyOrgId" INTEGER NOT NULL,
    "keeperPersonId" INTEGER,
    "keeperHouseholdId" INTEGER,
    "keptPersonId" INTEGER,
    "keptHouseholdId" INTEGER,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactLink_partyOrgId_idx" ON "ContactLink"("partyOrgId");

-- CreateIndex
CREATE INDEX "ContactLink_keeperPersonId_idx" ON "ContactLink"("keeperPersonId");

-- CreateIndex
CREATE INDEX "ContactLink_keeperHouseholdId_idx" ON "ContactLink"("keeperHouseholdId");

-- CreateIndex
CREATE INDEX "ContactLink_keptPersonId_idx" ON "ContactLink"("keptPersonId");

-- CreateIndex
CREATE INDEX "ContactLink_keptHouseholdId_idx" ON "ContactLink"("keptHouseholdId");

-- CreateIndex
CREATE INDEX "Issue_householdId_idx" ON "Issue"("householdId");

-- AddForeignKey
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLink" ADD CONSTRAINT "ContactLink_partyOrgId_fkey" FOREIGN KEY ("partyOrgId") REFERENCES "PartyOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLink" ADD CONSTRAINT "ContactLink_keeperPersonId_fkey" FOREIGN KEY ("keeperPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLink" ADD CONSTRAINT "ContactLink_keeperHouseholdId_fkey" FOREIGN KEY ("keeperHouseholdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLink" ADD CONSTRAINT "ContactLink_keptPersonId_fkey" FOREIGN KEY ("keptPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLink" ADD CONSTRAINT "ContactLink_keptHouseholdId_fkey" FOREIGN KEY ("keptHouseholdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Decision 051. The kind names which side is a person and which a household.
ALTER TABLE "ContactLink" ADD CONSTRAINT "ContactLink_kind_shape" CHECK (
  CASE kind
    WHEN 'OFFICER_TO_BUILDING_HEAD' THEN "keeperPersonId" IS NOT NULL AND "keptPersonId" IS NOT NULL
      AND "keeperHouseholdId" IS NULL AND "keptHouseholdId" IS NULL AND "keeperPersonId" <> "keptPersonId"
    WHEN 'BUILDING_HEAD_TO_PARTY_HOUSEHOLD' THEN "keeperPersonId" IS NOT NULL AND "keptHouseholdId" IS NOT NULL
      AND "keeperHouseholdId" IS NULL AND "keptPersonId" IS NULL
    ELSE "keeperHouseholdId" IS NOT NULL AND "keptHouseholdId" IS NOT NULL
      AND "keeperPersonId" IS NULL AND "keptPersonId" IS NULL AND "keeperHouseholdId" <> "keptHouseholdId"
  END);
ALTER TABLE "ContactLink" ADD CONSTRAINT "ContactLink_dates" CHECK ("endsOn" IS NULL OR "endsOn" >= "startsOn");

-- One active link per keeper and kept (two officers assigning the same pair at once: one is refused).
CREATE UNIQUE INDEX "ContactLink_one_active" ON "ContactLink" (
  kind, COALESCE("keeperPersonId", 0), COALESCE("keeperHouseholdId", 0), COALESCE("keptPersonId", 0), COALESCE("keptHouseholdId", 0)
) WHERE "endsOn" IS NULL;

-- A link's households lie in the branch's place, and the branch is not dissolved when the link is made.
CREATE OR REPLACE FUNCTION contact_link_in_branch() RETURNS trigger AS $$
DECLARE
  o "PartyOrg"%ROWTYPE;
  h INTEGER;
BEGIN
  SELECT * INTO o FROM "PartyOrg" WHERE id = NEW."partyOrgId" FOR SHARE;
  IF TG_OP = 'INSERT' AND o."dissolvedOn" IS NOT NULL THEN
    RAISE EXCEPTION 'ContactLink_in_branch: party organisation % is dissolved', o.id USING ERRCODE = '23514';
  END IF;
  FOREACH h IN ARRAY ARRAY[NEW."keeperHouseholdId", NEW."keptHouseholdId"] LOOP
    CONTINUE WHEN h IS NULL;
    IF NOT EXISTS (
      SELECT 1 FROM "Household" hh
        JOIN "Building" b ON b.id = hh."buildingId"
        JOIN "Compound" c ON c.id = b."compoundId"
        LEFT JOIN "Grid" g ON g.id = b."gridId"
       WHERE hh.id = h AND c."streetId" = o."streetId"
         AND (o."communityId" IS NULL OR c."communityId" = o."communityId")
         AND (o."compoundId" IS NULL OR c.id = o."compoundId")
         AND (o."buildingId" IS NULL OR b.id = o."buildingId")
         AND (o."gridId" IS NULL OR o."gridId" IN (g.id, g."parentId"))
    ) THEN
      RAISE EXCEPTION 'ContactLink_in_branch: household % is outside party organisation %', h, o.id USING ERRCODE = '23514';
    END IF;
  END LOOP;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "ContactLink_in_branch" BEFORE INSERT OR UPDATE ON "ContactLink" FOR EACH ROW EXECUTE FUNCTION contact_link_in_branch();

-- CONTACT_KEEPER is derived (decision 051): a link's keeper (the person, or the residents of the keeping household) and
-- a resident moving in or out of a keeping household reach the actor, so both bump authVersion (decision 035).
CREATE OR REPLACE FUNCTION auth_bump_contact_link() RETURNS trigger AS $$
BEGIN
  UPDATE "User" SET "authVersion" = "authVersion" + 1 WHERE "personId" IN (
    SELECT x FROM unnest(ARRAY[
      CASE WHEN TG_OP <> 'DELETE' THEN NEW."keeperPersonId" END,
      CASE WHEN TG_OP <> 'INSERT' THEN OLD."keeperPersonId" END]) x
    UNION
    SELECT r."personId" FROM "Residency" r WHERE r."householdId" IN (
      CASE WHEN TG_OP <> 'DELETE' THEN NEW."keeperHouseholdId" END,
      CASE WHEN TG_OP <> 'INSERT' THEN OLD."keeperHouseholdId" END));
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER auth_version AFTER INSERT OR UPDATE OR DELETE ON "ContactLink" FOR EACH ROW EXECUTE FUNCTION auth_bump_contact_link();

CREATE OR REPLACE FUNCTION auth_bump_keeper_residency() RETURNS trigger AS $$
BEGIN
  UPDATE "User" SET "authVersion" = "authVersion" + 1
   WHERE "personId" IN (
     CASE WHEN TG_OP <> 'DELETE' THEN NEW."personId" END, CASE WHEN TG_OP <> 'INSERT' THEN OLD."personId" END)
     AND EXISTS (SELECT 1 FROM "ContactLink" l WHERE l."keeperHouseholdId" IN (
       CASE WHEN TG_OP <> 'DELETE' THEN NEW."householdId" END, CASE WHEN TG_OP <> 'INSERT' THEN OLD."householdId" END));
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER auth_version_contact AFTER INSERT OR UPDATE OR DELETE ON "Residency" FOR EACH ROW EXECUTE FUNCTION auth_bump_keeper_residency();

COMMIT;
