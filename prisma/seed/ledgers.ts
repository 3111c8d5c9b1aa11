// Issue 23 part L (decision 071), through the use cases: 欧城花园's maintenance fund — the opening balance, interest, and the
// lift replacement of building 1 decided by its owners' written consultation (S5's kind, matter 5, decided PASSED with
// paper ballots and the close that tallies them) and paid in two payments with receipts, all reconciled, the last
// quarter's statement on the board; 欧城花园's property fees kept by 欧城物业 (王静); 晋阳社区's working funds and
// 服务群众专项经费; a self-raised fund at 龙躺梁 with per-household contributions, one of them reversed.
import sharp from 'sharp';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import type { TBy } from '../../src/server/accounts/by.ts';
import { recordEntry, reverseEntry, type TRecordEntry } from '../../src/server/ledgers/entries.ts';
import { openLedger } from '../../src/server/ledgers/open.ts';
import { attachReceipt } from '../../src/server/ledgers/receipts.ts';
import { reconcileEntries } from '../../src/server/ledgers/reconcile.ts';
import { publishStatement } from '../../src/server/ledgers/statement.ts';
import { openMotion } from '../../src/server/topics/motions.ts';
import { closeMotion, enterPaperBallot } from '../../src/server/votes/ballots.ts';
import { dateOnly, fromDateOnly, today } from '../../src/server/today.ts';
import { createTopicWithHistory } from '../../tests/factories/topics.ts';
import { FIRM_STAFF_PHONE } from './organisations.ts';
import { seedActor } from './seed-by.ts';

export const LEDGERS_FLAG = 'demo-ledgers';
export const LIFT_DRAW = '使用维修资金更换 1 栋电梯';
export const MAINTENANCE_FUND = '欧城花园住宅专项维修资金';
const DAY_MS = 86_400_000;

/** China's day `n` days after `day`. */
const plus = (day: string, n: number) => fromDateOnly(new Date(dateOnly(day).getTime() + n * DAY_MS));

/** The last whole calendar quarter before today: [first day, last day]. */
export function lastQuarter(now = new Date()): { from: string; to: string } {
  const [y, m] = today(now).split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3); // this quarter, 0–3
  const year = q === 0 ? y - 1 : y;
  const first = q === 0 ? 10 : (q - 1) * 3 + 1;
  const from = `${year}-${String(first).padStart(2, '0')}-01`;
  const next = first === 10 ? `${year + 1}-01-01` : `${year}-${String(first + 3).padStart(2, '0')}-01`;
  return { from, to: plus(next, -1) };
}

/** A receipt as photographed: a plain page with a stamp-red band (the demo has no real invoices). */
const receiptPhoto = (hue: string) =>
  sharp({ create: { width: 480, height: 640, channels: 3, background: '#fbfaf5' } })
    .composite([{ input: { create: { width: 480, height: 60, channels: 3, background: hue } }, top: 40, left: 0 }])
    .jpeg()
    .toBuffer();

