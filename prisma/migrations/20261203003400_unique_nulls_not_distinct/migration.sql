BEGIN;

-- A unique key with a nullable column (districtId null = the city-wide row) treats NULLs as equal,
-- so two instances loading the reference data together cannot both insert it (PostgreSQL 15+).
-- Prisma cannot express NULLS NOT DISTINCT; the index keeps its name, so the schema diff stays empty.

-- Duplicates already stored: keep the first row of each key and point what used it there.
CREATE TEMP TABLE category_dupe ON COMMIT DROP AS
  SELECT id, min(id) OVER (PARTITION BY "districtId", code) AS keep FROM "IssueCategory";
DELETE FROM "IssueStat" s USING category_dupe d WHERE s."categoryId" = d.id AND d.id <> d.keep;
UPDATE "Issue" i SET "categoryId" = d.keep FROM category_dupe d WHERE i."categoryId" = d.id AND d.id <> d.keep;
DELETE FROM "IssueCategory" c USING category_dupe d WHERE c.id = d.id AND d.id <> d.keep;

CREATE TEMP TABLE procedure_dupe ON COMMIT DROP AS
  SELECT id, min(id) OVER (PARTITION BY "districtId", code, version) AS keep FROM "Procedure";
UPDATE "Topic" t SET "procedureId" = d.keep FROM procedure_dupe d WHERE t."procedureId" = d.id AND d.id <> d.keep;
UPDATE "Procedure" p SET "basedOnId" = d.keep FROM procedure_dupe d WHERE p."basedOnId" = d.id AND d.id <> d.keep;
DELETE FROM "Procedure" p USING procedure_dupe d WHERE p.id = d.id AND d.id <> d.keep;

DROP INDEX "IssueCategory_districtId_code_key";
CREATE UNIQUE INDEX "IssueCategory_districtId_code_key" ON "IssueCategory"("districtId", "code") NULLS NOT DISTINCT;

DROP INDEX "Procedure_districtId_code_version_key";
CREATE UNIQUE INDEX "Procedure_districtId_code_version_key" ON "Procedure"("districtId", "code", "version") NULLS NOT DISTINCT;

-- The audit is append-only: emptying it at once is refused too (row triggers do not fire on TRUNCATE).
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

COMMIT;
