BEGIN;

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PartyOrgKind" ADD VALUE 'STREET_WORKING_COMMITTEE';
ALTER TYPE "PartyOrgKind" ADD VALUE 'COMMUNITY_GENERAL_BRANCH';

-- DropForeignKey
ALTER TABLE "PartyOrg" DROP CONSTRAINT "PartyOrg_communityId_fkey";

-- AlterTable
ALTER TABLE "PartyOrg" ADD COLUMN     "dissolvedOn" DATE,
ADD COLUMN     "districtId" INTEGER,
ADD COLUMN     "mergedIntoId" INTEGER,
ADD COLUMN     "streetId" INTEGER,
ALTER COLUMN "communityId" DROP NOT NULL;

-- Backfill: every organisation so far belongs to a community, whose street and district it now names too.
UPDATE "PartyOrg" p SET "streetId" = c."streetId", "districtId" = s."districtId"
  FROM "Community" c JOIN "Street" s ON s.id = c."streetId" WHERE c.id = p."communityId";
ALTER TABLE "PartyOrg" ALTER COLUMN "districtId" SET NOT NULL, ALTER COLUMN "streetId" SET NOT NULL;

-- AlterTable
ALTER TABLE "PartyOrgMember" ADD COLUMN     "organizationId" INTEGER;

-- CreateTable
CREATE TABLE "PartyOrgFormerName" (
    "id" SERIAL NOT NULL,
    "partyOrgId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "until" DATE NOT NULL,

    CONSTRAINT "PartyOrgFormerName_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartyOrgFormerName_partyOrgId_idx" ON "PartyOrgFormerName"("partyOrgId");

-- CreateIndex
CREATE INDEX "PartyOrg_districtId_idx" ON "PartyOrg"("districtId");

-- CreateIndex
CREATE INDEX "PartyOrg_streetId_idx" ON "PartyOrg"("streetId");

-- AddForeignKey
ALTER TABLE "PartyOrg" ADD CONSTRAINT "PartyOrg_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrg" ADD CONSTRAINT "PartyOrg_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrg" ADD CONSTRAINT "PartyOrg_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrg" ADD CONSTRAINT "PartyOrg_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "PartyOrg"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrgFormerName" ADD CONSTRAINT "PartyOrgFormerName_partyOrgId_fkey" FOREIGN KEY ("partyOrgId") REFERENCES "PartyOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrgMember" ADD CONSTRAINT "PartyOrgMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Decision 043: the database decides what rights rest on. A kind names exactly the places of its level (text
-- comparisons: the new enum values may not be used as values inside the transaction that adds them).
ALTER TABLE "PartyOrg" ADD CONSTRAINT "PartyOrg_kind_places" CHECK (
  CASE kind::text
    WHEN 'STREET_WORKING_COMMITTEE' THEN "communityId" IS NULL AND "gridId" IS NULL AND "compoundId" IS NULL AND "buildingId" IS NULL
    WHEN 'COMMUNITY_COMMITTEE' THEN "communityId" IS NOT NULL AND "gridId" IS NULL AND "compoundId" IS NULL AND "buildingId" IS NULL
    WHEN 'COMMUNITY_GENERAL_BRANCH' THEN "communityId" IS NOT NULL AND "gridId" IS NULL AND "compoundId" IS NULL AND "buildingId" IS NULL
    WHEN 'GRID_BRANCH' THEN "communityId" IS NOT NULL AND "gridId" IS NOT NULL AND "compoundId" IS NULL AND "buildingId" IS NULL
    WHEN 'COMPOUND_BRANCH' THEN "communityId" IS NOT NULL AND "compoundId" IS NOT NULL AND "buildingId" IS NULL
    WHEN 'BUILDING_GROUP' THEN "communityId" IS NOT NULL AND "compoundId" IS NOT NULL AND "buildingId" IS NOT NULL
    ELSE false
  END
);
ALTER TABLE "PartyOrg" ADD CONSTRAINT "PartyOrg_merged_is_dissolved" CHECK ("mergedIntoId" IS NULL OR "dissolvedOn" IS NOT NULL);

-- The depth of a kind: street 1, community 2, grid 3, compound 4, building 5 (src/domain/party/levels.ts).
CREATE FUNCTION party_org_depth(k "PartyOrgKind") RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE k::text WHEN 'STREET_WORKING_COMMITTEE' THEN 1 WHEN 'COMMUNITY_COMMITTEE' THEN 2 WHEN 'COMMUNITY_GENERAL_BRANCH' THEN 2
    WHEN 'GRID_BRANCH' THEN 3 WHEN 'COMPOUND_BRANCH' THEN 4 WHEN 'BUILDING_GROUP' THEN 5 END
