import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { publishManualNotice } from '@/server/notices/board';
import { recheckChain, storedChainCheck } from '@/server/notices/chain-check';
import { createUser } from '../../factories/accounts';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

/** /board/verify serves the stored verification; a full recompute is for staff, once a minute (decision 031). */
let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  process.env.YISHI_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'yishi-chain-files-'));
  const base = await world();
  const resident = await createUser(base.db, { name: '居民', phone: '13858880001', password: 'x-pass-1234', verified: true });
  return { ...base, resident };
}
beforeAll(async () => {
  w = await setup();
});
afterAll(() => rmSync(process.env.YISHI_DATA_DIR!, { recursive: true, force: true }));

const publish = async (title: string) =>
  publishManualNotice(await byUser(w.staff.jinyangSecretary.id, '刘书记'), {
    place: `compound:${w.a.compound.id}`,
    category: 'RESIDENTS',
    title,
    period: { days: 7, unit: 'CALENDAR' },
    html: '<p>按抽签结果分配。</p>',
  });

describe('the chain’s verification', () => {
  test('publishing extends the stored check; a visitor’s read recomputes nothing; staff recompute and store the finding', async () => {
    const { db } = w;
    const first = await publish('停车位分配结果');
    expect(await storedChainCheck()).toMatchObject({ ok: true, count: 1 });
    // Someone edits a notice behind the trigger's back: nothing notices until the chain is recomputed.
    await db.$executeRawUnsafe('ALTER TABLE "Notice" DISABLE TRIGGER USER');
    await db.notice.update({ where: { id: first.id }, data: { title: '改过的标题' } });
    await db.$executeRawUnsafe('ALTER TABLE "Notice" ENABLE TRIGGER USER');
    // The next link extends the stored finding by itself (its own hash, just computed), reading nothing else.
    const { id } = await publish('电梯维修公示');
    const head = (await db.notice.findUniqueOrThrow({ where: { id } })).hash;
    expect(await storedChainCheck()).toMatchObject({ ok: true, count: 2, head });
    await db.$executeRawUnsafe('ALTER TABLE "Notice" DISABLE TRIGGER USER');
    await db.notice.update({ where: { id }, data: { title: '又改过的标题' } });
    await db.$executeRawUnsafe('ALTER TABLE "Notice" ENABLE TRIGGER USER');
    expect(await storedChainCheck()).toMatchObject({ ok: true, count: 2 });
    expect(await refusal(recheckChain(await byUser(w.resident.id)))).toBe('auth.forbidden');
    expect(await recheckChain(await byUser(w.staff.jinyangSecretary.id))).toMatchObject({ ok: false, brokenAt: 1, reason: 'HASH' });
    expect(await storedChainCheck()).toMatchObject({ ok: false, brokenAt: 1 });
    // Within the minute after a recompute, more are refused, however many arrive at once.
    const codes = await Promise.all([
      refusal(recheckChain(await byUser(w.staff.jinyangStreet.id))),
      refusal(recheckChain(await byUser(w.staff.jinyangStreet.id))),
    ]);
    expect(codes).toEqual(['notice.checkWait', 'notice.checkWait']);
  });
});
