import { beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../../prisma/seed/index.ts';
import { OVERDUE_ITEM } from '../../../prisma/seed/disclosure.ts';
import { DEFAULT_CATALOGUE } from '@/server/disclosure/defaults';
import { overdueForDesk, readableSlots, readCalendar, timelinessByCommunity } from '@/server/disclosure/calendar';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { useDemoDatabase } from '../demo-db';

// The demo seeded once for the run and cloned for this file (tests/server/demo-db.ts).
beforeAll(useDemoDatabase, 120_000);

// Issue 23 part D in the demo: built through the use cases, relative to the real today.
describe('the disclosure catalogue in the demo', () => {
  test('武侯区 and 双流区 have the default; 晋阳社区 filed all but the last 财务收支情况, overdue on the desk and the dashboard', async () => {
    const db = testDb();
    await seedDemo(db);
    for (const code of ['510107', '510116'])
      expect(await db.disclosureItem.count({ where: { district: { code } } })).toBe(DEFAULT_CATALOGUE.length);
    const as = async (phone: string) => byUser((await db.user.findUniqueOrThrow({ where: { phone } })).id);
    const liu = await as('13900001001');
    const jinyang = await db.community.findUniqueOrThrow({ where: { code: '510107009003' } });
    const desk = await overdueForDesk(liu);
    expect(desk.map((s) => [s.item.name, s.place.compoundId])).toEqual([[OVERDUE_ITEM, null]]);
    const cal = await readCalendar(liu, jinyang.id);
    expect(cal.rate.overdue).toBe(1);
    expect(await db.notice.count({ where: { kind: 'DISCLOSURE' } })).toBeLessThan(30);
    expect(cal.rate.onTime).toBe(cal.rate.counted - 1);
    expect((await readableSlots(liu, jinyang.id)).filter((s) => s.filing?.photo)).toHaveLength(1);
    const street = await timelinessByCommunity(await as('13900003002'), { level: 'street', id: jinyang.streetId });
    const row = street!.communities.find((c) => c.id === jinyang.id)!;
    expect(row.overdue).toBe(1);
    expect(row.percent).not.toBe('100.0%');
    await seedDemo(db);
    expect(await db.disclosureItem.count({ where: { district: { code: '510107' } } })).toBe(DEFAULT_CATALOGUE.length);
  });
});
