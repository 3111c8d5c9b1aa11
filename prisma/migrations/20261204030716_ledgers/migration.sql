BEGIN;

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('WORKING_FUNDS', 'SERVICE_FUNDS', 'PROPERTY_FEES', 'MAINTENANCE_FUND', 'SELF_RAISED');

-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('INCOME', 'SPENDING', 'ADVANCE', 'ADVANCE_REPAID', 'REVERSAL');

-- CreateTable
CREATE TABLE "Ledger" (
    "id" SERIAL NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "name" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "buildingId" INTEGER,
    "entryCount" INTEGER NOT NULL DEFAULT 0,
    "balanceFen" BIGINT NOT NULL DEFAULT 0,
    "advancesFen" BIGINT NOT NULL DEFAULT 0,
    "closedAt" TIMESTAMP(3),
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idempotencyKey" TEXT,

    CONSTRAINT "Ledger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" SERIAL NOT NULL,
    "ledgerId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "LedgerEntryKind" NOT NULL,
    "day" DATE NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "description" TEXT NOT NULL,
    "counterparty" TEXT,
    "motionId" INTEGER,
    "householdId" INTEGER,
    "reversesId" INTEGER,
    "reconciledAt" TIMESTAMP(3),
    "reconciledById" INTEGER,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idempotencyKey" TEXT,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerReceipt" (
    "id" SERIAL NOT NULL,
    "entryId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerStatement" (
    "id" SERIAL NOT NULL,
    "ledgerId" INTEGER NOT NULL,
    "fromDay" DATE NOT NULL,
    "toDay" DATE NOT NULL,
    "openingFen" BIGINT NOT NULL,
    "incomeFen" BIGINT NOT NULL,
    "spendingFen" BIGINT NOT NULL,
    "advancesFen" BIGINT NOT NULL,
    "closingFen" BIGINT NOT NULL,
    "owedFen" BIGINT NOT NULL,
    "entryCount" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerStatement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Ledger_idempotencyKey_key" ON "Ledger"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Ledger_communityId_idx" ON "Ledger"("communityId");

-- CreateIndex
CREATE INDEX "Ledger_compoundId_idx" ON "Ledger"("compoundId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_reversesId_key" ON "LedgerEntry"("reversesId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_idempotencyKey_key" ON "LedgerEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_ledgerId_day_idx" ON "LedgerEntry"("ledgerId", "day");

-- CreateIndex
CREATE INDEX "LedgerEntry_motionId_idx" ON "LedgerEntry"("motionId");

-- CreateIndex
CREATE INDEX "LedgerEntry_householdId_idx" ON "LedgerEntry"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_ledgerId_seq_key" ON "LedgerEntry"("ledgerId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerReceipt_storageKey_key" ON "LedgerReceipt"("storageKey");

-- CreateIndex
CREATE INDEX "LedgerReceipt_entryId_idx" ON "LedgerReceipt"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerStatement_noticeId_key" ON "LedgerStatement"("noticeId");

-- CreateIndex
CREATE INDEX "LedgerStatement_ledgerId_fromDay_idx" ON "LedgerStatement"("ledgerId", "fromDay");

-- AddForeignKey
ALTER TABLE "Ledger" ADD CONSTRAINT "Ledger_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ledger" ADD CONSTRAINT "Ledger_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ledger" ADD CONSTRAINT "Ledger_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ledger" ADD CONSTRAINT "Ledger_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "Ledger"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "LedgerEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_reconciledById_fkey" FOREIGN KEY ("reconciledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerReceipt" ADD CONSTRAINT "LedgerReceipt_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LedgerEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerReceipt" ADD CONSTRAINT "LedgerReceipt_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerStatement" ADD CONSTRAINT "LedgerStatement_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "Ledger"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerStatement" ADD CONSTRAINT "LedgerStatement_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerStatement" ADD CONSTRAINT "LedgerStatement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ===== Hand SQL (decision 071): the invariants that decide money, enforced by the database. =====

ALTER TABLE "Ledger" ADD CONSTRAINT "Ledger_place_check" CHECK (
  ("buildingId" IS NULL OR "compoundId" IS NOT NULL)
  AND ("kind" IN ('WORKING_FUNDS', 'SERVICE_FUNDS') OR "compoundId" IS NOT NULL OR "kind" = 'SELF_RAISED')
  AND ("kind" NOT IN ('PROPERTY_FEES', 'MAINTENANCE_FUND') OR "compoundId" IS NOT NULL)
  AND ("buildingId" IS NULL OR "kind" = 'MAINTENANCE_FUND')
  AND length(btrim("name")) > 0);
ALTER TABLE "Ledger" ADD CONSTRAINT "Ledger_totals_check" CHECK ("balanceFen" >= 0 AND "advancesFen" >= 0 AND "entryCount" >= 0);

ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_amount_check" CHECK ("amountFen" > 0 AND "amountFen" <= 1000000000000);
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_seq_check" CHECK ("seq" > 0);
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_reversal_check" CHECK (("kind" = 'REVERSAL') = ("reversesId" IS NOT NULL));
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_text_check" CHECK (length(btrim("description")) > 0);
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_reconciled_check" CHECK (("reconciledAt" IS NULL) = ("reconciledById" IS NULL));

ALTER TABLE "LedgerStatement" ADD CONSTRAINT "LedgerStatement_period_check" CHECK ("fromDay" <= "toDay" AND "entryCount" >= 0);
ALTER TABLE "LedgerStatement" ADD CONSTRAINT "LedgerStatement_sums_check" CHECK (
  "closingFen" = "openingFen" + "incomeFen" - "spendingFen" + "advancesFen" AND "closingFen" >= 0 AND "owedFen" >= 0);

-- The signed effect of one entry on (balance, advances outstanding); a reversal undoes its entry's.
CREATE FUNCTION ledger_effect(k "LedgerEntryKind", amount BIGINT, OUT balance BIGINT, OUT advances BIGINT) LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE k WHEN 'INCOME' THEN amount WHEN 'SPENDING' THEN -amount WHEN 'ADVANCE' THEN amount WHEN 'ADVANCE_REPAID' THEN -amount ELSE 0 END,
         CASE k WHEN 'ADVANCE' THEN amount WHEN 'ADVANCE_REPAID' THEN -amount ELSE 0 END
$$;

-- On insert, under the ledger's row lock: the next sequence number, the rules of its kind, and a running balance
-- (and advances outstanding) that stays >= 0. The ledger's totals are written here and nowhere else.
CREATE FUNCTION ledger_entry_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  l "Ledger"%ROWTYPE;
  target "LedgerEntry"%ROWTYPE;
  eff RECORD;
  last_to DATE;
BEGIN
  SELECT * INTO l FROM "Ledger" WHERE id = NEW."ledgerId" FOR UPDATE;
  IF l."closedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'ledger % is closed', l.id USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."seq" <> l."entryCount" + 1 THEN
    RAISE EXCEPTION 'ledger entry seq % is not the next (%)', NEW."seq", l."entryCount" + 1 USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."reconciledAt" IS NOT NULL THEN
    RAISE EXCEPTION 'a ledger entry is reconciled after it is recorded' USING ERRCODE = 'check_violation';
  END IF;
  SELECT max("toDay") INTO last_to FROM "LedgerStatement" WHERE "ledgerId" = l.id;
  IF last_to IS NOT NULL AND NEW."day" <= last_to THEN
    RAISE EXCEPTION 'ledger entry day % falls in a published statement (to %)', NEW."day", last_to USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."kind" = 'REVERSAL' THEN
    SELECT * INTO target FROM "LedgerEntry" WHERE id = NEW."reversesId";
    IF target."ledgerId" <> NEW."ledgerId" OR target."kind" = 'REVERSAL' OR target."amountFen" <> NEW."amountFen" THEN
      RAISE EXCEPTION 'a reversal undoes one entry of its ledger, not a reversal, for the same amount' USING ERRCODE = 'check_violation';
    END IF;
    SELECT -e.balance AS balance, -e.advances AS advances INTO eff FROM ledger_effect(target."kind", target."amountFen") e;
  ELSE
    IF l."kind" = 'MAINTENANCE_FUND' AND NEW."kind" = 'SPENDING' AND NOT EXISTS (
      SELECT 1 FROM "Motion" m JOIN "Topic" t ON t.id = m."topicId"
      WHERE m.id = NEW."motionId" AND m.status = 'PASSED' AND t."compoundId" = l."compoundId") THEN
      RAISE EXCEPTION 'a draw from the maintenance fund needs a passed owners'' motion of its compound' USING ERRCODE = 'check_violation';
    END IF;
    IF l."kind" = 'SELF_RAISED' AND NEW."kind" = 'INCOME' AND NEW."householdId" IS NULL AND NEW."seq" > 1 THEN
      RAISE EXCEPTION 'a self-raised contribution names its household' USING ERRCODE = 'check_violation';
    END IF;
    SELECT e.balance, e.advances INTO eff FROM ledger_effect(NEW."kind", NEW."amountFen") e;
  END IF;
  IF l."balanceFen" + eff.balance < 0 OR l."advancesFen" + eff.advances < 0 THEN
    RAISE EXCEPTION 'ledger % balance would be negative', l.id USING ERRCODE = 'check_violation';
  END IF;
  UPDATE "Ledger" SET "entryCount" = NEW."seq", "balanceFen" = l."balanceFen" + eff.balance, "advancesFen" = l."advancesFen" + eff.advances
    WHERE id = l.id;
  RETURN NEW;
END $$;
CREATE TRIGGER "LedgerEntry_insert" BEFORE INSERT ON "LedgerEntry" FOR EACH ROW EXECUTE FUNCTION ledger_entry_insert();

-- Append-only: no DELETE; no UPDATE but setting reconciledAt/ById once (and only those).
CREATE FUNCTION ledger_entry_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ledger entries are never deleted: reverse them' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."reconciledAt" IS NULL AND NEW."reconciledAt" IS NOT NULL
     AND (to_jsonb(NEW) - 'reconciledAt' - 'reconciledById') = (to_jsonb(OLD) - 'reconciledAt' - 'reconciledById') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ledger entries are never changed: reverse them' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER "LedgerEntry_frozen" BEFORE UPDATE OR DELETE ON "LedgerEntry" FOR EACH ROW EXECUTE FUNCTION ledger_entry_frozen();

-- The ledger's totals move only with an entry (inside the entry trigger); its kind and place never move; never deleted.
CREATE FUNCTION ledger_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ledgers are never deleted: close them' USING ERRCODE = 'check_violation';
  END IF;
  IF (NEW."entryCount", NEW."balanceFen", NEW."advancesFen") IS DISTINCT FROM (OLD."entryCount", OLD."balanceFen", OLD."advancesFen")
     AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'a ledger''s totals change only with its entries' USING ERRCODE = 'check_violation';
  END IF;
  IF (NEW."kind", NEW."communityId", NEW."compoundId", NEW."buildingId") IS DISTINCT FROM (OLD."kind", OLD."communityId", OLD."compoundId", OLD."buildingId")
     OR (OLD."closedAt" IS NOT NULL AND NEW."closedAt" IS DISTINCT FROM OLD."closedAt") THEN
    RAISE EXCEPTION 'a ledger''s kind and place never change; a closed ledger stays closed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Ledger_frozen" BEFORE UPDATE OR DELETE ON "Ledger" FOR EACH ROW EXECUTE FUNCTION ledger_frozen();
CREATE FUNCTION ledger_insert_zero() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."entryCount" <> 0 OR NEW."balanceFen" <> 0 OR NEW."advancesFen" <> 0 OR NEW."closedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'a ledger opens empty: its opening balance is its first entry' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Ledger_insert_zero" BEFORE INSERT ON "Ledger" FOR EACH ROW EXECUTE FUNCTION ledger_insert_zero();

-- Statements of one ledger never overlap (checked under the ledger's row lock); statements and receipts are append-only.
CREATE FUNCTION ledger_statement_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Ledger" WHERE id = NEW."ledgerId" FOR UPDATE;
  IF EXISTS (SELECT 1 FROM "LedgerStatement" s WHERE s."ledgerId" = NEW."ledgerId"
             AND s."fromDay" <= NEW."toDay" AND NEW."fromDay" <= s."toDay") THEN
    RAISE EXCEPTION 'ledger statements never overlap' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "LedgerStatement_insert" BEFORE INSERT ON "LedgerStatement" FOR EACH ROW EXECUTE FUNCTION ledger_statement_insert();

CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER "LedgerStatement_frozen" BEFORE UPDATE OR DELETE ON "LedgerStatement" FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER "LedgerReceipt_frozen" BEFORE UPDATE OR DELETE ON "LedgerReceipt" FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

COMMIT;