/** The owners of building 1 decide the lift replacement by written consultation, on paper, all for: it passes. */
async function liftDecision(db: PrismaClient, wang: TBy, quarter: { from: string }) {
  const oucheng = await db.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
  const b1 = await db.building.findFirstOrThrow({ where: { compoundId: oucheng.id, name: '1栋' } });
  const start = new Date(dateOnly(quarter.from).getTime() - 40 * DAY_MS);
  const topic = await createTopicWithHistory(db, {
    procedureCode: 'OWNERS_ASSEMBLY',
    title: LIFT_DRAW,
    category: 'FACILITIES',
    description: '1 栋电梯使用超过 15 年，年检整改未通过，业委会提议使用专项维修资金更换（第 5 项事项），征求 1 栋业主书面意见。',
    communityId: oucheng.communityId,
    compoundId: oucheng.id,
    by: { userId: wang.userId, label: wang.label },
    stepIndex: 2,
    assemblyMatter: 5,
    createdAt: start,
    stepDueAt: new Date(Date.now() + 15 * DAY_MS),
    plans: [
      {
        title: '1 栋电梯更换方案',
        body: '更换 1 栋 2 部电梯，分两期付款。',
        budgetFen: 70_400_000,
        funding: [{ source: '专项维修资金', amountFen: 70_400_000 }],
      },
    ],
  });
  await db.topic.update({ where: { id: topic.id }, data: { ownersBuildingIds: [b1.id] } });
  const m = await openMotion(db, { ...topic, ownersBuildingIds: [b1.id] }, 2, { kind: 'OWNERS' }, { kind: 'OWNERS_ASSEMBLY', matter: 5 });
  // The 15 clear days of notice are over; ballots were returned on paper and entered by the committee's chair.
  await db.motion.update({
    where: { id: m.id },
    data: { mode: 'WRITTEN', title: '书面征求意见', votingFrom: new Date(Date.now() - DAY_MS), closesAt: new Date(Date.now() + DAY_MS) },
  });
  const roll = await db.motionVoter.findMany({ where: { motionId: m.id }, orderBy: { voterKey: 'asc' } });
  for (const v of roll) await enterPaperBallot(wang, m.id, { voterKey: v.voterKey, choice: 'FOR' });
  // Every owner concerned returned a ballot: the consultation ends (its end time reached) and the tally decides it.
  await db.motion.update({ where: { id: m.id }, data: { closesAt: new Date(Date.now() - 1000) } });
  const r = await closeMotion(wang, m.id);
  if (!r.passed) throw new Error('the lift decision should pass');
  return m.id;
}

async function maintenanceFund(db: PrismaClient, now: Date) {
  const wang = await seedActor(db, '13900002001');
  const quarter = lastQuarter(now);
  const motionId = await liftDecision(db, wang, quarter);
  const oucheng = await db.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
  const { id } = await openLedger(wang, {
    kind: 'MAINTENANCE_FUND',
    name: MAINTENANCE_FUND,
    communityId: oucheng.communityId,
    compoundId: oucheng.id,
    opening: '1,286,400.00',
    openingDay: quarter.from,
  });
  const entry = (e: Omit<TRecordEntry, 'day'> & { day: string }) => recordEntry(wang, id, e);
  await entry({
    kind: 'INCOME',
    amount: '9,648.00',
    day: plus(quarter.from, 20),
    description: '维修资金专户季度利息',
    counterparty: '成都银行双流支行',
  });
  const draw = { kind: 'SPENDING' as const, motionId, counterparty: '四川通达电梯工程有限公司' };
  const first = await entry({ ...draw, amount: '422,400.00', day: plus(quarter.from, 35), description: '1 栋电梯更换首期款（60%）' });
  const second = await entry({ ...draw, amount: '281,600.00', day: plus(quarter.from, 70), description: '1 栋电梯更换验收后尾款（40%）' });
  await attachReceipt(wang, first.id, { name: '电梯首期款发票.jpg', bytes: await receiptPhoto('#c8102e') });
  await attachReceipt(wang, second.id, { name: '电梯尾款发票.jpg', bytes: await receiptPhoto('#b22222') });
  const all = await db.ledgerEntry.findMany({ where: { ledgerId: id }, select: { id: true } });
  await reconcileEntries(
    wang,
    id,
    all.map((e) => e.id),
  );
  await publishStatement(wang, id, quarter);
}

async function propertyFees(db: PrismaClient) {
  const firm = await seedActor(db, FIRM_STAFF_PHONE);
  const oucheng = await db.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
  const day = today();
  const { id } = await openLedger(firm, {
    kind: 'PROPERTY_FEES',
    name: '欧城花园物业费收支',
    communityId: oucheng.communityId,
    compoundId: oucheng.id,
    opening: '36,500.00',
    openingDay: plus(day, -30),
  });
  await recordEntry(firm, id, { kind: 'INCOME', amount: '186,240.00', day: plus(day, -20), description: '本季度物业费收缴（132 户）' });
  await recordEntry(firm, id, {
    kind: 'SPENDING',
    amount: '96,000.00',
    day: plus(day, -15),
    description: '保安、保洁人员工资',
    counterparty: '欧城物业',
  });
  await recordEntry(firm, id, {
    kind: 'SPENDING',
    amount: '12,830.50',
    day: plus(day, -10),
    description: '公共区域水电费',
    counterparty: '国网双流供电公司',
  });
}

