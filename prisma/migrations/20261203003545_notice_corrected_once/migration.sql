BEGIN;

-- A notice is corrected once. Published notices are immutable (hash chain), so a board that already holds
-- two corrections of one notice (the race this fixes) keeps them as published: the unique index covers every
-- notice except those earlier corrections, and the application's check under the row lock refuses any further
-- correction of such a notice. Boards without them get the plain unique index.
DO $$
DECLARE last_twice integer;
BEGIN
  SELECT max(n.id) INTO last_twice
  FROM "Notice" n WHERE "supersedesId" IS NOT NULL
    AND EXISTS (SELECT 1 FROM "Notice" m WHERE m."supersedesId" = n."supersedesId" AND m.id <> n.id);
  IF last_twice IS NULL THEN
    CREATE UNIQUE INDEX "Notice_supersedesId_key" ON "Notice"("supersedesId");
  ELSE
    RAISE NOTICE 'Notices corrected more than once before this migration are kept; the unique key starts after notice %', last_twice;
    EXECUTE format('CREATE UNIQUE INDEX "Notice_supersedesId_key" ON "Notice"("supersedesId") WHERE id > %s', last_twice);
  END IF;
END $$;

COMMIT;
