BEGIN;

-- What an account may do is cached per app instance and per "authVersion" (issue 16, decision 035). Every
-- change to the facts the actor is built from bumps it here, in the writing transaction, so no code path can
-- forget to: grants, household claims, ownership, residency (household representative), body and party
-- membership, and the places those hang on.
ALTER TABLE "User" ADD COLUMN     "authVersion" INTEGER NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION auth_bump_user() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    UPDATE "User" SET "authVersion" = "authVersion" + 1 WHERE id = NEW."userId";
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."userId" IS DISTINCT FROM NEW."userId") THEN
    UPDATE "User" SET "authVersion" = "authVersion" + 1 WHERE id = OLD."userId";
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION auth_bump_person() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    UPDATE "User" SET "authVersion" = "authVersion" + 1 WHERE "personId" = NEW."personId";
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."personId" IS DISTINCT FROM NEW."personId") THEN
    UPDATE "User" SET "authVersion" = "authVersion" + 1 WHERE "personId" = OLD."personId";
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER auth_version AFTER INSERT OR UPDATE OR DELETE ON "RoleGrant" FOR EACH ROW EXECUTE FUNCTION auth_bump_user();
CREATE TRIGGER auth_version AFTER INSERT OR UPDATE OR DELETE ON "HouseholdClaim" FOR EACH ROW EXECUTE FUNCTION auth_bump_user();
CREATE TRIGGER auth_version AFTER INSERT OR UPDATE OR DELETE ON "Ownership" FOR EACH ROW EXECUTE FUNCTION auth_bump_person();
CREATE TRIGGER auth_version AFTER INSERT OR UPDATE OR DELETE ON "Residency" FOR EACH ROW EXECUTE FUNCTION auth_bump_person();
CREATE TRIGGER auth_version AFTER INSERT OR UPDATE OR DELETE ON "BodyMember" FOR EACH ROW EXECUTE FUNCTION auth_bump_person();
CREATE TRIGGER auth_version AFTER INSERT OR UPDATE OR DELETE ON "PartyMember" FOR EACH ROW EXECUTE FUNCTION auth_bump_person();

-- A body's kind or place, a party organisation's community and a household's building reach the actor too.
CREATE OR REPLACE FUNCTION auth_bump_body() RETURNS trigger AS $$
BEGIN
  UPDATE "User" SET "authVersion" = "authVersion" + 1 WHERE "personId" IN (SELECT "personId" FROM "BodyMember" WHERE "bodyId" = NEW.id);
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER auth_version AFTER UPDATE OF kind, "communityId", "compoundId" ON "Body" FOR EACH ROW EXECUTE FUNCTION auth_bump_body();

CREATE OR REPLACE FUNCTION auth_bump_party_org() RETURNS trigger AS $$
BEGIN
  UPDATE "User" SET "authVersion" = "authVersion" + 1 WHERE "personId" IN (SELECT "personId" FROM "PartyMember" WHERE "partyOrgId" = NEW.id);
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER auth_version AFTER UPDATE OF "communityId" ON "PartyOrg" FOR EACH ROW EXECUTE FUNCTION auth_bump_party_org();

CREATE OR REPLACE FUNCTION auth_bump_household() RETURNS trigger AS $$
BEGIN
  UPDATE "User" SET "authVersion" = "authVersion" + 1 WHERE id IN (SELECT "userId" FROM "HouseholdClaim" WHERE "householdId" = NEW.id);
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER auth_version AFTER UPDATE OF "buildingId" ON "Household" FOR EACH ROW EXECUTE FUNCTION auth_bump_household();

-- The account's own facts: verification, the community named at registration, the person behind it.
CREATE OR REPLACE FUNCTION auth_bump_self() RETURNS trigger AS $$
BEGIN
  NEW."authVersion" := OLD."authVersion" + 1;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER auth_version BEFORE UPDATE OF "verifiedAt", "registeredCommunityId", "personId", "disabledAt" ON "User"
  FOR EACH ROW WHEN (OLD."verifiedAt" IS DISTINCT FROM NEW."verifiedAt" OR OLD."registeredCommunityId" IS DISTINCT FROM NEW."registeredCommunityId"
    OR OLD."personId" IS DISTINCT FROM NEW."personId" OR OLD."disabledAt" IS DISTINCT FROM NEW."disabledAt")
  EXECUTE FUNCTION auth_bump_self();

COMMIT;