$$;

-- The places named hang together (a compound of that community, a community of that street…), a parent ranks above
-- its child and contains it, and nothing is merged into itself or into a dissolved organisation.
CREATE FUNCTION party_org_consistent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE par "PartyOrg"%ROWTYPE;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Street" WHERE id = NEW."streetId" AND "districtId" = NEW."districtId") THEN
    RAISE EXCEPTION 'party org %: street % is not in district %', NEW.id, NEW."streetId", NEW."districtId" USING ERRCODE = '23514';
  END IF;
  IF NEW."communityId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Community" WHERE id = NEW."communityId" AND "streetId" = NEW."streetId") THEN
    RAISE EXCEPTION 'party org %: community is not in its street', NEW.id USING ERRCODE = '23514';
  END IF;
  IF NEW."gridId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Grid" WHERE id = NEW."gridId" AND "communityId" = NEW."communityId") THEN
    RAISE EXCEPTION 'party org %: grid is not in its community', NEW.id USING ERRCODE = '23514';
  END IF;
  IF NEW."compoundId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Compound" WHERE id = NEW."compoundId" AND "communityId" = NEW."communityId") THEN
    RAISE EXCEPTION 'party org %: compound is not in its community', NEW.id USING ERRCODE = '23514';
  END IF;
  IF NEW."buildingId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Building" WHERE id = NEW."buildingId" AND "compoundId" = NEW."compoundId") THEN
    RAISE EXCEPTION 'party org %: building is not in its compound', NEW.id USING ERRCODE = '23514';
  END IF;
  IF NEW."parentId" IS NOT NULL THEN
    SELECT * INTO par FROM "PartyOrg" WHERE id = NEW."parentId";
    IF party_org_depth(par.kind) >= party_org_depth(NEW.kind)
      OR par."streetId" <> NEW."streetId"
      OR (par."communityId" IS NOT NULL AND par."communityId" IS DISTINCT FROM NEW."communityId")
      OR (par."compoundId" IS NOT NULL AND par."compoundId" IS DISTINCT FROM NEW."compoundId")
      OR (par."gridId" IS NOT NULL AND NEW."compoundId" IS NULL AND par."gridId" IS DISTINCT FROM NEW."gridId") THEN
      RAISE EXCEPTION 'party org %: parent % does not rank above it or contain it', NEW.id, NEW."parentId" USING ERRCODE = '23514';
    END IF;
  END IF;
  IF NEW."mergedIntoId" IS NOT NULL AND (NEW."mergedIntoId" = NEW.id
    OR EXISTS (SELECT 1 FROM "PartyOrg" WHERE id = NEW."mergedIntoId" AND ("dissolvedOn" IS NOT NULL OR party_org_depth(kind) <> party_org_depth(NEW.kind)))) THEN
    RAISE EXCEPTION 'party org %: merged into itself, a dissolved organisation or one of another level', NEW.id USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "PartyOrg_consistent" BEFORE INSERT OR UPDATE ON "PartyOrg" FOR EACH ROW EXECUTE FUNCTION party_org_consistent();

-- One secretary at a time: at most one open secretary's term per organisation (two appointed at once: one fails).
CREATE UNIQUE INDEX "PartyOrgMember_one_secretary" ON "PartyOrgMember"("partyOrgId") WHERE position = 'SECRETARY' AND "endsOn" IS NULL;
-- A name is unique among the active organisations of one community (or of the street, for street-level ones): imports
-- name the organisation a member joins by its name within the place.
CREATE UNIQUE INDEX "PartyOrg_active_name" ON "PartyOrg"("streetId", COALESCE("communityId", 0), name) WHERE "dissolvedOn" IS NULL;
-- One open post per person and organisation.
CREATE UNIQUE INDEX "PartyOrgMember_one_open_post" ON "PartyOrgMember"("partyOrgId", "personId") WHERE "endsOn" IS NULL;

-- A member of a street's 党工委 votes at the street (loadActor): a change of street changes their rights too.
DROP TRIGGER auth_version ON "PartyOrg";
CREATE TRIGGER auth_version AFTER UPDATE OF "communityId", "streetId" ON "PartyOrg" FOR EACH ROW EXECUTE FUNCTION auth_bump_party_org();

-- Former names show on public place pages: the public page cache hears of them (decision 032).
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PartyOrgFormerName" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();

COMMIT;
