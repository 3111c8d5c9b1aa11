BEGIN;

-- CreateIndex
CREATE INDEX "Issue_streetId_createdAt_idx" ON "Issue"("streetId", "createdAt");

-- CreateIndex
CREATE INDEX "Issue_districtId_createdAt_idx" ON "Issue"("districtId", "createdAt");

COMMIT;
