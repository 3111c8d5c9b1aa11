BEGIN;

-- An issue is merged only into an issue that is not merged itself. Two handlers merging A into B and
-- B into A at once left both merged (each into the other) and both gone from every queue. The target
-- is locked, so of two crossing merges the second sees the first (or the two deadlock and one fails).
CREATE FUNCTION issue_merge_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE target_merged integer;
BEGIN
  IF NEW."mergedIntoId" = NEW.id THEN
    RAISE EXCEPTION 'issue % cannot be merged into itself', NEW.id;
  END IF;
  SELECT "mergedIntoId" INTO target_merged FROM "Issue" WHERE id = NEW."mergedIntoId" FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'issue % is merged into a missing issue %', NEW.id, NEW."mergedIntoId";
  END IF;
  IF target_merged IS NOT NULL THEN
    RAISE EXCEPTION 'issue % cannot be merged into issue %, which is merged itself', NEW.id, NEW."mergedIntoId";
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER issue_merge_guard BEFORE INSERT OR UPDATE OF "mergedIntoId" ON "Issue"
  FOR EACH ROW WHEN (NEW."mergedIntoId" IS NOT NULL) EXECUTE FUNCTION issue_merge_guard();

COMMIT;
