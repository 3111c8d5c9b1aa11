BEGIN;

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "NotifyGroup" AS ENUM ('MEETINGS', 'VOTES', 'NOTICES', 'PROGRESS', 'TASKS', 'ACCOUNT');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'HELD', 'SENT', 'DELIVERED', 'FAILED', 'DROPPED');

-- DropIndex
DROP INDEX "Notification_emailStatus_id_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notifyDigest" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Delivery" (
    "id" SERIAL NOT NULL,
    "notificationId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retryAt" TIMESTAMP(3),
    "providerMessageId" TEXT,
    "report" TEXT,
    "sentAt" TIMESTAMP(3),
    "reportedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelChoice" (
    "userId" INTEGER NOT NULL,
    "group" "NotifyGroup" NOT NULL,
    "channel" "Channel" NOT NULL,
    "enabled" BOOLEAN NOT NULL,

    CONSTRAINT "ChannelChoice_pkey" PRIMARY KEY ("userId","group","channel")
);

-- CreateIndex
CREATE INDEX "Delivery_channel_status_id_idx" ON "Delivery"("channel", "status", "id");

-- CreateIndex
CREATE INDEX "Delivery_userId_status_idx" ON "Delivery"("userId", "status");

-- CreateIndex
CREATE INDEX "Delivery_providerMessageId_idx" ON "Delivery"("providerMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_notificationId_channel_key" ON "Delivery"("notificationId", "channel");

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelChoice" ADD CONSTRAINT "ChannelChoice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (decision 056): e-mails still waiting in the old outbox columns move to the Delivery table.
INSERT INTO "Delivery" ("notificationId", "userId", channel, status, attempts)
SELECT id, "userId", 'EMAIL', CASE "emailStatus" WHEN 'PENDING' THEN 'PENDING' WHEN 'SENT' THEN 'SENT' ELSE 'FAILED' END::"DeliveryStatus", "emailAttempts"
  FROM "Notification" WHERE "emailStatus" IS NOT NULL;

ALTER TABLE "Notification" DROP COLUMN "emailAttempts", DROP COLUMN "emailStatus";
DROP TYPE "EmailStatus";

-- Which group of messages a notification kind belongs to: the one place that says it (the prefs page lists the groups).
CREATE FUNCTION notification_group(kind text) RETURNS "NotifyGroup" LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN kind LIKE 'account.%' OR kind LIKE 'claim.%' THEN 'ACCOUNT'
    WHEN kind LIKE 'meeting.%' THEN 'MEETINGS'
    WHEN kind LIKE 'vote.%' OR kind LIKE 'motion.%' THEN 'VOTES'
    WHEN kind LIKE 'notice.%' THEN 'NOTICES'
    WHEN kind LIKE 'task.%' OR kind LIKE 'supervise.%'
      OR kind IN ('issue.assigned', 'issue.hand_off', 'issue.add_co_handler', 'issue.escalate', 'issue.consult', 'issue.reminder') THEN 'TASKS'
    ELSE 'PROGRESS'
  END::"NotifyGroup"
$$;

-- Every notification, whoever inserts it, gets its copies here, in the inserting statement: e-mail when the user has an
-- address and has not turned the group's e-mail off (on by default), SMS when the user turned it on for the group (off by
-- default: it costs money). Staff who chose the digest get theirs HELD for the daily summary, except account messages.
-- One set-based insert per statement (a transition table), not one per row: a notice to every household is one INSERT.
CREATE FUNCTION route_notifications() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "Delivery" ("notificationId", "userId", channel, status)
  SELECT n.id, n."userId", c.channel,
         CASE WHEN u."notifyDigest" AND notification_group(n.kind) <> 'ACCOUNT' THEN 'HELD' ELSE 'PENDING' END::"DeliveryStatus"
    FROM new_rows n
    JOIN "User" u ON u.id = n."userId"
   CROSS JOIN (VALUES ('EMAIL'::"Channel", true), ('SMS'::"Channel", false)) AS c(channel, by_default)
    LEFT JOIN "ChannelChoice" ch ON ch."userId" = n."userId" AND ch."group" = notification_group(n.kind) AND ch.channel = c.channel
   WHERE (c.channel <> 'EMAIL' OR u.email IS NOT NULL) AND coalesce(ch.enabled, c.by_default);
  RETURN NULL;
END $$;

CREATE TRIGGER route_notifications AFTER INSERT ON "Notification" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION route_notifications();

COMMIT;
