import { beforeAll, describe, expect, test } from 'vitest';
import { recordEntry } from '@/server/ledgers/entries';
import { openLedger } from '@/server/ledgers/open';
import { day, ledgerWorld } from './support';

// The invariants that decide money hold in the database itself (decision 071): a statement run by hand is refused.
type TWorld = Awaited<ReturnType<typeof ledgerWorld>>;
let w: TWorld;
let ledgerId: number;
let entryId: number;
beforeAll(async () => {
  w = await ledgerWorld();
  ledgerId = (
    await openLedger(w.tanghuStaff, {
      kind: 'SERVICE_FUNDS',
      name: '服务群众专项经费',
      communityId: w.tanghu.id,
      opening: '100',
      openingDay: day(-5),
    })
  ).id;
  entryId = (await recordEntry(w.tanghuStaff, ledgerId, { kind: 'SPENDING', amount: '30', day: day(-4), description: '活动物资' })).id;
});

const sql = (q: string, ...values: unknown[]) => w.db.$executeRawUnsafe(q, ...values);
const insert = (seq: number, kind: string, amountFen: number, more = '') =>
  sql(
    `INSERT INTO "LedgerEntry" ("ledgerId", seq, kind, day, "amountFen", description, "createdById"${more ? ', "reversesId"' : ''})
     VALUES ($1, $2, $3::"LedgerEntryKind", CURRENT_DATE - 1, $4, '手工', $5${more ? `, ${more}` : ''})`,
    ledgerId,
    seq,
    kind,
    amountFen,
    w.tanghuStaff.userId,
  );

describe('ledger entries in the database', () => {
  test.each([
    ['an amount', `UPDATE "LedgerEntry" SET "amountFen" = 1 WHERE id = $1`],
    ['a kind', `UPDATE "LedgerEntry" SET kind = 'INCOME' WHERE id = $1`],
    ['a day', `UPDATE "LedgerEntry" SET day = day - 1 WHERE id = $1`],
    ['a ledger', `UPDATE "LedgerEntry" SET "ledgerId" = "ledgerId" WHERE id = $1 AND false OR id = $1`],
    ['a description', `UPDATE "LedgerEntry" SET description = '改' WHERE id = $1`],
    ['a deletion', `DELETE FROM "LedgerEntry" WHERE id = $1`],
  ])('refuse %s changed by hand', async (_, q) => {
    await expect(sql(q, entryId)).rejects.toThrow(/never (changed|deleted)/);
  });

  test('reconciledAt is set once, and only it', async () => {
    const by = w.tanghuStaff.userId;
    await expect(
      sql(`UPDATE "LedgerEntry" SET "reconciledAt" = now(), "reconciledById" = $2, "amountFen" = 1 WHERE id = $1`, entryId, by),
    ).rejects.toThrow(/never changed/);
    expect(await sql(`UPDATE "LedgerEntry" SET "reconciledAt" = now(), "reconciledById" = $2 WHERE id = $1`, entryId, by)).toBe(1);
    await expect(sql(`UPDATE "LedgerEntry" SET "reconciledAt" = now() + interval '1 day' WHERE id = $1`, entryId)).rejects.toThrow(
      /never changed/,
    );
  });

  test('a balance never goes negative; seq is the next; a reversal matches its entry and is never reversed', async () => {
    await expect(insert(3, 'SPENDING', 7_001)).rejects.toThrow(/balance would be negative/);
    await expect(insert(9, 'INCOME', 1)).rejects.toThrow(/is not the next/);
    await expect(insert(3, 'ADVANCE_REPAID', 1)).rejects.toThrow(/balance would be negative/);
    await expect(insert(3, 'REVERSAL', 2_999, String(entryId))).rejects.toThrow(/same amount/);
    expect(await insert(3, 'REVERSAL', 3_000, String(entryId))).toBe(1);
    await expect(insert(4, 'REVERSAL', 3_000, String(entryId))).rejects.toThrow(/unique|duplicate/i);
    const rev = await w.db.ledgerEntry.findFirstOrThrow({ where: { reversesId: entryId } });
    await expect(insert(4, 'REVERSAL', 3_000, String(rev.id))).rejects.toThrow(/not a reversal/);
    await expect(insert(4, 'SPENDING', 0)).rejects.toThrow(/LedgerEntry_amount_check/);
    expect(await insert(4, 'SPENDING', 10_000)).toBe(1);
    expect(await w.db.ledger.findUniqueOrThrow({ where: { id: ledgerId }, select: { entryCount: true, balanceFen: true } })).toEqual({
      entryCount: 4,
      balanceFen: 0n,
    });
  });

  test('the totals move only with entries; a ledger is never deleted; statements never overlap nor change', async () => {
    await expect(sql(`UPDATE "Ledger" SET "balanceFen" = 99999999 WHERE id = $1`, ledgerId)).rejects.toThrow(/totals change only/);
    await expect(sql(`UPDATE "Ledger" SET kind = 'SELF_RAISED' WHERE id = $1`, ledgerId)).rejects.toThrow(/never change/);
    await expect(sql(`DELETE FROM "Ledger" WHERE id = $1`, ledgerId)).rejects.toThrow(/never deleted/);
    const notice = await w.db.notice.create({ data: { kind: 'FINANCE', category: 'FINANCE', title: 't', body: 'b' } });
    const notice2 = await w.db.notice.create({ data: { kind: 'FINANCE', category: 'FINANCE', title: 't', body: 'b' } });
    const statement = (from: string, to: string, noticeId: number) =>
      sql(
        `INSERT INTO "LedgerStatement" ("ledgerId", "fromDay", "toDay", "openingFen", "incomeFen", "spendingFen", "advancesFen", "closingFen", "owedFen", "entryCount", sha256, "noticeId", "createdById")
         VALUES ($1, $2::date, $3::date, 0, 0, 0, 0, 0, 0, 0, 'x', $4, $5)`,
        ledgerId,
        from,
        to,
        noticeId,
        w.tanghuStaff.userId,
      );
    expect(await statement('2026-01-01', '2026-03-31', notice.id)).toBe(1);
    await expect(statement('2026-03-31', '2026-06-30', notice2.id)).rejects.toThrow(/never overlap/);
    await expect(sql(`UPDATE "LedgerStatement" SET sha256 = 'y' WHERE "ledgerId" = $1`, ledgerId)).rejects.toThrow(/never changed/);
    await expect(sql(`DELETE FROM "LedgerStatement" WHERE "ledgerId" = $1`, ledgerId)).rejects.toThrow(/never changed/);
  });
});
