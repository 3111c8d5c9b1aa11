BEGIN;

-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "mediaUrl" TEXT;

-- AlterTable
ALTER TABLE "Compound" ADD COLUMN     "lat" DOUBLE PRECISION,
ADD COLUMN     "long" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "Open311Intake" (
    "id" SERIAL NOT NULL,
    "token" TEXT NOT NULL,
    "districtId" INTEGER NOT NULL,
    "apiKeyId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "addressString" TEXT,
    "lat" DOUBLE PRECISION,
    "long" DOUBLE PRECISION,
    "mediaUrl" TEXT,
    "reporterName" TEXT,
    "reporterPhone" TEXT,
    "anonymous" BOOLEAN NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "issueId" INTEGER,
    "placedById" INTEGER,
    "placedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Open311Intake_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Open311Intake_token_key" ON "Open311Intake"("token");

-- CreateIndex
CREATE UNIQUE INDEX "Open311Intake_idempotencyKey_key" ON "Open311Intake"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Open311Intake_issueId_key" ON "Open311Intake"("issueId");

-- CreateIndex
CREATE INDEX "Open311Intake_districtId_placedAt_idx" ON "Open311Intake"("districtId", "placedAt");

-- Hand-written (decision 060): the intake's references, and coordinates that are coordinates.
ALTER TABLE "Open311Intake" ADD CONSTRAINT "Open311Intake_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Open311Intake" ADD CONSTRAINT "Open311Intake_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Open311Intake" ADD CONSTRAINT "Open311Intake_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "IssueCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Open311Intake" ADD CONSTRAINT "Open311Intake_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Open311Intake" ADD CONSTRAINT "Open311Intake_placedById_fkey" FOREIGN KEY ("placedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Open311Intake" ADD CONSTRAINT "Open311Intake_placed_check" CHECK (("issueId" IS NULL) = ("placedAt" IS NULL));
ALTER TABLE "Compound" ADD CONSTRAINT "Compound_coordinates_check"
  CHECK (("lat" IS NULL) = ("long" IS NULL) AND ("lat" IS NULL OR ("lat" BETWEEN -90 AND 90 AND "long" BETWEEN -180 AND 180)));
COMMIT;
