import { beforeAll, describe, expect, test } from 'vitest';
import { attachReceipt, ledgerReceipt } from '@/server/ledgers/receipts';
import { recordEntry, reverseEntry } from '@/server/ledgers/entries';
import { openLedger, openLedgerAt } from '@/server/ledgers/open';
import { myLedgers, ledgerView } from '@/server/ledgers/read';
import { reconcileEntries } from '@/server/ledgers/reconcile';
import { publishStatement } from '@/server/ledgers/statement';
import { testDb } from '../db';
import { refusal } from '../refusal';
import { day, ledgerWorld, phonePhoto, smallJpeg, snapshot } from './support';

type TWorld = Awaited<ReturnType<typeof ledgerWorld>>;
let w: TWorld;
beforeAll(async () => {
  w = await ledgerWorld();
});

const spend = (amount: string, more: Partial<Parameters<typeof recordEntry>[2]> = {}) =>
  ({ kind: 'SPENDING', amount, day: day(-20), description: '电梯更换款', counterparty: '某电梯公司', ...more }) as const;

describe('the maintenance fund of 欧城花园', () => {
  test('a draw decided by the owners, receipts, reconciliation and a statement on the board; every refusal writes nothing', async () => {
    const { id } = await openLedger(w.chair, {
      kind: 'MAINTENANCE_FUND',
      name: '欧城花园维修资金',
      communityId: w.tanghu.id,
      compoundId: w.b.compound.id,
      opening: '1,000,000.00',
      openingDay: day(-60),
    });
    await recordEntry(w.chair, id, { kind: 'INCOME', amount: '3,210.55', day: day(-40), description: '利息' });
    const before = await snapshot();
    // Refused, nothing written: no decision, a vote still open, over the balance, bad amounts, a day to come.
    expect(await refusal(recordEntry(w.chair, id, spend('400,000')))).toBe('ledger.drawNeedsDecision');
    expect(await refusal(recordEntry(w.chair, id, spend('400,000', { motionId: w.open.id })))).toBe('ledger.decisionNotPassed');
    const over = await recordEntry(w.chair, id, spend('2,000,000', { motionId: w.passed.id })).catch(
      (e: { code: string; values: object }) => e,
    );
    expect(over).toMatchObject({ code: 'ledger.insufficient', values: { amount: '¥2,000,000.00', balance: '¥1,003,210.55' } });
    expect(await refusal(recordEntry(w.chair, id, spend('12.345', { motionId: w.passed.id })))).toBe('ledger.amountDigits');
    expect(await refusal(recordEntry(w.chair, id, spend('-5', { motionId: w.passed.id })))).toBe('ledger.amountNotPositive');
    expect(await refusal(recordEntry(w.chair, id, spend('5', { motionId: w.passed.id, day: day(1) })))).toBe('ledger.futureDay');
    expect(await snapshot()).toEqual(before);

    // The draw in two payments, each with its receipt (a phone photo of several megabytes works).
    const first = await recordEntry(w.chair, id, spend('440,000.00', { motionId: w.passed.id, idempotencyKey: 'draw-1' }));
    expect(await recordEntry(w.chair, id, spend('440,000.00', { motionId: w.passed.id, idempotencyKey: 'draw-1' }))).toEqual(first);
    const second = await recordEntry(w.chair, id, spend('264,000', { motionId: w.passed.id, day: day(-10) }));
    const photo = await phonePhoto();
    expect(photo.length).toBeGreaterThan(3 * 1024 * 1024);
    await attachReceipt(w.chair, first.id, { name: '发票1.jpg', bytes: photo });
    await attachReceipt(w.chair, second.id, { name: '发票2.jpg', bytes: await smallJpeg() });
    expect(await refusal(attachReceipt(w.chair, second.id, { name: 'x.pdf', bytes: Buffer.from('not a receipt') }))).toBe(
      'ledger.receiptType',
    );

    // A mistaken entry is corrected by a reversal, once; a reversal is never reversed.
    const wrong = await recordEntry(w.chair, id, { kind: 'INCOME', amount: '99', day: day(-5), description: '误记' });
    const rev = await reverseEntry(w.chair, wrong.id, { reason: '重复登记' });
    expect(await refusal(reverseEntry(w.chair, wrong.id, { reason: '重复登记' }))).toBe('ledger.alreadyReversed');
    expect(await refusal(reverseEntry(w.chair, rev.id, { reason: '再冲' }))).toBe('ledger.reversalOfReversal');

    // The statement waits for reconciliation, listing what is missing.
    const period = { from: day(-60), to: w.tanghuStaff.today };
    const waiting = await publishStatement(w.chair, id, period).catch((e: { code: string; values: object }) => e);
    expect(waiting).toMatchObject({ code: 'ledger.unreconciled', values: { count: 6, seqs: '1、2、3、4、5、6' } });
    const entries = await w.db.ledgerEntry.findMany({ where: { ledgerId: id }, select: { id: true } });
    // The chair reconciles her own entries (a one-person office): allowed, and the audit row says so.
    expect(
      await reconcileEntries(
        w.chair,
        id,
        entries.map((e) => e.id),
      ),
    ).toEqual({ count: 6, ownEntries: 6 });
    expect(await refusal(reconcileEntries(w.chair, id, [entries[0]!.id]))).toBe('ledger.alreadyReconciled');
    const s = await publishStatement(w.chair, id, period);
    expect(s.closingFen).toBe(100_000_000n + 321_055n - 44_000_000n - 26_400_000n);
    const notice = await w.db.notice.findUniqueOrThrow({ where: { id: s.noticeId } });
    expect(notice).toMatchObject({ category: 'FINANCE', kind: 'FINANCE', compoundId: w.b.compound.id });
    expect(notice.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(notice.body).toContain(`经「使用维修资金更换 1 栋电梯」业主表决通过：`);
    expect(notice.body).toContain(`/motions/${w.passed.id}`);
    expect(notice.body).toContain('期末余额：¥299,210.55');
    expect(notice.body).toContain('（票据 1 张）');

    // After it: no overlapping statement, no entry in the stated days.
    const after = await snapshot();
    expect(await refusal(publishStatement(w.chair, id, { from: day(-1), to: day(0) }))).toBe('ledger.statementOverlaps');
    expect(await refusal(recordEntry(w.chair, id, { kind: 'INCOME', amount: '1', day: day(-3), description: '补记' }))).toBe(
      'ledger.dayStated',
    );
    expect(await snapshot()).toEqual(after);
    const audit = await w.db.auditLog.findMany({ where: { action: { startsWith: 'ledger.' } }, select: { action: true, after: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'ledger.entry',
        'ledger.entry',
        'ledger.entry',
        'ledger.entry',
        'ledger.open',
        'ledger.receipt',
        'ledger.receipt',
        'ledger.reconcile',
        'ledger.reverse',
        'ledger.statement',
      ].sort(),
    );
    expect(audit.find((a) => a.action === 'ledger.reconcile')!.after).toMatchObject({ ownEntries: [1, 2, 3, 4, 5, 6] });

    // Residents of the compound read it with its receipts; residents elsewhere and other communities' staff do not.
    const view = await ledgerView(w.resident, id);
    expect(view.kept).toBe(false);
    expect(view.entries.find((e) => e.id === first.id)).toMatchObject({
      decision: { motionId: w.passed.id },
      receipts: [expect.anything()],
    });
    const receiptId = view.entries.find((e) => e.id === first.id)!.receipts[0]!.id;
    expect((await ledgerReceipt(w.resident, receiptId))?.bytes.length).toBe(photo.length);
    expect(await ledgerReceipt(w.outsider, receiptId)).toBeNull();
    expect(await refusal(ledgerView(w.outsider, id))).toBe('auth.forbidden');
    expect(await refusal(ledgerView(w.jinyangStaff, id))).toBe('auth.forbidden');
    expect((await myLedgers(w.resident)).map((l) => l.id)).toContain(id);
    expect((await myLedgers(w.outsider)).map((l) => l.id)).not.toContain(id);
  });

  test('forged actions change nothing: a resident, another community’s staff, the firm on the owners’ fund', async () => {
    const { id } = await openLedger(w.tanghuStaff, {
      kind: 'MAINTENANCE_FUND',
      name: '1 栋维修资金分户账',
      communityId: w.tanghu.id,
      compoundId: w.b.compound.id,
      buildingId: w.b.buildings[0]!.id,
      opening: '500',
      openingDay: day(-3),
    });
    const [entry] = await w.db.ledgerEntry.findMany({ where: { ledgerId: id } });
    const before = await snapshot();
    for (const by of [w.resident, w.jinyangStaff, w.firm, w.outsider]) {
      expect(await refusal(recordEntry(by, id, { kind: 'INCOME', amount: '1', day: day(0), description: '伪造' }))).toBe('auth.forbidden');
      expect(await refusal(reverseEntry(by, entry!.id, { reason: '伪造冲销' }))).toBe('auth.forbidden');
      expect(await refusal(reconcileEntries(by, id, [entry!.id]))).toBe('auth.forbidden');
      expect(await refusal(attachReceipt(by, entry!.id, { name: 'r.jpg', bytes: await smallJpeg() }))).toBe('auth.forbidden');
      expect(await refusal(publishStatement(by, id, { from: day(-3), to: day(0) }))).toBe('auth.forbidden');
    }
    const place = { communityId: w.tanghu.id, compoundId: w.b.compound.id, name: '伪造账本' };
    expect(await refusal(openLedger(w.firm, { kind: 'MAINTENANCE_FUND', ...place }))).toBe('auth.forbidden');
    expect(await refusal(openLedger(w.chair, { kind: 'PROPERTY_FEES', ...place }))).toBe('auth.forbidden');
    expect(await refusal(openLedger(w.resident, { kind: 'SELF_RAISED', ...place }))).toBe('auth.forbidden');
    expect(await refusal(openLedger(w.jinyangStaff, { kind: 'WORKING_FUNDS', name: 'x', communityId: w.tanghu.id }))).toBe(
      'auth.forbidden',
    );
    expect(await refusal(openLedger(w.chair, { kind: 'WORKING_FUNDS', name: 'x', communityId: w.tanghu.id }))).toBe('auth.forbidden');
    expect(await snapshot()).toEqual(before);
    // The firm keeps the property fees.
    expect(await refusal(openLedger(w.firm, { kind: 'PROPERTY_FEES', ...place, name: '欧城花园物业费' }))).toBe('no refusal');
  });

  test('two spendings that each fit but not together: one is refused', async () => {
    const { id } = await openLedger(w.tanghuStaff, {
      kind: 'WORKING_FUNDS',
      name: '棠湖社区工作经费',
      communityId: w.tanghu.id,
      opening: '1000',
      openingDay: day(-2),
    });
    const pay = (n: number) =>
      recordEntry(w.tanghuStaff, id, { kind: 'SPENDING', amount: '600', day: day(0), description: `办公用品 ${n}` });
    const results = await Promise.all([refusal(pay(1)), refusal(pay(2))]);
    expect(results.sort()).toEqual(['ledger.insufficient', 'no refusal']);
    const l = await w.db.ledger.findUniqueOrThrow({ where: { id } });
    expect([l.entryCount, l.balanceFen]).toEqual([2, 40_000n]);
    // An advance lets spending go ahead of income; it is owed until repaid, and no more than owed is repaid.
    await recordEntry(w.tanghuStaff, id, {
      kind: 'ADVANCE',
      amount: '300',
      day: day(0),
      description: '书记垫付',
      counterparty: '社区书记',
    });
    await pay(3);
    expect(await refusal(recordEntry(w.tanghuStaff, id, { kind: 'ADVANCE', amount: '1', day: day(0), description: '垫付' }))).toBe(
      'ledger.advanceNeedsWho',
    );
    expect(await refusal(recordEntry(w.tanghuStaff, id, { kind: 'ADVANCE_REPAID', amount: '150', day: day(0), description: '归还' }))).toBe(
      'ledger.insufficient',
    );
    await recordEntry(w.tanghuStaff, id, { kind: 'INCOME', amount: '1000', day: day(0), description: '街道拨款' });
    const over = await recordEntry(w.tanghuStaff, id, { kind: 'ADVANCE_REPAID', amount: '300.01', day: day(0), description: '归还' }).catch(
      (e: { code: string }) => e,
    );
    expect(over).toMatchObject({ code: 'ledger.overRepaid' });
    await recordEntry(w.tanghuStaff, id, { kind: 'ADVANCE_REPAID', amount: '300', day: day(0), description: '归还书记垫付' });
    expect(await w.db.ledger.findUniqueOrThrow({ where: { id }, select: { balanceFen: true, advancesFen: true } })).toEqual({
      balanceFen: 80_000n,
      advancesFen: 0n,
    });
  });

  test('a self-raised fund shows contributions by building and room, never by name', async () => {
    const { id } = await openLedger(w.chair, {
      kind: 'SELF_RAISED',
      name: '1 栋楼道粉刷自筹',
      communityId: w.tanghu.id,
      compoundId: w.b.compound.id,
    });
    const [h1, h2] = w.b.households;
    const give = (householdId: number | undefined, amount: string) =>
      recordEntry(w.chair, id, { kind: 'INCOME', amount, day: day(0), description: '自筹款', counterparty: w.ownerName, householdId });
    expect(await refusal(give(undefined, '200'))).toBe('ledger.contributionNeedsHousehold');
    expect(await refusal(give(w.a.households[0]!.id, '200'))).toBe('ledger.householdElsewhere');
    await give(h1!.id, '200');
    const twice = await give(h2!.id, '150');
    await give(h2!.id, '150');
    await reverseEntry(w.chair, twice.id, { reason: '重复登记' });
    const view = await ledgerView(w.resident, id);
    expect(view.contributions.map((c) => [c.room, c.fen])).toEqual([
      [`1栋 ${h1!.roomNo}`, 20_000n],
      [`1栋 ${h2!.roomNo}`, 15_000n],
    ]);
    const text = JSON.stringify(view, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    const names = (await w.db.person.findMany({ select: { name: true } })).map((p) => p.name).filter((n) => n.length >= 2);
    for (const n of names) expect(text).not.toContain(n);
    expect(view.entries.every((e) => e.counterparty === null)).toBe(true);
  });
});

describe('opening a ledger from the form (a place as c:, p: or b:)', () => {
  test("the chair opens a building's maintenance fund, the firm its property fees; a resident, a stranger and a bad place are refused", async () => {
    const building = w.b.buildings[0]!;
    const before = await snapshot();
    expect(await refusal(openLedgerAt(w.resident, { kind: 'SELF_RAISED', place: `p:${w.b.compound.id}`, name: '自筹' }))).toBe(
      'auth.forbidden',
    );
    expect(await refusal(openLedgerAt(w.jinyangStaff, { kind: 'WORKING_FUNDS', place: `c:${w.tanghu.id}`, name: '工作经费' }))).toBe(
      'auth.forbidden',
    );
    expect(await refusal(openLedgerAt(w.firm, { kind: 'MAINTENANCE_FUND', place: `p:${w.b.compound.id}`, name: '维修资金' }))).toBe(
      'auth.forbidden',
    );
    expect(await refusal(openLedgerAt(w.chair, { kind: 'MAINTENANCE_FUND', place: 'p:999999', name: '维修资金' }))).toBe('auth.forbidden');
    expect(await refusal(openLedgerAt(w.chair, { kind: 'MAINTENANCE_FUND', place: 'x:1', name: '维修资金' }))).toBe('ledger.badInput');
    expect(await snapshot()).toEqual(before);
    const fund = await openLedgerAt(w.chair, {
      kind: 'MAINTENANCE_FUND',
      place: `b:${building.id}`,
      name: '1 栋维修资金',
      opening: '120,000',
    });
    const fees = await openLedgerAt(w.firm, { kind: 'PROPERTY_FEES', place: `p:${w.b.compound.id}`, name: '物业费' });
    expect((await ledgerView(w.chair, fund.id)).ledger).toMatchObject({ kind: 'MAINTENANCE_FUND', balanceFen: 12_000_000n });
    expect(await testDb().ledger.findUniqueOrThrow({ where: { id: fund.id } })).toMatchObject({
      buildingId: building.id,
      compoundId: w.b.compound.id,
      communityId: w.tanghu.id,
    });
    expect((await myLedgers(w.firm)).map((l) => l.id)).toContain(fees.id);
  });
});

describe('days: a backdated spending, a statement that would leave a gap', () => {
  test('a spending slipped before the income that paid for it is refused; statements follow on without a gap', async () => {
    const { id } = await openLedger(w.tanghuStaff, { kind: 'WORKING_FUNDS', name: '工作经费（日期）', communityId: w.tanghu.id });
    await recordEntry(w.tanghuStaff, id, { kind: 'INCOME', amount: '1,000', day: day(-30), description: '拨款' });
    await recordEntry(w.tanghuStaff, id, { kind: 'SPENDING', amount: '900', day: day(-20), description: '办公用品' });
    await recordEntry(w.tanghuStaff, id, { kind: 'INCOME', amount: '5,000', day: day(-10), description: '第二笔拨款' });
    const before = await snapshot();
    // The running total (5,100) would take it, but on day -20 the balance was 100.
    const early = await recordEntry(w.tanghuStaff, id, { kind: 'SPENDING', amount: '800', day: day(-15), description: '补记' }).catch(
      (e: { code: string; values: object }) => e,
    );
    expect(early).toMatchObject({ code: 'ledger.backdated', values: { day: day(-15), balance: '¥100.00' } });
    expect(await refusal(recordEntry(w.tanghuStaff, id, { kind: 'SPENDING', amount: '1', day: day(-40), description: '更早' }))).toBe(
      'ledger.backdated',
    );
    expect(await snapshot()).toEqual(before);
    await recordEntry(w.tanghuStaff, id, { kind: 'SPENDING', amount: '100', day: day(-15), description: '补记（余额够）' });
    await recordEntry(w.tanghuStaff, id, { kind: 'SPENDING', amount: '800', day: day(-5), description: '补记（当天）' });

    const all = (await ledgerView(w.tanghuStaff, id)).unreconciled.map((e) => e.id);
    expect(all).toHaveLength(5);
    await reconcileEntries(w.tanghuStaff, id, all);
    // The first statement starts on or before the first entry; the next one the day after.
    expect(await refusal(publishStatement(w.tanghuStaff, id, { from: day(-25), to: day(-12) }))).toBe('ledger.statementGap');
    await publishStatement(w.tanghuStaff, id, { from: day(-30), to: day(-12) });
    expect(await refusal(publishStatement(w.tanghuStaff, id, { from: day(-10), to: day(-2) }))).toBe('ledger.statementGap');
    await publishStatement(w.tanghuStaff, id, { from: day(-11), to: day(-2) });
  });
});
