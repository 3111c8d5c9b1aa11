import { beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '@/domain/calendar/working-calendar';
import { calendarOf } from '@/server/meetings/read-meetings';
import { scheduleMeeting, scheduleSeries } from '@/server/meetings/schedule';
import {
  activeMeetingTypes,
  createMeetingType,
  listMeetingTypes,
  retireMeetingType,
  updateMeetingType,
  type TMeetingTypeInput,
} from '@/server/meetings/types';
import { today } from '@/server/today';
import { createStaff } from '../../factories/accounts';
import { byUser, inDays, TODAY, world } from '../accounts/support';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  const shuangliu = (await base.db.compound.findUniqueOrThrow({ where: { id: base.b.compound.id } })).districtId;
  const wuhou = (await base.db.compound.findUniqueOrThrow({ where: { id: base.a.compound.id } })).districtId;
  const admin = (name: string, phone: string, districtId: number) =>
    createStaff(base.db, { name, phone, password: 'staff-pass-1', role: 'DISTRICT_ADMIN', placeLevel: 'DISTRICT', placeId: districtId });
  return {
    ...base,
    shuangliu,
    wuhou,
    slAdmin: await admin('陈双流', '13877770001', shuangliu),
    whAdmin: await admin('武侯管理员', '13877770002', wuhou),
  };
}
beforeAll(async () => {
  w = await setup();
});

const hearing: TMeetingTypeInput & { code: string } = {
  code: 'HEARING',
  nameZh: '听证会',
  nameEn: 'Hearing',
  baseKind: 'CONSULTATION',
  defaultBodyKind: null,
  noticeDays: 7,
  open: true,
  needsApproval: false,
};
const audits = (action: string) => w.db.auditLog.count({ where: { action } });

describe("a district's own meeting types", () => {
  test('its administrator adds, changes and retires them; retired ones are no longer offered', async () => {
    const by = await byUser(w.slAdmin.id);
    const { id } = await createMeetingType(by, w.shuangliu, hearing);
    expect((await activeMeetingTypes(w.shuangliu)).map((t) => t.nameZh)).toContain('听证会');
    await updateMeetingType(by, id, { ...hearing, nameZh: '民主听证会', noticeDays: 10 });
    expect(await w.db.meetingType.findUniqueOrThrow({ where: { id } })).toMatchObject({ nameZh: '民主听证会', noticeDays: 10 });
    await retireMeetingType(by, id);
    expect((await activeMeetingTypes(w.shuangliu)).map((t) => t.id)).not.toContain(id);
    expect((await listMeetingTypes(by, w.shuangliu)).map((t) => t.id)).toContain(id);
    expect(await refusal(retireMeetingType(by, id))).toBe('meetingType.retired');
    expect([await audits('meetingType.create'), await audits('meetingType.update'), await audits('meetingType.retire')]).toEqual([1, 1, 1]);
  });

  test('only district admins, of that district: others are refused and nothing is written', async () => {
    const own = await createMeetingType(await byUser(w.slAdmin.id), w.shuangliu, { ...hearing, code: 'SEMINAR', nameZh: '座谈会' });
    const before = await w.db.meetingType.count();
    const auditsBefore = await w.db.auditLog.count();
    for (const userId of [w.whAdmin.id, w.staff.dongshengStreet.id, w.staff.jinyangSecretary.id]) {
      const by = await byUser(userId);
      expect(await refusal(createMeetingType(by, w.shuangliu, { ...hearing, code: 'OTHER' }))).toBe('auth.forbidden');
      expect(await refusal(updateMeetingType(by, own.id, { ...hearing, nameZh: '改名' }))).toBe('auth.forbidden');
      expect(await refusal(retireMeetingType(by, own.id))).toBe('auth.forbidden');
      expect(await refusal(listMeetingTypes(by, w.shuangliu))).toBe('auth.forbidden');
    }
    expect(await w.db.meetingType.count()).toBe(before);
    expect(await w.db.auditLog.count()).toBe(auditsBefore);
    expect((await w.db.meetingType.findUniqueOrThrow({ where: { id: own.id } })).nameZh).toBe('座谈会');
  });

  test('notice days never below the base kind’s legal notice; a code once per district; two adds at once make one', async () => {
    const by = await byUser(w.slAdmin.id);
    const assembly = { ...hearing, code: 'ASSEMBLY', baseKind: 'OWNERS_ASSEMBLY' as const, noticeDays: 10 };
    expect(await refusal(createMeetingType(by, w.shuangliu, assembly))).toBe('meetingType.noticeBelowKind');
    const { id } = await createMeetingType(by, w.shuangliu, { ...assembly, noticeDays: 15 });
    expect(await refusal(updateMeetingType(by, id, { ...assembly, noticeDays: 14 }))).toBe('meetingType.noticeBelowKind');
    const twice = await Promise.all([
      refusal(createMeetingType(by, w.shuangliu, { ...hearing, code: 'TWICE' })),
      refusal(createMeetingType(by, w.shuangliu, { ...hearing, code: 'TWICE' })),
    ]);
    expect(twice.sort()).toEqual(['meetingType.codeTaken', 'no refusal']);
    expect(await w.db.meetingType.count({ where: { code: 'TWICE' } })).toBe(1);
  });
});

