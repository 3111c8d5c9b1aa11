BEGIN;

-- AlterTable
ALTER TABLE "PlanVersion" ADD COLUMN     "budgetLines" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "bodyHtml" TEXT,
ADD COLUMN     "concludedAt" TIMESTAMP(3),
ADD COLUMN     "concludedById" INTEGER,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "periodEndsAt" TIMESTAMP(3),
ADD COLUMN     "periodUnit" TEXT NOT NULL DEFAULT 'CALENDAR',
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "seq" INTEGER,
ADD COLUMN     "streetId" INTEGER,
ADD COLUMN     "supersedesId" INTEGER,
ALTER COLUMN "communityId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "NoticeAttachment" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,

    CONSTRAINT "NoticeAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "authorUserId" INTEGER,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredById" INTEGER,
    "answeredBy" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Expense" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "paidOn" DATE NOT NULL,
    "receiptKey" TEXT,
    "receiptName" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Expense_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NoticeAttachment_storageKey_key" ON "NoticeAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "NoticeAttachment_noticeId_idx" ON "NoticeAttachment"("noticeId");

-- CreateIndex
CREATE INDEX "Objection_noticeId_idx" ON "Objection"("noticeId");

-- CreateIndex
CREATE INDEX "Expense_topicId_idx" ON "Expense"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_seq_key" ON "Notice"("seq");

-- CreateIndex
CREATE INDEX "Notice_streetId_publishedAt_idx" ON "Notice"("streetId", "publishedAt");

-- AddForeignKey
ALTER TABLE "NoticeAttachment" ADD CONSTRAINT "NoticeAttachment_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: notices carry their street; published notices and their attachments never change.
UPDATE "Notice" n SET "streetId" = c."streetId" FROM "Community" c WHERE c.id = n."communityId" AND n."streetId" IS NULL;
UPDATE "Notice" SET "periodEndsAt" = "publishedAt" + make_interval(days => "periodDays") WHERE "periodEndsAt" IS NULL;

CREATE OR REPLACE FUNCTION notice_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'published notices cannot be deleted (notice %)', OLD.id;
  END IF;
  -- Until it is linked into the hash chain a notice may receive its link; after that only the
  -- closing of its period (concludedAt) may change.
  IF OLD.hash IS NOT NULL AND ROW(NEW.kind, NEW.category, NEW.title, NEW.body, NEW."bodyHtml", NEW."streetId", NEW."communityId", NEW."compoundId", NEW."topicId", NEW."publishedAt", NEW."periodEndsAt", NEW."supersedesId", NEW.seq, NEW."prevHash", NEW.hash) IS DISTINCT FROM ROW(OLD.kind, OLD.category, OLD.title, OLD.body, OLD."bodyHtml", OLD."streetId", OLD."communityId", OLD."compoundId", OLD."topicId", OLD."publishedAt", OLD."periodEndsAt", OLD."supersedesId", OLD.seq, OLD."prevHash", OLD.hash) THEN
    RAISE EXCEPTION 'published notices are immutable (notice %): publish a correction instead', OLD.id;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER notice_immutable BEFORE UPDATE OR DELETE ON "Notice" FOR EACH ROW EXECUTE FUNCTION notice_immutable();

CREATE OR REPLACE FUNCTION notice_attachment_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'notice attachments are immutable';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER notice_attachment_immutable BEFORE UPDATE OR DELETE ON "NoticeAttachment" FOR EACH ROW EXECUTE FUNCTION notice_attachment_immutable();

COMMIT;
