BEGIN;

-- Motions opened before rosters were kept as rows (MotionVoter) and still open get their rows from the frozen
-- roster array, so that counts and ballots have the roster's denominators (the tally reads MotionVoter).
INSERT INTO "MotionVoter" ("motionId", "voterKey")
SELECT m.id, r.voter FROM "Motion" m CROSS JOIN LATERAL unnest(m.roster) AS r(voter)
WHERE m.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM "MotionVoter" v WHERE v."motionId" = m.id)
ON CONFLICT DO NOTHING;

COMMIT;
