BEGIN;

-- AlterTable
ALTER TABLE "TopicTask" ADD COLUMN     "ownerBodyId" INTEGER,
ADD COLUMN     "ownerOrganizationId" INTEGER,
ADD COLUMN     "ownerUserId" INTEGER;

-- CreateIndex
CREATE INDEX "TopicTask_ownerUserId_idx" ON "TopicTask"("ownerUserId");

-- CreateIndex
CREATE INDEX "TopicTask_ownerOrganizationId_idx" ON "TopicTask"("ownerOrganizationId");

-- CreateIndex
CREATE INDEX "TopicTask_ownerBodyId_idx" ON "TopicTask"("ownerBodyId");

-- AddForeignKey
ALTER TABLE "TopicTask" ADD CONSTRAINT "TopicTask_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicTask" ADD CONSTRAINT "TopicTask_ownerOrganizationId_fkey" FOREIGN KEY ("ownerOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicTask" ADD CONSTRAINT "TopicTask_ownerBodyId_fkey" FOREIGN KEY ("ownerBodyId") REFERENCES "Body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One owner at most: a person, an organisation or a body (decision 048).
ALTER TABLE "TopicTask" ADD CONSTRAINT "TopicTask_one_owner" CHECK (num_nonnulls("ownerUserId", "ownerOrganizationId", "ownerBodyId") <= 1);

COMMIT;
