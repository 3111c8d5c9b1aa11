BEGIN;

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CENTRAL_HOUSEHOLD';

-- CreateTable
CREATE TABLE "GridDuty" (
    "id" SERIAL NOT NULL,
    "gridId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GridDuty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CentralHousehold" (
    "id" SERIAL NOT NULL,
    "gridId" INTEGER NOT NULL,
    "partyMemberId" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CentralHousehold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CentralHouseholdContact" (
    "centralHouseholdId" INTEGER NOT NULL,
    "householdId" INTEGER NOT NULL,

    CONSTRAINT "CentralHouseholdContact_pkey" PRIMARY KEY ("centralHouseholdId","householdId")
);

-- CreateIndex
CREATE INDEX "GridDuty_gridId_idx" ON "GridDuty"("gridId");

-- CreateIndex
CREATE INDEX "GridDuty_userId_idx" ON "GridDuty"("userId");

-- CreateIndex
CREATE INDEX "CentralHousehold_gridId_idx" ON "CentralHousehold"("gridId");

-- CreateIndex
CREATE INDEX "CentralHousehold_partyMemberId_idx" ON "CentralHousehold"("partyMemberId");

-- CreateIndex
CREATE INDEX "CentralHouseholdContact_householdId_idx" ON "CentralHouseholdContact"("householdId");

-- CreateIndex
CREATE INDEX "Grid_parentId_idx" ON "Grid"("parentId");

-- AddForeignKey
ALTER TABLE "GridDuty" ADD CONSTRAINT "GridDuty_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GridDuty" ADD CONSTRAINT "GridDuty_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentralHousehold" ADD CONSTRAINT "CentralHousehold_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentralHousehold" ADD CONSTRAINT "CentralHousehold_partyMemberId_fkey" FOREIGN KEY ("partyMemberId") REFERENCES "PartyMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentralHouseholdContact" ADD CONSTRAINT "CentralHouseholdContact_centralHouseholdId_fkey" FOREIGN KEY ("centralHouseholdId") REFERENCES "CentralHousehold"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentralHouseholdContact" ADD CONSTRAINT "CentralHouseholdContact_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A building is in one grid at a time (its "gridId"), and that grid must be of the building's community and a leaf:
-- a micro-grid, or a grid without micro-grids (issue 18 item 3, decision 044). A micro-grid lies in a grid of the same
-- community that holds no buildings itself. The two checks lock the grid row (share / update), so assigning a building
-- to a grid and adding a micro-grid under it at the same moment cannot both succeed.
CREATE OR REPLACE FUNCTION building_grid_check() RETURNS trigger AS $$
DECLARE
  grid_community INTEGER;
BEGIN
  IF NEW."gridId" IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT "communityId" INTO grid_community FROM "Grid" WHERE id = NEW."gridId" FOR SHARE;
  IF grid_community IS DISTINCT FROM (SELECT "communityId" FROM "Compound" WHERE id = NEW."compoundId") THEN
    RAISE EXCEPTION 'building % is not in the community of grid %', NEW.id, NEW."gridId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Building_grid_community';
  END IF;
  IF EXISTS (SELECT 1 FROM "Grid" WHERE "parentId" = NEW."gridId") THEN
    RAISE EXCEPTION 'grid % has micro-grids: its buildings belong to them', NEW."gridId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Building_grid_leaf';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER grid_check BEFORE INSERT OR UPDATE OF "gridId", "compoundId" ON "Building"
  FOR EACH ROW EXECUTE FUNCTION building_grid_check();

CREATE OR REPLACE FUNCTION grid_tree_check() RETURNS trigger AS $$
BEGIN
  IF NEW."parentId" IS NULL THEN
    IF NEW.kind <> 'GRID' THEN
      RAISE EXCEPTION 'a micro-grid lies in a grid' USING ERRCODE = 'check_violation', CONSTRAINT = 'Grid_tree';
    END IF;
    RETURN NEW;
  END IF;
  PERFORM 1 FROM "Grid" WHERE id = NEW."parentId" AND kind = 'GRID' AND "parentId" IS NULL AND "communityId" = NEW."communityId" FOR UPDATE;
  IF NOT FOUND OR NEW.kind <> 'MICRO_GRID' THEN
    RAISE EXCEPTION 'a micro-grid lies in a grid of its community' USING ERRCODE = 'check_violation', CONSTRAINT = 'Grid_tree';
  END IF;
  IF EXISTS (SELECT 1 FROM "Building" WHERE "gridId" = NEW."parentId") THEN
    RAISE EXCEPTION 'grid % holds buildings: move them before dividing it', NEW."parentId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Building_grid_leaf';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER tree_check BEFORE INSERT OR UPDATE OF "parentId", kind, "communityId" ON "Grid"
  FOR EACH ROW EXECUTE FUNCTION grid_tree_check();

-- CENTRAL_HOUSEHOLD is derived (decision 044): the term of a central household and the buildings of its grid reach
-- the actor, so both bump the account's authVersion (decision 035).
CREATE OR REPLACE FUNCTION auth_bump_central_household() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    UPDATE "User" SET "authVersion" = "authVersion" + 1
     WHERE "personId" = (SELECT "personId" FROM "PartyMember" WHERE id = NEW."partyMemberId");
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE "User" SET "authVersion" = "authVersion" + 1
     WHERE "personId" = (SELECT "personId" FROM "PartyMember" WHERE id = OLD."partyMemberId");
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER auth_version AFTER INSERT OR UPDATE OR DELETE ON "CentralHousehold" FOR EACH ROW EXECUTE FUNCTION auth_bump_central_household();

CREATE OR REPLACE FUNCTION auth_bump_building_grid() RETURNS trigger AS $$
BEGIN
  UPDATE "User" SET "authVersion" = "authVersion" + 1 WHERE "personId" IN (
    SELECT pm."personId" FROM "Grid" g
      JOIN "CentralHousehold" ch ON ch."gridId" IN (g.id, g."parentId")
      JOIN "PartyMember" pm ON pm.id = ch."partyMemberId"
     WHERE g.id IN (OLD."gridId", NEW."gridId"));
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER auth_version_grid AFTER UPDATE OF "gridId" ON "Building"
  FOR EACH ROW WHEN (OLD."gridId" IS DISTINCT FROM NEW."gridId") EXECUTE FUNCTION auth_bump_building_grid();

-- Public place pages show a building's grid and its workers' titles (decision 032): a duty changing empties their cache.
-- Central households and their households are not shown publicly (declared private in tests/server/public-cache).
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "GridDuty" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();

COMMIT;
