import { beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../../prisma/seed/index.ts';
import { LIFT_DRAW, MAINTENANCE_FUND, lastQuarter } from '../../../prisma/seed/ledgers.ts';
import { ledgerView, myLedgers } from '@/server/ledgers/read';
import { fromDateOnly } from '@/server/today';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { useDemoDatabase } from '../demo-db';

// The demo seeded once for the run and cloned for this file (tests/server/demo-db.ts).
beforeAll(useDemoDatabase, 120_000);

// Issue 23 part L in the demo, built through the use cases: the "done when".
describe('ledgers in the demo', () => {
  test('欧城花园’s maintenance fund shows the lift draw decided by its owners, with receipts and a statement on the board', async () => {
    const db = testDb();
    await seedDemo(db);
    const as = async (phone: string) => byUser((await db.user.findUniqueOrThrow({ where: { phone } })).id);
    const wang = await as('13900002001');
    const fund = await db.ledger.findFirstOrThrow({ where: { name: MAINTENANCE_FUND } });
    const v = await ledgerView(wang, fund.id);
    expect(v.kept).toBe(true);
    const draws = v.entries.filter((e) => e.kind === 'SPENDING');
    expect(draws.map((e) => [e.amountFen, e.decision?.title, e.receipts.length, e.reconciled])).toEqual([
      [28_160_000n, LIFT_DRAW, 1, true],
      [42_240_000n, LIFT_DRAW, 1, true],
    ]);
    const motion = await db.motion.findUniqueOrThrow({ where: { id: draws[0]!.decision!.motionId }, include: { topic: true } });
    expect([motion.status, motion.topic.ownersBuildingIds.length, (motion.rule as { matter: number }).matter]).toEqual(['PASSED', 1, 5]);
    // The S5 motion on building 3 stays open for its own tour.
    expect((await db.motion.findFirstOrThrow({ where: { topic: { title: '使用维修资金更换 3 栋电梯' } } })).status).toBe('OPEN');
    const [st] = await db.ledgerStatement.findMany({ where: { ledgerId: fund.id }, include: { notice: true } });
    expect([fromDateOnly(st!.fromDay), fromDateOnly(st!.toDay)]).toEqual(Object.values(lastQuarter()));
    expect(st!.closingFen).toBe(v.ledger.balanceFen);
    expect(st!.notice.category).toBe('FINANCE');
    expect(st!.notice.body).toContain(`经「${LIFT_DRAW}」业主表决通过`);
    // The other ledgers, each read by its place: the firm's fees, 晋阳's funds, 龙躺梁's contributions by room.
    expect((await myLedgers(await as('13900008001'))).map((l) => l.kind)).toContain('PROPERTY_FEES');
    expect((await myLedgers(await as('13900001001'))).map((l) => l.kind).sort()).toEqual(['SERVICE_FUNDS', 'WORKING_FUNDS']);
    const sun = await as('13900007002');
    const [selfRaised] = (await myLedgers(sun)).filter((l) => l.kind === 'SELF_RAISED');
    const sv = await ledgerView(sun, selfRaised!.id);
    expect(sv.contributions).toHaveLength(6);
    expect(sv.entries.some((e) => e.kind === 'REVERSAL')).toBe(true);
    await seedDemo(db);
    expect(await db.ledger.count()).toBe(5);
  });
});