async function jinyang(db: PrismaClient) {
  const liu = await seedActor(db, '13900001001');
  const community = await db.community.findFirstOrThrow({ where: { code: '510107009003' } });
  const day = today();
  const working = await openLedger(liu, {
    kind: 'WORKING_FUNDS',
    name: '晋阳社区工作经费',
    communityId: community.id,
    opening: '80,000.00',
    openingDay: plus(day, -40),
  });
  await recordEntry(liu, working.id, {
    kind: 'SPENDING',
    amount: '3,260.00',
    day: plus(day, -25),
    description: '办公用品和打印耗材',
    counterparty: '晋阳文具店',
  });
  const service = await openLedger(liu, { kind: 'SERVICE_FUNDS', name: '晋阳社区服务群众专项经费', communityId: community.id });
  await recordEntry(liu, service.id, {
    kind: 'ADVANCE',
    amount: '2,000.00',
    day: plus(day, -21),
    description: '重阳节敬老活动由社区书记先行垫付',
    counterparty: '刘建华',
  });
  await recordEntry(liu, service.id, {
    kind: 'SPENDING',
    amount: '1,850.00',
    day: plus(day, -20),
    description: '重阳节敬老活动慰问品',
    counterparty: '红旗连锁晋阳店',
  });
  await recordEntry(liu, service.id, {
    kind: 'INCOME',
    amount: '50,000.00',
    day: plus(day, -12),
    description: '街道下拨年度服务群众专项经费',
    counterparty: '晋阳街道办事处',
  });
  await recordEntry(liu, service.id, {
    kind: 'ADVANCE_REPAID',
    amount: '2,000.00',
    day: plus(day, -12),
    description: '归还重阳节活动垫付款',
    counterparty: '刘建华',
  });
}

async function longtangliang(db: PrismaClient) {
  const zhao = await seedActor(db, '13900007001');
  const compound = await db.compound.findFirstOrThrow({ where: { name: '龙躺梁老旧小区' } });
  const day = today();
  const { id } = await openLedger(zhao, {
    kind: 'SELF_RAISED',
    name: '1号楼楼道照明改造居民自筹',
    communityId: compound.communityId,
    compoundId: compound.id,
  });
  const homes = await db.household.findMany({
    where: { building: { compoundId: compound.id }, use: 'RESIDENTIAL' },
    orderBy: { id: 'asc' },
    take: 6,
    select: { id: true },
  });
  const given = [];
  for (const [i, h] of homes.entries())
    given.push(
      await recordEntry(zhao, id, {
        kind: 'INCOME',
        amount: '200',
        day: plus(day, -9 + i),
        description: '楼道照明改造自筹款',
        householdId: h.id,
      }),
    );
  // Entered twice by mistake: reversed, never edited.
  const twice = await recordEntry(zhao, id, {
    kind: 'INCOME',
    amount: '200',
    day: plus(day, -3),
    description: '楼道照明改造自筹款',
    householdId: homes[0]!.id,
  });
  await reverseEntry(zhao, twice.id, { reason: '同一户重复登记' });
  await recordEntry(zhao, id, {
    kind: 'SPENDING',
    amount: '960.00',
    day: plus(day, -1),
    description: '声控 LED 灯 24 套',
    counterparty: '阳泉照明器材店',
  });
}

/** Runs once (a flag), after the votes, accounts and organisations stages, with the use cases reading this database. */
export async function seedLedgers(db: PrismaClient, now = new Date()): Promise<boolean> {
  if (await db.systemFlag.findUnique({ where: { key: LEDGERS_FLAG } })) return false;
  for (const ready of ['demo-accounts', 'demo-votes', 'demo-organisations'])
    if (!(await db.systemFlag.findUnique({ where: { key: ready } }))) return false;
  const holder = globalThis as unknown as { yishiDb?: PrismaClient };
  const had = holder.yishiDb;
  holder.yishiDb = db;
  try {
    await maintenanceFund(db, now);
    await propertyFees(db);
    await jinyang(db);
    await longtangliang(db);
  } finally {
    holder.yishiDb = had;
  }
  await db.systemFlag.create({ data: { key: LEDGERS_FLAG, value: '欧城花园 maintenance fund and fees, 晋阳 funds, 龙躺梁 self-raised' } });
  return true;
}
