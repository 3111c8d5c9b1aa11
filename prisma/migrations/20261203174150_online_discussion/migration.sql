BEGIN;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "onlineUrl" TEXT;

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "online" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "TopicComment" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "parentId" INTEGER,
    "authorUserId" INTEGER NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "authorLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "hiddenAt" TIMESTAMP(3),
    "hiddenById" INTEGER,
    "hiddenReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TopicComment_topicId_stepIndex_idx" ON "TopicComment"("topicId", "stepIndex");

-- CreateIndex
CREATE INDEX "TopicComment_authorUserId_createdAt_idx" ON "TopicComment"("authorUserId", "createdAt");

-- AddForeignKey
ALTER TABLE "TopicComment" ADD CONSTRAINT "TopicComment_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicComment" ADD CONSTRAINT "TopicComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "TopicComment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Held by the database too (decision 059): an online meeting's link is https; a comment says something and not too much;
-- an anonymous comment carries no name; a hidden one says why.
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_onlineUrl_https" CHECK ("onlineUrl" IS NULL OR "onlineUrl" ~ '^https://[^[:space:]]+$');
ALTER TABLE "TopicComment" ADD CONSTRAINT "TopicComment_body_length" CHECK (char_length(btrim("body")) BETWEEN 1 AND 1000);
ALTER TABLE "TopicComment" ADD CONSTRAINT "TopicComment_anonymous_unnamed" CHECK (NOT "anonymous" OR "authorLabel" = '');
ALTER TABLE "TopicComment" ADD CONSTRAINT "TopicComment_hidden_reason" CHECK (("hiddenAt" IS NULL) = ("hiddenReason" IS NULL));
ALTER TABLE "TopicComment" ADD CONSTRAINT "TopicComment_author_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id");
-- One summary of a step's discussion (two runners at once: one record).
CREATE UNIQUE INDEX "TopicRecord_one_discussion_summary" ON "TopicRecord"("topicId", "stepIndex") WHERE "kind" = 'DISCUSSION' AND "withdrawnAt" IS NULL;

COMMIT;
