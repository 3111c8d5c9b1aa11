BEGIN;

-- CreateEnum
CREATE TYPE "ConsultationSource" AS ENUM ('RESIDENTS', 'COMMITTEES', 'HIGHER', 'OTHER');

-- CreateEnum
CREATE TYPE "ConsultationListStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- AlterTable
-- Nullable until the backfill below, then NOT NULL.
ALTER TABLE "Topic" ADD COLUMN     "categoryId" INTEGER,
ADD COLUMN     "consultationItemId" INTEGER;

-- CreateTable
CREATE TABLE "TopicCategory" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "districtId" INTEGER,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 100,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationList" (
    "id" SERIAL NOT NULL,
    "communityId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "ConsultationListStatus" NOT NULL DEFAULT 'DRAFT',
    "noticeId" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "createdById" INTEGER NOT NULL,
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationItem" (
    "id" SERIAL NOT NULL,
    "listId" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "quarter" INTEGER,
    "month" INTEGER,
    "source" "ConsultationSource" NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TopicCategory_districtId_code_key" ON "TopicCategory"("districtId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationList_noticeId_key" ON "ConsultationList"("noticeId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationList_communityId_year_key" ON "ConsultationList"("communityId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationItem_listId_line_key" ON "ConsultationItem"("listId", "line");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationItem_listId_title_key" ON "ConsultationItem"("listId", "title");

-- CreateIndex
CREATE INDEX "Topic_categoryId_createdAt_idx" ON "Topic"("categoryId", "createdAt");

-- CreateIndex
CREATE INDEX "Topic_communityId_categoryId_idx" ON "Topic"("communityId", "categoryId");

-- CreateIndex
CREATE INDEX "Topic_consultationItemId_idx" ON "Topic"("consultationItemId");

-- AddForeignKey
ALTER TABLE "TopicCategory" ADD CONSTRAINT "TopicCategory_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationList" ADD CONSTRAINT "ConsultationList_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationList" ADD CONSTRAINT "ConsultationList_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationList" ADD CONSTRAINT "ConsultationList_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationItem" ADD CONSTRAINT "ConsultationItem_listId_fkey" FOREIGN KEY ("listId") REFERENCES "ConsultationList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationItem" ADD CONSTRAINT "ConsultationItem_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TopicCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TopicCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_consultationItemId_fkey" FOREIGN KEY ("consultationItemId") REFERENCES "ConsultationItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ── Hand SQL (decision 072) ──────────────────────────────────────────────────────────────────────────
-- One built-in per code: Prisma cannot express NULLS NOT DISTINCT; the index keeps its name.
DROP INDEX "TopicCategory_districtId_code_key";
CREATE UNIQUE INDEX "TopicCategory_districtId_code_key" ON "TopicCategory"("districtId", "code") NULLS NOT DISTINCT;

-- The ten built-in categories, with fixed codes (the seed, the tests and the issue mapping name them).
INSERT INTO "TopicCategory" ("code", "districtId", "nameZh", "nameEn", "sort") VALUES
  ('ENVIRONMENT', NULL, '环境整治', 'Environment', 10),
  ('SAFETY', NULL, '治安防范', 'Safety and security', 20),
  ('PROPERTY', NULL, '物业服务和收费', 'Property service and fees', 30),
  ('CONVENTIONS', NULL, '小区公约', 'Conventions', 40),
  ('DISPUTES', NULL, '纠纷调解', 'Disputes', 50),
  ('FACILITIES', NULL, '设施和改造', 'Facilities and renovation', 60),
  ('PARKING', NULL, '停车管理', 'Parking', 70),
  ('CARE', NULL, '养老托幼服务', 'Elderly and children''s services', 80),
  ('CULTURE', NULL, '文化活动', 'Culture and activities', 90),
  ('OTHER', NULL, '其他', 'Other', 1000);

-- Existing topics: a category from words of the title (first match in this order), else OTHER.
UPDATE "Topic" t SET "categoryId" = c."id"
FROM "TopicCategory" c
WHERE c."districtId" IS NULL AND c."code" = CASE
  WHEN t."title" ~ '停车|车位|充电桩|车库' THEN 'PARKING'
  WHEN t."title" ~ '公约|规约|议事规则|章程' THEN 'CONVENTIONS'
  WHEN t."title" ~ '纠纷|调解|矛盾' THEN 'DISPUTES'
  WHEN t."title" ~ '物业|物业费|收费|维修资金|公共收益' THEN 'PROPERTY'
  WHEN t."title" ~ '治安|安全|监控|门禁|消防|防盗' THEN 'SAFETY'
  WHEN t."title" ~ '电梯|加装|改造|维修|设施|屋顶|管网|外墙|路灯|道路' THEN 'FACILITIES'
  WHEN t."title" ~ '环境|垃圾|绿化|卫生|整治|噪音' THEN 'ENVIRONMENT'
  WHEN t."title" ~ '养老|老人|老年|助餐|儿童|托育|托管' THEN 'CARE'
  WHEN t."title" ~ '文化|活动|文艺|运动|节日' THEN 'CULTURE'
  ELSE 'OTHER' END;
ALTER TABLE "Topic" ALTER COLUMN "categoryId" SET NOT NULL;

ALTER TABLE "ConsultationList" ADD CONSTRAINT "ConsultationList_year_check" CHECK ("year" BETWEEN 2000 AND 2100);
ALTER TABLE "ConsultationList" ADD CONSTRAINT "ConsultationList_published_check"
  CHECK (("status" = 'PUBLISHED') = ("noticeId" IS NOT NULL AND "publishedAt" IS NOT NULL));
ALTER TABLE "ConsultationItem" ADD CONSTRAINT "ConsultationItem_line_check" CHECK ("line" >= 1);
ALTER TABLE "ConsultationItem" ADD CONSTRAINT "ConsultationItem_when_check"
  CHECK (("quarter" IS NULL OR "quarter" BETWEEN 1 AND 4) AND ("month" IS NULL OR "month" BETWEEN 1 AND 12)
         AND NOT ("quarter" IS NOT NULL AND "month" IS NOT NULL));

-- A topic carries out a line of its own community's list only (whatever path writes the link).
CREATE FUNCTION "topic_consultation_item_check"() RETURNS trigger AS $$
BEGIN
  IF NEW."consultationItemId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "ConsultationItem" i JOIN "ConsultationList" l ON l."id" = i."listId"
    WHERE i."id" = NEW."consultationItemId" AND l."communityId" = NEW."communityId"
  ) THEN
    RAISE EXCEPTION 'topic % may not carry out consultation item % of another community', NEW."id", NEW."consultationItemId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "topic_consultation_item_check" BEFORE INSERT OR UPDATE OF "consultationItemId", "communityId" ON "Topic"
  FOR EACH ROW EXECUTE FUNCTION "topic_consultation_item_check"();

-- The public list page shows these (decision 032): its cache hears of every change.
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TopicCategory" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ConsultationList" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ConsultationItem" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();

COMMIT;
