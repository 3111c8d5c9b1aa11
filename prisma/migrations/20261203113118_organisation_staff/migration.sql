BEGIN;

-- AlterTable
ALTER TABLE "OrganizationMember" ADD COLUMN     "leftOn" DATE,
ADD COLUMN     "staff" BOOLEAN NOT NULL DEFAULT false;

COMMIT;
