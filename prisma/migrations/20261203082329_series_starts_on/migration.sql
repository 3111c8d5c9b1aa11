BEGIN;

-- The day a series' rule counts from (issue 17, item 9: the .ics feed's DTSTART and a quarterly rule's months).
-- Series made before it: the day of their first meeting in China (their first date was on or after it), else the day they were made.
ALTER TABLE "MeetingSeries" ADD COLUMN "startsOn" DATE;
UPDATE "MeetingSeries" s
   SET "startsOn" = COALESCE(
         (SELECT min((m."startsAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date) FROM "Meeting" m WHERE m."seriesId" = s.id),
         (s."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date);
ALTER TABLE "MeetingSeries" ALTER COLUMN "startsOn" SET NOT NULL;

COMMIT;
