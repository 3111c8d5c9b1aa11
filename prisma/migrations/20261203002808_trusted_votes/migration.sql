BEGIN;

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "ownersBuildingIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- AlterTable
ALTER TABLE "Motion" ADD COLUMN     "closeError" TEXT,
ADD COLUMN     "closeFailedAt" TIMESTAMP(3),
ADD COLUMN     "closeFailures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "closeReason" TEXT,
ADD COLUMN     "votingFrom" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Ballot" ADD COLUMN     "sealed" BYTEA;

-- AlterTable
ALTER TABLE "SecretChoice" DROP CONSTRAINT "SecretChoice_pkey",
DROP COLUMN "id",
ADD COLUMN     "id" UUID NOT NULL DEFAULT gen_random_uuid(),
ADD CONSTRAINT "SecretChoice_pkey" PRIMARY KEY ("id");

-- CreateIndex
CREATE INDEX "Motion_status_closesAt_idx" ON "Motion"("status", "closesAt");

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_motionId_voterKey_fkey" FOREIGN KEY ("motionId", "voterKey") REFERENCES "MotionVoter"("motionId", "voterKey") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
-- NOT VALID: checked for every ballot from now on; ballots cast before this migration are kept as they are.

-- Secret choices written before this migration sit in the order and transactions of their ballots:
-- rewrite them in random order (new ids, one transaction) so nothing links them to their voters.
CREATE TEMP TABLE secret_choice_shuffle ON COMMIT DROP AS SELECT "motionId", "choice" FROM "SecretChoice";
DELETE FROM "SecretChoice";
INSERT INTO "SecretChoice" ("motionId", "choice") SELECT "motionId", "choice" FROM secret_choice_shuffle ORDER BY random();

-- A decided motion never changes: status, counts, result, hash, roster (the application checks too).
CREATE OR REPLACE FUNCTION motion_decided_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'motion % cannot be deleted', OLD.id USING ERRCODE = 'YV001';
  END IF;
  IF OLD.status <> 'OPEN' AND (NEW.status, NEW.tally, NEW.result, NEW."tallyHash", NEW."decidedAt", NEW."decidedById", NEW.roster, NEW.rule)
       IS DISTINCT FROM (OLD.status, OLD.tally, OLD.result, OLD."tallyHash", OLD."decidedAt", OLD."decidedById", OLD.roster, OLD.rule) THEN
    RAISE EXCEPTION 'motion % is decided: its result cannot change', OLD.id USING ERRCODE = 'YV001';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER motion_decided_immutable BEFORE UPDATE OR DELETE ON "Motion" FOR EACH ROW EXECUTE FUNCTION motion_decided_immutable();

-- The roster is frozen when the motion opens: rows are added with it, never changed or removed.
CREATE OR REPLACE FUNCTION motion_voter_frozen() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM "Motion" WHERE id = NEW."motionId" AND status <> 'OPEN') THEN
      RAISE EXCEPTION 'motion % is decided: its roster is frozen', NEW."motionId" USING ERRCODE = 'YV001';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the roster of motion % is frozen', OLD."motionId" USING ERRCODE = 'YV001';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER motion_voter_frozen BEFORE INSERT OR UPDATE OR DELETE ON "MotionVoter" FOR EACH ROW EXECUTE FUNCTION motion_voter_frozen();

-- Ballots go in only while the motion is open: not before its voting period (owners' notice), not after
-- its end time, and nothing is inserted, changed or removed once it is decided.
CREATE OR REPLACE FUNCTION ballot_while_open() RETURNS trigger AS $$
DECLARE m RECORD;
BEGIN
  SELECT status, "closesAt", "votingFrom" INTO m FROM "Motion" WHERE id = COALESCE(NEW."motionId", OLD."motionId");
  IF m.status <> 'OPEN' THEN
    RAISE EXCEPTION 'motion % is decided: ballots cannot change', COALESCE(NEW."motionId", OLD."motionId") USING ERRCODE = 'YV002';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ballots are never deleted' USING ERRCODE = 'YV002';
  END IF;
  -- Unsealing at close (the choice moves to SecretChoice) is the one change allowed after the end time.
  IF TG_OP = 'UPDATE' AND NEW.sealed IS NULL AND OLD.sealed IS NOT NULL
     AND (NEW.choice, NEW."voterKey", NEW.channel) IS NOT DISTINCT FROM (OLD.choice, OLD."voterKey", OLD.channel) THEN
    RETURN NEW;
  END IF;
  IF (m."closesAt" IS NOT NULL AND m."closesAt" <= now()) OR (m."votingFrom" IS NOT NULL AND m."votingFrom" > now()) THEN
    RAISE EXCEPTION 'motion % is not taking ballots now', NEW."motionId" USING ERRCODE = 'YV002';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER ballot_while_open BEFORE INSERT OR UPDATE OR DELETE ON "Ballot" FOR EACH ROW EXECUTE FUNCTION ballot_while_open();

-- Secret choices are written once, at close, and never changed afterwards.
CREATE OR REPLACE FUNCTION secret_choice_once() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Motion" WHERE id = COALESCE(NEW."motionId", OLD."motionId") AND status <> 'OPEN') THEN
    RAISE EXCEPTION 'motion % is decided: its secret choices cannot change', COALESCE(NEW."motionId", OLD."motionId") USING ERRCODE = 'YV002';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$ LANGUAGE plpgsql;
CREATE TRIGGER secret_choice_once BEFORE INSERT OR UPDATE OR DELETE ON "SecretChoice" FOR EACH ROW EXECUTE FUNCTION secret_choice_once();

COMMIT;
