BEGIN;

-- Written by hand (issue 14.3, decisions/025): a body never has more members in office on one day than
-- its seats (`Body.seats`; no seat count, no limit). The use case checks first under the body's row lock
-- and refuses with a message; this trigger is the backstop for every other writer (imports, scripts, SQL).
CREATE FUNCTION body_member_seats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  worst integer;
BEGIN
  -- A term that only shrinks (ending a membership) never takes a seat.
  IF TG_OP = 'UPDATE' AND NEW."bodyId" = OLD."bodyId" AND NEW."startsOn" >= OLD."startsOn"
     AND (OLD."endsOn" IS NULL OR (NEW."endsOn" IS NOT NULL AND NEW."endsOn" <= OLD."endsOn")) THEN
    RETURN NEW;
  END IF;
  -- The body's row lock serialises writers into one body, as the use case does.
  SELECT seats INTO cap FROM "Body" WHERE id = NEW."bodyId" FOR UPDATE;
  IF cap IS NULL THEN
    RETURN NEW;
  END IF;
  -- The count of members in office rises only on a day a term starts: check the new term's first day
  -- and every later start within it (a term's last day counts: 届满 includes the day).
  SELECT coalesce(max(x.n), 0) INTO worst FROM (
    SELECT (SELECT count(*) FROM "BodyMember" m
             WHERE m."bodyId" = NEW."bodyId" AND m.id <> NEW.id
               AND m."startsOn" <= d.day AND (m."endsOn" IS NULL OR m."endsOn" >= d.day)) AS n
    FROM (SELECT NEW."startsOn" AS day
          UNION
          SELECT m."startsOn" FROM "BodyMember" m
           WHERE m."bodyId" = NEW."bodyId" AND m.id <> NEW.id AND m."startsOn" > NEW."startsOn"
             AND (NEW."endsOn" IS NULL OR m."startsOn" <= NEW."endsOn")) d
  ) x;
  IF worst + 1 > cap THEN
    RAISE EXCEPTION 'body_seats_full: body % has % seats, all taken on a day from %', NEW."bodyId", cap, NEW."startsOn"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "BodyMember_seats" BEFORE INSERT OR UPDATE OF "bodyId", "startsOn", "endsOn" ON "BodyMember"
  FOR EACH ROW EXECUTE FUNCTION body_member_seats();

COMMIT;
