import 'server-only';
import { recordedKinds, shortfall, type TRecordedKind } from '@/domain/ledgers/arithmetic';
import { formatFen, parseYuan } from '@/domain/ledgers/money';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { once } from '@/server/once';
import { dateOnly, fromDateOnly } from '@/server/today';
import { auditPlace, keptLedger, lockLedger } from './access';

export type TRecordEntry = {
  kind: TRecordedKind;
  /** As typed: "1,234.56". */
  amount: string;
  /** China's calendar day it happened (YYYY-MM-DD), not after today. */
  day: string;
  description: string;
  counterparty?: string | null;
  /** A draw from the maintenance fund: the owners' motion that decided it. */
  motionId?: number | null;
  /** A contribution to a self-raised fund: the household that gave it. */
  householdId?: number | null;
  idempotencyKey?: string;
};

type TKept = Awaited<ReturnType<typeof keptLedger>>;

const entryMade = (key: string) =>
  getDb()
    .ledgerEntry.findUnique({ where: { idempotencyKey: key }, select: { id: true, seq: true, createdById: true } })
    .then((e) => e && { made: { id: e.id, seq: e.seq }, madeBy: e.createdById });

/** Days up to the last statement's end are closed: an entry there would change a published statement. */
async function openDay(tx: TTx, ledgerId: number, day: string) {
  const last = await tx.ledgerStatement.findFirst({ where: { ledgerId }, orderBy: { toDay: 'desc' }, select: { toDay: true } });
  if (last && day <= fromDateOnly(last.toDay)) refuse('ledger.dayStated', { day: fromDateOnly(last.toDay) });
}

/**
 * The lowest end-of-day balance of the ledger from `day` on: the balance that day (its last earlier day with entries)
 * and on every later day with entries; null when the ledger has no entry yet.
 */
async function lowestBalanceFrom(tx: TTx, ledgerId: number, day: string): Promise<bigint | null> {
  const [row] = await tx.$queryRaw<{ low: bigint | null }[]>`
    WITH e AS (
      SELECT le.day, CASE
        WHEN le.kind::text IN ('INCOME', 'ADVANCE') THEN le."amountFen"
        WHEN le.kind::text IN ('SPENDING', 'ADVANCE_REPAID') THEN -le."amountFen"
        WHEN r.kind::text IN ('INCOME', 'ADVANCE') THEN -le."amountFen"
        ELSE le."amountFen" END AS v
      FROM "LedgerEntry" le LEFT JOIN "LedgerEntry" r ON r.id = le."reversesId"
      WHERE le."ledgerId" = ${ledgerId}),
    d AS (SELECT day, sum(v) AS v FROM e GROUP BY day),
    c AS (SELECT day, sum(v) OVER (ORDER BY day) AS cum FROM d)
    SELECT CASE
      WHEN NOT EXISTS (SELECT 1 FROM d) THEN NULL
      -- Before the first entry the balance is 0.
      WHEN NOT EXISTS (SELECT 1 FROM d WHERE day <= ${day}::date) THEN least(0, (SELECT min(cum) FROM c))
      ELSE (SELECT min(cum) FROM c WHERE day >= (SELECT max(day) FROM d WHERE day <= ${day}::date))
    END::bigint AS low`;
  return row?.low ?? null;
}

/** A draw from the maintenance fund names a PASSED owners' vote of its compound (for a building's share: its owners). */
async function checkDecision(l: TKept, motionId: number | null | undefined) {
  if (!motionId) return refuse('ledger.drawNeedsDecision');
  const m = await getDb().motion.findUnique({
    where: { id: motionId },
    select: { status: true, rule: true, voters: true, topic: { select: { compoundId: true } } },
  });
  const rule = m?.rule as { kind?: string } | undefined;
  const buildings = (m?.voters as { buildingIds?: number[] } | undefined)?.buildingIds;
  const ofPlace =
    m?.topic.compoundId === l.compoundId &&
    rule?.kind === 'OWNERS_ASSEMBLY' &&
    (!l.buildingId || !buildings || buildings.includes(l.buildingId));
  if (!m || !ofPlace || m.status !== 'PASSED') refuse('ledger.decisionNotPassed');
}

