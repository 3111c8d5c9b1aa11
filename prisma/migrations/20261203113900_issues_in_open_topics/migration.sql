BEGIN;

-- Issues already taken up by a topic that is still open stop their clock (decision 047): they move to IN_TOPIC, as
-- taking an issue up does from now on (their timeline shows the TAKEN_UP entry already). A separate migration: a new
-- enum value may not be used in the transaction that adds it.
UPDATE "Issue" i SET state = 'IN_TOPIC', "remindedAt" = NULL
  FROM "Topic" t
 WHERE t.id = i."topicId" AND t.status = 'OPEN' AND i."mergedIntoId" IS NULL
   AND i.state IN ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED');

COMMIT;