describe('scheduling a meeting of a type', () => {
  const input = (typeId: number, date: string) => ({
    kind: 'CONSULTATION' as const,
    typeId,
    title: '加装电梯听证',
    communityId: w.b.compound.communityId,
    compoundId: w.b.compound.id,
    location: '欧城花园党群服务站',
    mode: 'IN_PERSON' as const,
    date,
    startMinute: 19 * 60,
    durationMinutes: 90,
  });

  test('follows the base kind; its notice is enforced with the earliest date; the calendar shows the type’s name', async () => {
    const { id: typeId } = await createMeetingType(await byUser(w.slAdmin.id), w.shuangliu, {
      ...hearing,
      code: 'KANGTAN',
      nameZh: '恳谈会',
      nameEn: 'Heart-to-heart talk',
      baseKind: 'COURTYARD',
    });
    const by = await byUser(w.staff.dongshengStreet.id);
    expect(await refusal(scheduleMeeting(by, input(typeId, inDays(3))))).toBe('meeting.noticeTooShort');
    const earliest = addDays(today(), 7);
    const { id } = await scheduleMeeting(by, input(typeId, earliest));
    const m = await w.db.meeting.findUniqueOrThrow({ where: { id } });
    expect([m.kind, m.typeId]).toEqual(['COURTYARD', typeId]);
    const cal = await calendarOf('510116001001', Number(earliest.slice(0, 4)));
    expect(cal!.meetings.find((x) => x.id === id)?.kindLabel).toEqual({ zh: '恳谈会', en: 'Heart-to-heart talk' });
    // A weekly series of the type from tomorrow starts where its notice allows (a week on).
    const weekday = new Date(`${inDays(1)}T00:00:00Z`).getUTCDay();
    const rule = { freq: 'WEEKLY' as const, weekdays: [weekday] };
    const s = await scheduleSeries(by, { ...input(typeId, TODAY), from: TODAY, rule, shiftOffHolidays: false });
    const first = await w.db.meeting.findFirstOrThrow({ where: { seriesId: s.id }, orderBy: { startsAt: 'asc' } });
    expect(first.startsAt >= new Date(`${earliest}T00:00:00+08:00`)).toBe(true);
    expect(first.typeId).toBe(typeId);
  });

  test("another district's type, or a retired one, is refused", async () => {
    const wh = await createMeetingType(await byUser(w.whAdmin.id), w.wuhou, { ...hearing, code: 'WUHOU', noticeDays: 0 });
    const by = await byUser(w.staff.dongshengStreet.id);
    expect(await refusal(scheduleMeeting(by, input(wh.id, inDays(20))))).toBe('meetingType.unknown');
    const sl = await createMeetingType(await byUser(w.slAdmin.id), w.shuangliu, { ...hearing, code: 'OLD', noticeDays: 0 });
    await retireMeetingType(await byUser(w.slAdmin.id), sl.id);
    expect(await refusal(scheduleMeeting(by, input(sl.id, inDays(20))))).toBe('meetingType.unknown');
  });
});
