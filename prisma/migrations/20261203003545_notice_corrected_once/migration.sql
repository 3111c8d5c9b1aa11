BEGIN;

-- A notice is corrected once. Published notices are immutable (hash chain), so a board that already
-- holds two corrections of one notice cannot be repaired here: say which, and stop.
DO $$
DECLARE twice text;
BEGIN
  SELECT string_agg(DISTINCT "supersedesId"::text, ', ') INTO twice
  FROM "Notice" n WHERE "supersedesId" IS NOT NULL
    AND EXISTS (SELECT 1 FROM "Notice" m WHERE m."supersedesId" = n."supersedesId" AND m.id <> n.id);
  IF twice IS NOT NULL THEN
    RAISE EXCEPTION 'Notices corrected more than once: %. Decide which correction stands before migrating (decisions/024).', twice;
  END IF;
END $$;

-- CreateIndex
CREATE UNIQUE INDEX "Notice_supersedesId_key" ON "Notice"("supersedesId");

COMMIT;
