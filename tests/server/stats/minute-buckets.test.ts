import { beforeAll, describe, expect, test } from 'vitest';
import { median } from '@/domain/stats/figures';
import { ensureIssueCategories } from '@/server/issues/categories';
import { rollupFigures, type TScope } from '@/server/stats/aggregate';
import { rebuildStats, refreshStats } from '@/server/stats/refresh';
import { createIssueWithHistory } from '../../factories/issues';
import { communityByCode, createCompound } from '../../factories/territory';
import { testDb } from '../db';

/**
 * Issue 16, item 7: the medians of streets, districts and the city come from per-(street, month) octaves and buckets of
 * minutes, walked to the middle rank and refined within the one or two buckets that hold it. Exact: compared with the
 * median of the minutes counted by hand (mean of the two middle values for an even count), ties and even counts included.
 */
const MIN = 60_000;
const MARCH = new Date('2025-03-10T02:00:00Z');
const APRIL = new Date('2025-04-10T02:00:00Z');

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureIssueCategories(db);
  const dongsheng = await communityByCode(db, '510116001001');
  const other = await communityByCode(db, '510107009003');
  const [a, b] = await db.community.findMany({ where: { streetId: dongsheng.streetId }, orderBy: { code: 'asc' }, take: 2 });
  const A = await createCompound(db, { communityId: a!.id, name: '分桶甲' });
  const B = await createCompound(db, { communityId: b!.id, name: '分桶乙' });
  const C = await createCompound(db, { communityId: other.id, name: '分桶丙' });
  const districts = [...new Set([A.districtId, C.districtId])];
  return { db, A, B, C, districts };
}

/** An issue acknowledged after `ack` minutes and resolved after `res`. */
const issue = (compoundId: number, createdAt: Date, ack: number, res: number) =>
  createIssueWithHistory(w.db, {
    categoryCode: 'FACILITIES',
    title: '分桶',
    description: '分桶测试问题',
    compoundId,
    authorUserId: null,
    createdAt,
    acknowledgeBy: new Date(createdAt.getTime() + 240 * MIN),
    resolveBy: new Date(createdAt.getTime() + 3 * 1440 * MIN),
    steps: [
      { type: 'ACKNOWLEDGE', toState: 'ACKNOWLEDGED', minutesAfter: ack, actorUserId: null, actorLabel: 'staff' },
      { type: 'RESOLVE', toState: 'RESOLVED', minutesAfter: res, actorUserId: null, actorLabel: 'staff' },
    ],
  });

// Minutes spread over many buckets (0 to 9 days), with ties across communities and months.
const dongshengMinutes: [compound: 'A' | 'B', at: Date, ack: number, res: number][] = [
  ['A', MARCH, 0, 600],
  ['A', MARCH, 5, 600],
  ['B', MARCH, 5, 1440],
  ['B', MARCH, 17, 2000],
  ['A', MARCH, 240, 2001],
  ['A', APRIL, 241, 2001],
  ['B', APRIL, 241, 7000],
  ['B', APRIL, 1500, 9000],
  ['A', APRIL, 3000, 12960],
  ['A', APRIL, 12, 601],
];
const otherMinutes: [at: Date, ack: number, res: number][] = [
  [MARCH, 30, 100],
  [MARCH, 30, 100],
  [APRIL, 31, 5000],
];

beforeAll(async () => {
  w = await setup();
  for (const [c, at, ack, res] of dongshengMinutes) await issue(c === 'A' ? w.A.id : w.B.id, at, ack, res);
  for (const [at, ack, res] of otherMinutes) await issue(w.C.id, at, ack, res);
  await refreshStats();
});

const SPRING = { from: '2025-03', to: '2025-04' };
const scope = (): TScope => ({ column: 'districtId', ids: w.districts });
const buckets = async () => [
  await w.db.$queryRaw<unknown[]>`SELECT * FROM "IssueMinuteBucket" ORDER BY month, "streetId", kind, bucket`,
  await w.db.$queryRaw<unknown[]>`SELECT * FROM "IssueMinuteOctave" ORDER BY month, "streetId", kind, octave`,
  await w.db.$queryRaw<unknown[]>`SELECT * FROM "IssueStreetStat" ORDER BY month, "streetId"`,
];

describe('medians of streets from the minute buckets', () => {
  test('each street, and all together, equal the median of the minutes by hand (an even count of 10, an odd count of 3, ties)', async () => {
    const f = await rollupFigures(scope(), SPRING, null, 'streetId');
    const all = await rollupFigures(scope(), SPRING, null, 'all');
    const d = f.get(String(w.A.streetId))!;
    expect([d.ackMedian, d.resolveMedian]).toEqual([median(dongshengMinutes.map((m) => m[2])), median(dongshengMinutes.map((m) => m[3]))]);
    expect([d.ackMedian, d.resolveMedian]).toEqual([(17 + 240) / 2, (2000 + 2001) / 2]);
    // The counts of streets come from the per-street sums: every issue once.
    expect([d.counts.opened, d.counts.resolved, d.counts.ackDue]).toEqual([10, 10, 10]);
    expect(all.get('0')!.counts.opened).toBe(13);
    const o = f.get(String(w.C.streetId))!;
    expect([o.ackMedian, o.resolveMedian]).toEqual([30, 100]);
    const every = [...dongshengMinutes.map((m) => [m[2], m[3]]), ...otherMinutes.map((m) => [m[1], m[2]])];
    expect([all.get('0')!.ackMedian, all.get('0')!.resolveMedian]).toEqual([
      median(every.map((m) => m[0]!)),
      median(every.map((m) => m[1]!)),
    ]);
  });

  test('by month: March alone and April alone', async () => {
    const f = await rollupFigures({ column: 'streetId', ids: [w.A.streetId] }, SPRING, null, 'month');
    const march = dongshengMinutes.filter((m) => m[1] === MARCH);
    const april = dongshengMinutes.filter((m) => m[1] === APRIL);
    expect(f.get('2025-03')!.ackMedian).toBe(median(march.map((m) => m[2])));
    expect(f.get('2025-04')!.resolveMedian).toBe(median(april.map((m) => m[3])));
  });

  test('the refresh keeps the buckets as a rebuild makes them, and a new issue moves the median', async () => {
    expect((await buckets()).map((t) => t.length > 0)).toEqual([true, true, true]);
    // Two more in Dongsheng (12 in all): the middle pair is now 240 and 241.
    await issue(w.A.id, APRIL, 9999, 50);
    await issue(w.B.id, MARCH, 10000, 60);
    await refreshStats();
    const f = await rollupFigures(scope(), SPRING, null, 'streetId');
    const acks = [...dongshengMinutes.map((m) => m[2]), 9999, 10000];
    expect(f.get(String(w.A.streetId))!.ackMedian).toBe(median(acks));
    expect(f.get(String(w.A.streetId))!.ackMedian).toBe(240.5);
    expect(f.get(String(w.A.streetId))!.counts.opened).toBe(12);
    const refreshed = await buckets();
    await rebuildStats();
    expect(await buckets()).toEqual(refreshed);
  });
});
