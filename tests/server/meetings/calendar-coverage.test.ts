import * as rrule from 'rrule';
import { beforeAll, describe, expect, test } from 'vitest';
import { GET as icsFeed } from '@/app/api/meetings/c/[code]/calendar.ics/route';
import { officialCalendar } from '@/server/calendar/official-calendar';
import { toChinaLocal } from '@/server/issues/clock';
import { addCalendarDay, yearsToEnter } from '@/server/issues/district-settings';
import { scheduleMeeting, scheduleSeries } from '@/server/meetings/schedule';
import { publishManualNotice } from '@/server/notices/board';
import { ensureProcedures, proceduresFor } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { getTopicForViewer } from '@/server/topics/read-topic';
import { fromChinaLocal } from '@/server/issues/clock';
import { createStaff } from '../../factories/accounts';
import { createIssueWithHistory } from '../../factories/issues';
import { ensureIssueCategories } from '@/server/issues/categories';
import { getIssueForViewer } from '@/server/issues/read-issues';
import { byUser, TODAY, world } from '../accounts/support';

/**
 * Issue 17, item 9: the holiday package covers no year after 2026. A date scheduled in a year the working calendar
 * does not know is flagged (not a silent wrong date); a series reaches the end of next year; the .ics feed carries
 * one event per series with RRULE/EXDATE instead of one per meeting.
 */
const RRule =
  (rrule as unknown as { RRule?: typeof rrule.RRule }).RRule ??
  (rrule as unknown as { default: { RRule: typeof rrule.RRule } }).default.RRule;
const covered = officialCalendar().coveredYears;
const THIS_YEAR = Number(TODAY.slice(0, 4));
/** The first year from now on the package does not cover (2027 when this was written). */
const U = Math.max(Math.max(...covered) + 1, THIS_YEAR);
const uncoveredOf = (...years: number[]) => years.filter((y) => !covered.has(y));

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  const pw = 'staff-pass-1';
  const wuhouAdmin = await createStaff(base.db, {
    name: '武侯区管理员',
    phone: '13900007001',
    password: pw,
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: base.jinyang.street.districtId,
  });
  const tanghuSecretary = await createStaff(base.db, {
    name: '棠湖书记',
    phone: '13900007002',
    password: pw,
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: base.tanghu.id,
  });
  return { ...base, wuhouAdmin, tanghuSecretary };
}
beforeAll(async () => {
  w = await setup();
});

const meeting = (communityId: number, title: string) => ({
  kind: 'RECEPTION_DAY' as const,
  title,
  communityId,
  location: '党群服务中心',
  mode: 'IN_PERSON' as const,
  startMinute: 540,
  durationMinutes: 120,
});

describe('a date in a year the working calendar does not cover', () => {
  test(`a reception day on ${U}-02-08 (正月初三 in 2027) is flagged until the district enters that year's holidays`, async () => {
    const sec = await byUser(w.staff.jinyangSecretary.id, '刘书记');
    const wuhou = w.jinyang.street.districtId;
    // The district's calendar page lists the years of this and next year still to enter.
    expect(await yearsToEnter(wuhou)).toEqual(uncoveredOf(THIS_YEAR, THIS_YEAR + 1));
    const far = await scheduleMeeting(sec, { ...meeting(w.jinyang.id, '接待日'), date: `${U}-02-08` });
    expect(far.uncovered).toEqual([U]);
    const near = await scheduleMeeting(sec, { ...meeting(w.jinyang.id, '接待日'), date: TODAY });
    expect(near.uncovered).toEqual(uncoveredOf(THIS_YEAR));
    // The district admin enters the year's Spring Festival: the year counts as entered from then on.
    await addCalendarDay(await byUser(w.wuhouAdmin.id, '武侯区管理员'), wuhou, {
      date: `${U}-02-08`,
      kind: 'HOLIDAY',
      note: '春节',
    });
    expect((await scheduleMeeting(sec, { ...meeting(w.jinyang.id, '接待日'), date: `${U}-02-09` })).uncovered).toEqual([]);
    expect(await yearsToEnter(wuhou)).toEqual(uncoveredOf(THIS_YEAR, THIS_YEAR + 1).filter((y) => y !== U));
  });
});

