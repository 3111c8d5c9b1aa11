// Issue 23 part D (decision 070), through the use cases: the default catalogue of 三务公开 in 武侯区 and 双流区; 晋阳社区
// (and 北苑小区's property firm) filed every past slot on time — except the quarterly 财务收支情况 of the last quarter whose
// due day has passed, which is OVERDUE on 刘建华's desk and on 何晋阳's street dashboard — and one filing carries a
// photo of the physical notice board. Periods are counted from the real today, so the demo holds on any day.
import sharp from 'sharp';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { copyDefaultCatalogue } from '../../src/server/disclosure/catalogue.ts';
import { attachBoardPhoto } from '../../src/server/disclosure/events.ts';
import { draftFor, publishSlot } from '../../src/server/disclosure/file.ts';
import { readableSlots } from '../../src/server/disclosure/calendar.ts';
import { addDays, periodOf } from '../../src/domain/disclosure/slots.ts';
import { today } from '../../src/server/today.ts';
import { createStaff } from '../../tests/factories/accounts.ts';
import { DEMO_LOGINS } from './logins.ts';
import { seedActor } from './seed-by.ts';

export const DISCLOSURE_FLAG = 'demo-disclosure';
/** 武侯区's district administrator: keeps its catalogue. */
export const WUHOU_ADMIN = '13900004002';
/** The item left overdue at 晋阳社区. */
export const OVERDUE_ITEM = '财务收支情况';

const quarterBefore = (q: { firstDay: string }) => periodOf('QUARTERLY', addDays(q.firstDay, -1));
/** The latest quarter whose 财务收支情况 (due 10 days after it, decision 070's default) is past due today. */
function lastQuarterPastDue(day: string) {
  let q = quarterBefore(periodOf('QUARTERLY', day));
  while (addDays(q.lastDay, 10) >= day) q = quarterBefore(q);
  return q;
}

/** Runs once (a flag), after the accounts and places, with the use cases reading this database. */
export async function seedDisclosure(db: PrismaClient, now = new Date()): Promise<boolean> {
  if (await db.systemFlag.findUnique({ where: { key: DISCLOSURE_FLAG } })) return false;
  for (const ready of ['demo-accounts', 'demo-organisations'])
    if (!(await db.systemFlag.findUnique({ where: { key: ready } }))) return false;
  const holder = globalThis as unknown as { yishiDb?: PrismaClient };
  const had = holder.yishiDb;
  holder.yishiDb = db;
  try {
    const day = today(now);
    const wuhou = await db.district.findUniqueOrThrow({ where: { code: '510107' } });
    const shuangliu = await db.district.findUniqueOrThrow({ where: { code: '510116' } });
    if (!(await db.user.findUnique({ where: { phone: WUHOU_ADMIN } })))
      await createStaff(db, {
        name: '马武侯',
        phone: WUHOU_ADMIN,
        password: DEMO_LOGINS.password,
        role: 'DISTRICT_ADMIN',
        placeLevel: 'DISTRICT',
        placeId: wuhou.id,
      });
    // The catalogue applies from the quarter before the last one whose 财务收支情况 is past due: one quarter filed, one
    // overdue, and the months since — a board of a dozen or so notices, not years of them.
    const startsOn = quarterBefore(lastQuarterPastDue(day)).firstDay;
    await copyDefaultCatalogue(await seedActor(db, WUHOU_ADMIN), wuhou.id, startsOn);
    await copyDefaultCatalogue(await seedActor(db, '13900004001'), shuangliu.id, startsOn);
    await jinyang(db);
  } finally {
    holder.yishiDb = had;
  }
  await db.systemFlag.create({ data: { key: DISCLOSURE_FLAG, value: '武侯区 and 双流区 catalogues, 晋阳社区 filings' } });
  return true;
}

async function jinyang(db: PrismaClient) {
  const liu = await seedActor(db, '13900001001');
  const community = await db.community.findUniqueOrThrow({ where: { code: '510107009003' } });
  const slots = await readableSlots(liu, community.id);
  const past = slots.filter((s) => s.state === 'OVERDUE');
  // The last 财务收支情况 whose due day has passed stays overdue.
  const left = past
    .filter((s) => s.item.name === OVERDUE_ITEM && s.place.compoundId === null)
    .sort((a, b) => b.dueOn.localeCompare(a.dueOn))[0];
  const filed: number[] = [];
  for (const s of past) {
    if (s === left) continue;
    const draft = await draftFor(liu, s.ref);
    const { filingId } = await publishSlot(liu, s.ref, {
      title: draft.title,
      body: draft.body.replace('（请填写具体内容）', `${s.label}${s.item.name}详见社区党群服务中心公开栏。`),
    });
    filed.push(filingId);
  }
  // These were posted on time on the paper board: the record of when is kept as filed two days before each due day
  // (the notices themselves carry today's date in the chain, which cannot be back-dated).
  await db.$executeRaw`UPDATE "DisclosureFiling" SET "filedAt" = ("dueOn" - 2) + time '02:00', "onTime" = true WHERE id = ANY(${filed})`;
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#b91c1c' } })
    .composite([
      {
        input: Buffer.from('<svg width="640" height="480"><rect x="80" y="60" width="480" height="360" fill="#fff"/></svg>'),
        top: 0,
        left: 0,
      },
    ])
    .jpeg({ quality: 80 })
    .toBuffer();
  const proved = past.filter((s) => s !== left && s.item.category === 'FINANCE').sort((a, b) => b.dueOn.localeCompare(a.dueOn))[0];
  if (proved) await attachBoardPhoto(liu, proved.ref, photo);
}
