BEGIN;

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrganizationKind" ADD VALUE 'STATIONED_UNIT';
ALTER TYPE "OrganizationKind" ADD VALUE 'SOCIAL_ENTERPRISE';
ALTER TYPE "OrganizationKind" ADD VALUE 'SELF_ORGANIZATION';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrganizationRelation" ADD VALUE 'STATIONED';
ALTER TYPE "OrganizationRelation" ADD VALUE 'SELF_ORGANIZED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "StakeholderGroup" ADD VALUE 'STATIONED_UNIT';
ALTER TYPE "StakeholderGroup" ADD VALUE 'SOCIAL_ENTERPRISE';
ALTER TYPE "StakeholderGroup" ADD VALUE 'SELF_ORG';

-- AlterTable
ALTER TABLE "RoleGrant" ADD COLUMN     "organizationAssignmentId" INTEGER;

-- AlterTable
-- An organisation belongs to a district's register. Until now only the demo made organisations: each takes the district
-- of the place it was first assigned to, else the first district (an organisation assigned nowhere).
ALTER TABLE "Organization" ADD COLUMN     "districtId" INTEGER;
UPDATE "Organization" o SET "districtId" = (
  SELECT s."districtId" FROM "OrganizationAssignment" a JOIN "Community" c ON c.id = a."communityId" JOIN "Street" s ON s.id = c."streetId"
  WHERE a."organizationId" = o.id ORDER BY a.id LIMIT 1);
UPDATE "Organization" SET "districtId" = (SELECT min(id) FROM "District") WHERE "districtId" IS NULL;
ALTER TABLE "Organization" ALTER COLUMN "districtId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "RoleGrant_organizationAssignmentId_idx" ON "RoleGrant"("organizationAssignmentId");

-- CreateIndex
CREATE INDEX "Organization_districtId_idx" ON "Organization"("districtId");

-- CreateIndex
CREATE INDEX "OrganizationAssignment_organizationId_idx" ON "OrganizationAssignment"("organizationId");

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_organizationAssignmentId_fkey" FOREIGN KEY ("organizationAssignmentId") REFERENCES "OrganizationAssignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An assignment ends on or after its first day.
ALTER TABLE "OrganizationAssignment" ADD CONSTRAINT "OrganizationAssignment_dates" CHECK ("endsOn" IS NULL OR "endsOn" >= "startsOn");

-- A compound has at most one property firm on any day (decision 045): two property-service assignments of one compound
-- never overlap, whoever writes them and however many at once.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "OrganizationAssignment" ADD CONSTRAINT "OrganizationAssignment_one_property_firm"
  EXCLUDE USING gist ("compoundId" WITH =, daterange("startsOn", "endsOn", '[]') WITH &&) WHERE (relation = 'PROPERTY_SERVICE');

COMMIT;
