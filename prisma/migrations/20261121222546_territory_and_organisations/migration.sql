BEGIN;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PartyOrgKind" AS ENUM ('COMMUNITY_COMMITTEE', 'GRID_BRANCH', 'COMPOUND_BRANCH', 'BUILDING_GROUP');

-- CreateEnum
CREATE TYPE "PartyOrgPosition" AS ENUM ('SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER', 'GROUP_LEADER', 'MEMBER', 'CENTRAL_HOUSEHOLD');

-- CreateEnum
CREATE TYPE "BodyKind" AS ENUM ('TWO_COMMITTEES', 'RESIDENTS_COMMITTEE', 'OWNERS_ASSEMBLY', 'OWNERS_COMMITTEE', 'PROPERTY_MANAGEMENT_COMMITTEE', 'SUPERVISORY_COMMITTEE', 'RESIDENTS_REPRESENTATIVES', 'COMMUNITY_COUNCIL', 'COURTYARD_COUNCIL', 'MEDIATION_COMMITTEE');

-- CreateEnum
CREATE TYPE "BodyPosition" AS ENUM ('CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('PROPERTY_FIRM', 'CO_BUILDING_UNIT', 'NEARBY_FIRM', 'SOCIAL_ORG');

-- CreateEnum
CREATE TYPE "OrganizationRelation" AS ENUM ('PROPERTY_SERVICE', 'CO_BUILDING', 'SERVICE');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE');

-- CreateEnum
CREATE TYPE "ResidencyRelation" AS ENUM ('OWNER', 'FAMILY', 'TENANT');

-- CreateEnum
CREATE TYPE "CommunityKind" AS ENUM ('URBAN', 'VILLAGE');

-- CreateEnum
CREATE TYPE "UnitUse" AS ENUM ('RESIDENTIAL', 'PARKING', 'COMMERCIAL');

-- CreateEnum
CREATE TYPE "AreaSource" AS ENUM ('REGISTERED', 'SURVEYED', 'CONTRACT');

-- CreateEnum
CREATE TYPE "GridKind" AS ENUM ('GRID', 'MICRO_GRID');

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "communityId" INTEGER,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyOrg" (
    "id" SERIAL NOT NULL,
    "kind" "PartyOrgKind" NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" INTEGER,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "buildingId" INTEGER,
    "gridId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyOrg_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyOrgMember" (
    "id" SERIAL NOT NULL,
    "partyOrgId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "position" "PartyOrgPosition" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,

    CONSTRAINT "PartyOrgMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyMember" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "partyOrgId" INTEGER NOT NULL,
    "mobile" BOOLEAN NOT NULL DEFAULT false,
    "dualRegistered" BOOLEAN NOT NULL DEFAULT false,
    "workUnit" TEXT,
    "joinedOn" DATE,

    CONSTRAINT "PartyMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Body" (
    "id" SERIAL NOT NULL,
    "kind" "BodyKind" NOT NULL,
    "name" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "seats" INTEGER,
    "termNo" INTEGER,
    "termStartsOn" DATE,
    "termEndsOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BodyMember" (
    "id" SERIAL NOT NULL,
    "bodyId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "position" "BodyPosition" NOT NULL DEFAULT 'MEMBER',
    "organizationId" INTEGER,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,

    CONSTRAINT "BodyMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "creditCode" TEXT,
    "phone" TEXT,
    "hasPartyOrg" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationAssignment" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "relation" "OrganizationRelation" NOT NULL,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,

    CONSTRAINT "OrganizationAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationMember" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "OrganizationMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "gender" "Gender",
    "birthYear" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ownership" (
    "id" SERIAL NOT NULL,
    "householdId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "shareBp" INTEGER NOT NULL DEFAULT 10000,
    "isVoter" BOOLEAN NOT NULL DEFAULT true,
    "since" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ownership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Residency" (
    "id" SERIAL NOT NULL,
    "householdId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "relation" "ResidencyRelation" NOT NULL,
    "isRepresentative" BOOLEAN NOT NULL DEFAULT false,
    "since" DATE,
    "until" DATE,

    CONSTRAINT "Residency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemFlag" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SystemFlag_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "District" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "cityName" TEXT NOT NULL,
    "provinceName" TEXT NOT NULL,
    "initials" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Street" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "initials" TEXT NOT NULL,
    "districtId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Street_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Community" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CommunityKind" NOT NULL DEFAULT 'URBAN',
    "initials" TEXT NOT NULL,
    "streetId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Compound" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "initials" TEXT NOT NULL,
    "address" TEXT,
    "developerName" TEXT,
    "parkingCountsInArea" BOOLEAN NOT NULL DEFAULT false,
    "silentFollowMajority" BOOLEAN NOT NULL DEFAULT false,
    "communityId" INTEGER NOT NULL,
    "streetId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Compound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Building" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "unitCount" INTEGER NOT NULL DEFAULT 1,
    "compoundId" INTEGER NOT NULL,
    "gridId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Building_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" SERIAL NOT NULL,
    "buildingId" INTEGER NOT NULL,
    "unitNo" TEXT NOT NULL DEFAULT '1',
    "roomNo" TEXT NOT NULL,
    "use" "UnitUse" NOT NULL DEFAULT 'RESIDENTIAL',
    "areaCentiM2" INTEGER NOT NULL,
    "areaSource" "AreaSource" NOT NULL DEFAULT 'REGISTERED',
    "developerHeld" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grid" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "GridKind" NOT NULL DEFAULT 'GRID',
    "communityId" INTEGER NOT NULL,
    "parentId" INTEGER,

    CONSTRAINT "Grid_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_communityId_at_idx" ON "AuditLog"("communityId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "PartyOrg_communityId_idx" ON "PartyOrg"("communityId");

-- CreateIndex
CREATE INDEX "PartyOrg_compoundId_idx" ON "PartyOrg"("compoundId");

-- CreateIndex
CREATE INDEX "PartyOrgMember_partyOrgId_idx" ON "PartyOrgMember"("partyOrgId");

-- CreateIndex
CREATE INDEX "PartyOrgMember_personId_idx" ON "PartyOrgMember"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "PartyMember_personId_key" ON "PartyMember"("personId");

-- CreateIndex
CREATE INDEX "PartyMember_partyOrgId_idx" ON "PartyMember"("partyOrgId");

-- CreateIndex
CREATE INDEX "Body_communityId_idx" ON "Body"("communityId");

-- CreateIndex
CREATE INDEX "Body_compoundId_idx" ON "Body"("compoundId");

-- CreateIndex
CREATE INDEX "BodyMember_bodyId_idx" ON "BodyMember"("bodyId");

-- CreateIndex
CREATE INDEX "BodyMember_personId_idx" ON "BodyMember"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_creditCode_key" ON "Organization"("creditCode");

-- CreateIndex
CREATE INDEX "OrganizationAssignment_communityId_idx" ON "OrganizationAssignment"("communityId");

-- CreateIndex
CREATE INDEX "OrganizationAssignment_compoundId_idx" ON "OrganizationAssignment"("compoundId");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationMember_organizationId_personId_key" ON "OrganizationMember"("organizationId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_phone_key" ON "Person"("phone");

-- CreateIndex
CREATE INDEX "Ownership_personId_idx" ON "Ownership"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Ownership_householdId_personId_key" ON "Ownership"("householdId", "personId");

-- CreateIndex
CREATE INDEX "Residency_personId_idx" ON "Residency"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Residency_householdId_personId_key" ON "Residency"("householdId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "District_code_key" ON "District"("code");

-- CreateIndex
CREATE INDEX "District_initials_idx" ON "District"("initials");

-- CreateIndex
CREATE UNIQUE INDEX "Street_code_key" ON "Street"("code");

-- CreateIndex
CREATE INDEX "Street_districtId_idx" ON "Street"("districtId");

-- CreateIndex
CREATE INDEX "Street_initials_idx" ON "Street"("initials");

-- CreateIndex
CREATE UNIQUE INDEX "Community_code_key" ON "Community"("code");

-- CreateIndex
CREATE INDEX "Community_streetId_idx" ON "Community"("streetId");

-- CreateIndex
CREATE INDEX "Community_initials_idx" ON "Community"("initials");

-- CreateIndex
CREATE INDEX "Compound_streetId_idx" ON "Compound"("streetId");

-- CreateIndex
CREATE INDEX "Compound_districtId_idx" ON "Compound"("districtId");

-- CreateIndex
CREATE INDEX "Compound_initials_idx" ON "Compound"("initials");

-- CreateIndex
CREATE UNIQUE INDEX "Compound_communityId_name_key" ON "Compound"("communityId", "name");

-- CreateIndex
CREATE INDEX "Building_gridId_idx" ON "Building"("gridId");

-- CreateIndex
CREATE UNIQUE INDEX "Building_compoundId_name_key" ON "Building"("compoundId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Household_buildingId_unitNo_roomNo_key" ON "Household"("buildingId", "unitNo", "roomNo");

-- CreateIndex
CREATE UNIQUE INDEX "Grid_communityId_name_key" ON "Grid"("communityId", "name");

-- AddForeignKey
ALTER TABLE "PartyOrg" ADD CONSTRAINT "PartyOrg_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PartyOrg"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrg" ADD CONSTRAINT "PartyOrg_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrg" ADD CONSTRAINT "PartyOrg_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrg" ADD CONSTRAINT "PartyOrg_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrg" ADD CONSTRAINT "PartyOrg_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrgMember" ADD CONSTRAINT "PartyOrgMember_partyOrgId_fkey" FOREIGN KEY ("partyOrgId") REFERENCES "PartyOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrgMember" ADD CONSTRAINT "PartyOrgMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyMember" ADD CONSTRAINT "PartyMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyMember" ADD CONSTRAINT "PartyMember_partyOrgId_fkey" FOREIGN KEY ("partyOrgId") REFERENCES "PartyOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Body" ADD CONSTRAINT "Body_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Body" ADD CONSTRAINT "Body_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationAssignment" ADD CONSTRAINT "OrganizationAssignment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationAssignment" ADD CONSTRAINT "OrganizationAssignment_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationAssignment" ADD CONSTRAINT "OrganizationAssignment_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationMember" ADD CONSTRAINT "OrganizationMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationMember" ADD CONSTRAINT "OrganizationMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Residency" ADD CONSTRAINT "Residency_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Residency" ADD CONSTRAINT "Residency_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Street" ADD CONSTRAINT "Street_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Community" ADD CONSTRAINT "Community_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Compound" ADD CONSTRAINT "Compound_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Compound" ADD CONSTRAINT "Compound_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Compound" ADD CONSTRAINT "Compound_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Building" ADD CONSTRAINT "Building_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Building" ADD CONSTRAINT "Building_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grid" ADD CONSTRAINT "Grid_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grid" ADD CONSTRAINT "Grid_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Grid"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AuditLog is append-only: the database itself refuses edits and deletions.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only';
END;
$$;
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

COMMIT;
