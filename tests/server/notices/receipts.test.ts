import { beforeAll, describe, expect, test } from 'vitest';
import { expenseReceipt } from '@/server/notices/receipt';
import { getFileStore } from '@/server/files/file-store';
import { ensureProcedures } from '@/server/topics/procedures';
import { createUser } from '../../factories/accounts';
import { createTopicWithHistory } from '../../factories/topics';
import { byUser, world } from '../accounts/support';

/** An expense's receipt is public with the finance page (its topic's plan and money published), else staff only (decision 031). */
let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  await ensureProcedures(base.db);
  const resident = await createUser(base.db, { name: '居民', phone: '13857770001', password: 'x-pass-1234', verified: true });
  return { ...base, resident };
}
beforeAll(async () => {
  w = await setup();
});

async function expenseOf(title: string) {
  const { db, jinyang, staff } = w;
  const by = { userId: staff.jinyangSecretary.id, label: '刘书记' };
  const t = await createTopicWithHistory(db, {
    procedureCode: 'COURTYARD_ROADSHOW',
    title,
    description: 'x',
    communityId: jinyang.id,
    by,
    stepIndex: 3,
    createdAt: new Date(),
    stepDueAt: new Date(),
  });
  await db.planVersion.create({
    data: { topicId: t.id, version: 1, title: '方案', body: '修门', budgetFen: 120_000, createdById: by.userId },
  });
  const key = `receipts/test-${t.id}.pdf`;
  await getFileStore().put(key, Buffer.from('%PDF-1.4\n%%EOF\n'));
  return {
    t,
    e: await db.expense.create({
      data: {
        topicId: t.id,
        item: '门锁',
        amountFen: 30_000,
        paidOn: new Date(),
        receiptKey: key,
        receiptName: '发票.pdf',
        createdById: by.userId,
      },
    }),
  };
}

describe('expense receipts', () => {
  test('before the money is published: a visitor, a resident and another street’s staff get nothing; the community’s staff get it', async () => {
    const { e } = await expenseOf('北苑后门');
    expect(await expenseReceipt(null, e.id)).toBeNull();
    expect(await expenseReceipt(await byUser(w.resident.id), e.id)).toBeNull();
    expect(await expenseReceipt(await byUser(w.staff.dongshengStreet.id), e.id)).toBeNull();
    expect((await expenseReceipt(await byUser(w.staff.jinyangSecretary.id), e.id))?.cacheable).toBe(false);
  });

  test('once the plan’s notice is published the receipt is public, as on the finance page', async () => {
    const { t, e } = await expenseOf('南苑车棚');
    await w.db.notice.create({
      data: { topicId: t.id, kind: 'PLAN', category: 'RESIDENTS', title: '方案公示', body: 'x', communityId: w.jinyang.id },
    });
    const r = await expenseReceipt(null, e.id);
    expect([r?.cacheable, r?.bytes.subarray(0, 4).toString()]).toEqual([true, '%PDF']);
  });
});