describe('a series reaches the end of next year, and the .ics feed carries it as one recurring event', () => {
  test('reception days on the 6th and 26th: RRULE, EXDATE for a cancelled and each moved day, the moved ones as their own events', async () => {
    const sec = await byUser(w.tanghuSecretary.id, '棠湖书记');
    const s = await scheduleSeries(sec, {
      ...meeting(w.tanghu.id, '业主接待日'),
      compoundId: w.b.compound.id,
      rule: { freq: 'MONTHLY', monthDays: [6, 26] },
      from: TODAY,
      shiftOffHolidays: true,
    });
    expect(s.uncovered).toEqual(uncoveredOf(THIS_YEAR, THIS_YEAR + 1));
    const rows = await w.db.meeting.findMany({ where: { seriesId: s.id }, orderBy: { startsAt: 'asc' } });
    const days = rows.map((m) => toChinaLocal(m.startsAt).date);
    expect(days.at(-1)!.slice(0, 7)).toBe(`${THIS_YEAR + 1}-12`);
    // One reception day that sits on its rule's day is called off.
    const onRule = rows.filter((m) => ['06', '26'].includes(toChinaLocal(m.startsAt).date.slice(8)));
    const cancelled = onRule[Math.floor(onRule.length / 2)]!;
    await w.db.meeting.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED' } });
    const single = await scheduleMeeting(sec, { ...meeting(w.tanghu.id, '居民议事会'), date: TODAY });

    const res = await icsFeed(new Request(`http://localhost/api/meetings/c/${w.tanghu.code}/calendar.ics`), {
      params: Promise.resolve({ code: w.tanghu.code }),
    } as never);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = (await res.text()).replace(/\r\n[ \t]/g, '');
    const events = text.split('BEGIN:VEVENT').slice(1);
    const master = events.find((e) => e.includes(`UID:series-${s.id}@yishi`))!;
    expect(master).toMatch(/\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=6,26;UNTIL=\d{8}T\d{6}Z\r\n/);
    expect(events.filter((e) => e.includes('RRULE:'))).toHaveLength(1);
    expect(events.length).toBeLessThan(rows.length);
    expect(events.some((e) => e.includes(`UID:meeting-${single.id}@yishi`))).toBe(true);

    // Expanding the feed as a calendar app does gives exactly the series' meetings that take place.
    const field = (e: string, name: string) => e.match(new RegExp(`\\r\\n${name}[;:]([^\\r]*)`))?.[1] ?? '';
    const local = (v: string) => v.replace(/^TZID=Asia\/Shanghai:/, '');
    const asDate = (v: string) => new Date(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(9, 11)}:${v.slice(11, 13)}:00Z`);
    const opts = RRule.parseString(field(master, 'RRULE'));
    const until = new Date(opts.until!.getTime() + 8 * 3_600_000);
    const exdates = new Set(local(field(master, 'EXDATE')).split(',').filter(Boolean));
    const fmt = (d: Date) => d.toISOString().replace(/[-:]/g, '').slice(0, 15);
    const expanded = new RRule({ ...opts, dtstart: asDate(local(field(master, 'DTSTART'))), until })
      .all()
      .map(fmt)
      .filter((d) => !exdates.has(d));
    const loose = events
      .filter((e) => e.includes(`X-YISHI-SERIES:${s.id}`) && !e.includes('RRULE:'))
      .map((e) => local(field(e, 'DTSTART')));
    const held = rows
      .filter((m) => m.id !== cancelled.id)
      .map((m) => toChinaLocal(m.startsAt))
      .map((t) => `${t.date.replace(/-/g, '')}T${String(t.minute / 60).padStart(2, '0')}0000`);
    expect([...expanded, ...loose].sort()).toEqual(held.sort());
    expect(exdates.has(`${toChinaLocal(cancelled.startsAt).date.replace(/-/g, '')}T090000`)).toBe(true);
  });
});

describe('a period counted in working days that ends in a year the calendar does not know', () => {
  test('publishing the notice says so; a period in calendar days does not depend on holidays', async () => {
    const sec = await byUser(w.tanghuSecretary.id, '棠湖书记');
    const notice = (days: number, unit: 'WORKING' | 'CALENDAR') =>
      publishManualNotice(sec, {
        place: `compound:${w.b.compound.id}`,
        category: 'RESIDENTS',
        title: '公示期测试',
        html: '<p>公示内容</p>',
        period: { days, unit },
      });
    const working = await notice(60, 'WORKING');
    const ends = Number(toChinaLocal((await w.db.notice.findUniqueOrThrow({ where: { id: working.id } })).periodEndsAt!).date.slice(0, 4));
    const spanned = Array.from({ length: ends - THIS_YEAR + 1 }, (_, i) => THIS_YEAR + i);
    expect(working.uncovered).toEqual(uncoveredOf(...spanned));
    expect((await notice(60, 'CALENDAR')).uncovered).toEqual([]);
  });
});

describe('a topic step due in a year the calendar does not know', () => {
  test('those running the step see it on the topic, with the district', async () => {
    await ensureProcedures(w.db);
    const sec = await byUser(w.tanghuSecretary.id, '棠湖书记');
    const procedure = (await proceduresFor(w.tanghu.street.districtId))[0]!;
    const { id } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '欧城花园电梯维修',
      description: '业主反映电梯经常停运，拟使用维修资金更换。',
      compoundId: w.b.compound.id,
      communityId: w.tanghu.id,
      procedureId: procedure.id,
    });
    await w.db.topic.update({ where: { id }, data: { stepDueAt: fromChinaLocal({ date: `${U}-02-08`, minute: 17 * 60 + 30 }) } });
    expect((await getTopicForViewer(sec, id))?.dueUncovered).toEqual({ years: [U], districtId: w.tanghu.street.districtId });
  });
});

describe('an issue due in a year the calendar does not know', () => {
  test('staff who may read it see it on the issue, with the district', async () => {
    await ensureIssueCategories(w.db);
    const due = fromChinaLocal({ date: `${U}-02-08`, minute: 17 * 60 + 30 });
    const issue = await createIssueWithHistory(w.db, {
      categoryCode: 'FACILITIES',
      title: '电梯停运',
      description: '三栋电梯停运两天了',
      compoundId: w.b.compound.id,
      authorUserId: null,
      createdAt: new Date(),
      acknowledgeBy: due,
      resolveBy: due,
      steps: [],
    });
    const view = await getIssueForViewer(await byUser(w.tanghuSecretary.id, '棠湖书记'), issue.id);
    expect(view?.dueUncovered).toEqual({ years: [U], districtId: w.tanghu.street.districtId });
  });
});
