BEGIN;

-- CreateEnum
CREATE TYPE "BulletinCadence" AS ENUM ('MONTHLY', 'BIWEEKLY');

-- CreateTable
CREATE TABLE "BulletinSchedule" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "cadence" "BulletinCadence" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "finishedAt" TIMESTAMP(3),
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BulletinSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressBulletin" (
    "id" SERIAL NOT NULL,
    "scheduleId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "fromDay" DATE NOT NULL,
    "toDay" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "draftedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedById" INTEGER,
    "noticeId" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "publishedById" INTEGER,

    CONSTRAINT "ProgressBulletin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BulletinSchedule_topicId_key" ON "BulletinSchedule"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressBulletin_noticeId_key" ON "ProgressBulletin"("noticeId");

-- CreateIndex
CREATE INDEX "ProgressBulletin_topicId_idx" ON "ProgressBulletin"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressBulletin_scheduleId_period_key" ON "ProgressBulletin"("scheduleId", "period");

-- AddForeignKey
ALTER TABLE "BulletinSchedule" ADD CONSTRAINT "BulletinSchedule_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressBulletin" ADD CONSTRAINT "ProgressBulletin_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "BulletinSchedule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

COMMIT;