async function checkHousehold(l: TKept, householdId: number | null | undefined) {
  if (!householdId) return refuse('ledger.contributionNeedsHousehold');
  const h = await getDb().household.findUnique({
    where: { id: householdId },
    select: { buildingId: true, building: { select: { compoundId: true, compound: { select: { communityId: true } } } } },
  });
  const inside = h && (l.compoundId ? h.building.compoundId === l.compoundId : h.building.compound.communityId === l.communityId);
  if (!inside) refuse('ledger.householdElsewhere');
}

/**
 * Records an entry (decision 071): income, spending, an advance (垫付, with who advanced it) or its repayment. Under
 * the ledger's row lock the running balance must stay ≥ 0 — a spending beyond it is refused with the figures, nothing
 * written (record the advance that paid for it first). The database's trigger checks the same again.
 */
export async function recordEntry(by: TBy, ledgerId: number, input: TRecordEntry) {
  const l = await keptLedger(by, ledgerId);
  if (!recordedKinds.includes(input.kind)) refuse('ledger.badInput');
  const amount = parseYuan(input.amount);
  if (!amount.ok) return refuse(`ledger.${amount.code}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day) || Number.isNaN(Date.parse(input.day))) refuse('ledger.badDay');
  if (input.day > by.today) refuse('ledger.futureDay');
  const description = input.description.trim();
  if (!description || description.length > 500) refuse('ledger.descriptionRequired');
  let counterparty = input.counterparty?.trim().slice(0, 120) || null;
  if (input.kind === 'ADVANCE' && !counterparty) refuse('ledger.advanceNeedsWho');
  const draw = l.kind === 'MAINTENANCE_FUND' && input.kind === 'SPENDING';
  if (draw) await checkDecision(l, input.motionId);
  const contribution = l.kind === 'SELF_RAISED' && input.kind === 'INCOME';
  // A contribution is shown by building and room: no person's name is kept with it.
  if (contribution) {
    await checkHousehold(l, input.householdId);
    counterparty = null;
  }
  const db = getDb();
  return once(input.idempotencyKey, by.userId, entryMade, () =>
    db.$transaction(async (tx) => {
      const t = await lockLedger(tx, ledgerId);
      // A double tap waited on the lock: it answers with what the first tap made (not a false 余额不足).
      const twin = input.idempotencyKey
        ? await tx.ledgerEntry.findUnique({
            where: { idempotencyKey: input.idempotencyKey },
            select: { id: true, seq: true, createdById: true },
          })
        : null;
      if (twin) return twin.createdById === by.userId ? { id: twin.id, seq: twin.seq } : refuse('form.duplicateKey');
      await openDay(tx, ledgerId, input.day);
      const short = shortfall({ balanceFen: t.balanceFen, advancesFen: t.advancesFen }, { kind: input.kind, amountFen: amount.fen });
      if (short?.kind === 'balance')
        refuse('ledger.insufficient', { amount: formatFen(short.needFen), balance: formatFen(short.balanceFen) });
      if (short?.kind === 'advances') refuse('ledger.overRepaid', { amount: formatFen(short.needFen), owed: formatFen(short.advancesFen) });
      // Money going out on a past day must leave every day's balance from then on >= 0 (statements add up by day): the
      // balance checked below is the running total in the order entries were made, which a backdated spending passes.
      if (input.kind === 'SPENDING' || input.kind === 'ADVANCE_REPAID') {
        const low = await lowestBalanceFrom(tx, ledgerId, input.day);
        if (low !== null && low < amount.fen) refuse('ledger.backdated', { day: input.day, balance: formatFen(low) });
      }
      const e = await tx.ledgerEntry.create({
        data: {
          ledgerId,
          seq: t.entryCount + 1,
          kind: input.kind,
          day: dateOnly(input.day),
          amountFen: amount.fen,
          description,
          counterparty,
          motionId: draw ? input.motionId! : null,
          householdId: contribution ? input.householdId! : null,
          createdById: by.userId,
          idempotencyKey: input.idempotencyKey ?? null,
        },
        select: { id: true, seq: true },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'ledger.entry',
        entityType: 'LedgerEntry',
        entityId: e.id,
        after: {
          ledgerId,
          seq: e.seq,
          kind: input.kind,
          day: input.day,
          amountFen: amount.fen.toString(),
          motionId: input.motionId ?? null,
        },
        ...auditPlace(l),
      });
      return e;
    }),
  );
}

/**
 * Corrects an entry by a reversing entry of the same amount, dated today, with the reason (never an edit). An entry is
 * reversed once; a reversal is never reversed; a reversal that would make the balance negative is refused too.
 */
export async function reverseEntry(by: TBy, entryId: number, input: { reason: string; idempotencyKey?: string }) {
  const db = getDb();
  const target = await db.ledgerEntry.findUnique({
    where: { id: entryId },
    select: { id: true, ledgerId: true, seq: true, kind: true, amountFen: true, householdId: true, reversedBy: { select: { id: true } } },
  });
  if (!target) return refuse('auth.forbidden');
  const l = await keptLedger(by, target.ledgerId);
  if (target.kind === 'REVERSAL') refuse('ledger.reversalOfReversal');
  if (target.reversedBy) refuse('ledger.alreadyReversed');
  const reason = input.reason.trim();
  if (reason.length < 2 || reason.length > 300) refuse('ledger.reasonRequired');
  const kind = target.kind as TRecordedKind;
  return once(input.idempotencyKey, by.userId, entryMade, () =>
    db.$transaction(async (tx) => {
      const t = await lockLedger(tx, target.ledgerId);
      // A double tap waited on the lock: it answers with what the first tap made.
      const twin = input.idempotencyKey
        ? await tx.ledgerEntry.findUnique({
            where: { idempotencyKey: input.idempotencyKey },
            select: { id: true, seq: true, createdById: true },
          })
        : null;
      if (twin) return twin.createdById === by.userId ? { id: twin.id, seq: twin.seq } : refuse('form.duplicateKey');
      await openDay(tx, target.ledgerId, by.today);
      if (await tx.ledgerEntry.findUnique({ where: { reversesId: entryId }, select: { id: true } })) refuse('ledger.alreadyReversed');
      const short = shortfall(
        { balanceFen: t.balanceFen, advancesFen: t.advancesFen },
        { kind: 'REVERSAL', amountFen: target.amountFen, reversesKind: kind },
      );
      if (short?.kind === 'balance')
        refuse('ledger.reversalInsufficient', { amount: formatFen(short.needFen), balance: formatFen(short.balanceFen) });
      if (short?.kind === 'advances') refuse('ledger.overRepaid', { amount: formatFen(short.needFen), owed: formatFen(short.advancesFen) });
      const e = await tx.ledgerEntry.create({
        data: {
          ledgerId: target.ledgerId,
          seq: t.entryCount + 1,
          kind: 'REVERSAL',
          day: dateOnly(by.today),
          amountFen: target.amountFen,
          description: `冲销第 ${target.seq} 笔：${reason}`,
          reversesId: entryId,
          householdId: target.householdId,
          createdById: by.userId,
          idempotencyKey: input.idempotencyKey ?? null,
        },
        select: { id: true, seq: true },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'ledger.reverse',
        entityType: 'LedgerEntry',
        entityId: e.id,
        after: { ledgerId: target.ledgerId, seq: e.seq, reverses: target.seq, amountFen: target.amountFen.toString(), reason },
        ...auditPlace(l),
      });
      return e;
    }),
  );
}
