BEGIN;

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "districtId" INTEGER,
ADD COLUMN     "streetId" INTEGER;

-- CreateIndex
CREATE INDEX "AuditLog_streetId_id_idx" ON "AuditLog"("streetId", "id");

-- CreateIndex
CREATE INDEX "AuditLog_districtId_id_idx" ON "AuditLog"("districtId", "id");

-- The street and district of a change follow from its community (or compound); a writer with neither names them.
CREATE FUNCTION audit_log_places() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."communityId" IS NULL AND NEW."compoundId" IS NOT NULL THEN
    SELECT "communityId" INTO NEW."communityId" FROM "Compound" WHERE id = NEW."compoundId";
  END IF;
  IF NEW."communityId" IS NOT NULL THEN
    SELECT c."streetId", s."districtId" INTO NEW."streetId", NEW."districtId"
      FROM "Community" c JOIN "Street" s ON s.id = c."streetId" WHERE c.id = NEW."communityId";
  ELSIF NEW."streetId" IS NOT NULL THEN
    SELECT "districtId" INTO NEW."districtId" FROM "Street" WHERE id = NEW."streetId";
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_places BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION audit_log_places();

-- Rows written before: from their community, and a street's own rows (street.create, street.rename) from the street.
UPDATE "AuditLog" a SET "streetId" = c."streetId", "districtId" = s."districtId"
  FROM "Community" c JOIN "Street" s ON s.id = c."streetId" WHERE a."communityId" = c.id;
UPDATE "AuditLog" a SET "streetId" = s.id, "districtId" = s."districtId"
  FROM "Street" s WHERE a."communityId" IS NULL AND a."entityType" = 'Street' AND a."entityId" = s.id::text;
UPDATE "AuditLog" a SET "streetId" = p."streetId", "districtId" = p."districtId"
  FROM "PartyOrg" p WHERE a."communityId" IS NULL AND a."entityType" = 'PartyOrg' AND a."entityId" = p.id::text;
UPDATE "AuditLog" a SET "districtId" = o."districtId"
  FROM "Organization" o WHERE a."communityId" IS NULL AND a."entityType" = 'Organization' AND a."entityId" = o.id::text;

COMMIT;
