BEGIN;

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'UNVERIFIED_RESIDENT';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "registeredCommunityId" INTEGER;

-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "unverified" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RegistrationCode" (
    "id" SERIAL NOT NULL,
    "phone" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "wrongTries" INTEGER NOT NULL DEFAULT 0,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegistrationCode_phone_createdAt_idx" ON "RegistrationCode"("phone", "createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_registeredCommunityId_fkey" FOREIGN KEY ("registeredCommunityId") REFERENCES "Community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationCode" ADD CONSTRAINT "RegistrationCode_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

COMMIT;
