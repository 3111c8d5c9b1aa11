import { beforeAll, describe, expect, test } from 'vitest';
import { ensureIssueCategories } from '@/server/issues/categories';
import { fromChinaLocal, toChinaLocal } from '@/server/issues/clock';
import { attendancePanel, markAttendance, signInByQr } from '@/server/meetings/attendance';
import { advanceMinutes, logVisit, publishMinutes, saveMinutes } from '@/server/meetings/records';
import { remindTomorrow, scheduleMeeting, scheduleSeries } from '@/server/meetings/schedule';
import { listInbox } from '@/server/issues/read-issues';
import { renderEmail } from '@/server/mail/outbox';
import { createStaff, createUser } from '../../factories/accounts';
import { createMeeting } from '../../factories/meetings';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  await ensureIssueCategories(base.db);
  const members = await createPeople(base.db, 37, new NameSource(21), { withPhone: false });
  const council = await createBody(base.db, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: base.jinyang.id,
    seats: 37,
    memberIds: members.map((p) => p.id),
  });
  const member = await createUser(base.db, { personId: members[0]!.id, phone: '13855550001', password: 'x-pass-1234', verified: true });
  const outsider = await createUser(base.db, { name: '路人', phone: '13855550002', password: 'x-pass-1234', verified: true });
  const branch = await createStaff(base.db, {
    name: '北苑支部书记',
    phone: '13855550003',
    password: 'staff-pass-1',
    role: 'BRANCH_SECRETARY',
    placeLevel: 'COMPOUND',
    placeId: base.a.compound.id,
  });
  return { ...base, council, members, member, outsider, branch };
}
beforeAll(async () => {
  w = await setup();
});
const today = () => toChinaLocal(new Date()).date;
const inDays = (n: number) => toChinaLocal(new Date(Date.now() + n * 86_400_000)).date;

describe('scheduling', () => {
  test('reception days on the 6th and 26th for the year ahead, moved off holidays; only those who run meetings there', async () => {
    const { db, a, branch, staff } = w;
    const series = {
      kind: 'RECEPTION_DAY' as const,
      title: '北苑业主接待日',
      communityId: a.compound.communityId,
      compoundId: a.compound.id,
      location: '物业服务中心',
      mode: 'IN_PERSON' as const,
      startMinute: 540,
      durationMinutes: 180,
      rule: { freq: 'MONTHLY' as const, monthDays: [6, 26] },
      from: today(),
      shiftOffHolidays: true,
    };
    const { id, meetings } = await scheduleSeries(await byUser(branch.id, '北苑支部书记'), series);
    expect(meetings).toBeGreaterThanOrEqual(22);
    const dates = (await db.meeting.findMany({ where: { seriesId: id }, select: { startsAt: true } })).map((m) => toChinaLocal(m.startsAt));
    // Each on a working day, at 09:00.
    expect(dates.every((d) => d.minute === 540 && ![0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()))).toBe(true);
    expect(await refusal(scheduleSeries(await byUser(staff.dongshengStreet.id), series))).toBe('auth.forbidden');
  });

  test('an owners’ assembly needs 15 days’ notice: too late is refused with the earliest date', async () => {
    const { a, staff } = w;
    const input = {
      kind: 'OWNERS_ASSEMBLY' as const,
      title: '业主大会',
      communityId: a.compound.communityId,
      compoundId: a.compound.id,
      location: '小区广场',
      mode: 'IN_PERSON' as const,
      startMinute: 540,
      durationMinutes: 120,
    };
    const sec = await byUser(staff.jinyangSecretary.id);
    expect(await refusal(scheduleMeeting(sec, { ...input, date: inDays(10) }))).toBe('meeting.noticeTooShort');
    expect((await scheduleMeeting(sec, { ...input, date: inDays(16) })).id).toBeGreaterThan(0);
  });
});

describe('S4: a council meeting’s sign-in shows 应到/实到 and the quorum', () => {
  test('members sign in once by QR while it runs; others cannot; the secretary marks the rest; 19 of 37 is a quorum', async () => {
    const { council, member, outsider, members, staff, jinyang } = w;
    const m = await createMeeting(w.db, {
      kind: 'COUNCIL',
      title: '议事会例会',
      communityId: jinyang.id,
      bodyId: council.id,
      startsAt: new Date(Date.now() - 5 * 60_000),
      minutes: 120,
      location: '党群服务中心',
      createdById: staff.jinyangSecretary.id,
    });
    expect(await refusal(signInByQr(await byUser(member.id), m.id, 'wrong'))).toBe('meeting.badCode');
    await signInByQr(await byUser(member.id, '成员'), m.id, m.signInToken);
    expect(await refusal(signInByQr(await byUser(member.id), m.id, m.signInToken))).toBe('meeting.alreadySignedIn');
    expect(await refusal(signInByQr(await byUser(outsider.id), m.id, m.signInToken))).toBe('meeting.notInvited');
    expect(await attendancePanel(m.id)).toMatchObject({ expected: 37, present: 1, least: 19, met: false });
    const sec = await byUser(staff.jinyangSecretary.id, '刘书记');
    for (const p of members.slice(1, 19)) await markAttendance(sec, m.id, p.id);
    expect(await attendancePanel(m.id)).toMatchObject({ expected: 37, present: 19, met: true });
    expect(await refusal(markAttendance(await byUser(staff.dongshengStreet.id), m.id, members[20]!.id))).toBe('auth.forbidden');
    // A meeting that has not opened yet takes no sign-in.
    const later = await createMeeting(w.db, {
      kind: 'COUNCIL',
      title: '下次例会',
      communityId: jinyang.id,
      bodyId: council.id,
      startsAt: new Date(Date.now() + 2 * 3_600_000),
      minutes: 120,
      location: '党群服务中心',
      createdById: staff.jinyangSecretary.id,
    });
    expect(await refusal(signInByQr(await byUser(member.id), later.id, later.signInToken))).toBe('meeting.signInClosed');
  });
});

describe('minutes and visits', () => {
  test('minutes are drafted, circulated, approved — then frozen — and published on the board', async () => {
    const { db, council, staff, jinyang } = w;
    const m = await createMeeting(db, {
      kind: 'COUNCIL',
      title: '十一月议事会',
      communityId: jinyang.id,
      bodyId: council.id,
      startsAt: new Date(Date.now() - 3 * 3_600_000),
      minutes: 60,
      location: '党群服务中心',
      createdById: staff.jinyangSecretary.id,
    });
    const sec = await byUser(staff.jinyangSecretary.id, '刘书记');
    expect(await refusal(advanceMinutes(sec, m.id, 'APPROVED'))).toBe('meeting.noMinutes');
    await saveMinutes(sec, m.id, '一、审议北苑后门维修项目，同意提交路演。');
    expect(await refusal(advanceMinutes(sec, m.id, 'APPROVED'))).toBe('meeting.minutesNotCirculated');
    expect(await refusal(publishMinutes(sec, m.id))).toBe('meeting.minutesNotApproved');
    await advanceMinutes(sec, m.id, 'CIRCULATED');
    await advanceMinutes(sec, m.id, 'APPROVED');
    expect(await refusal(saveMinutes(sec, m.id, '改一改'))).toBe('meeting.minutesApproved');
    const { noticeId } = await publishMinutes(sec, m.id);
    expect((await db.notice.findUniqueOrThrow({ where: { id: noticeId } })).kind).toBe('MINUTES');
    expect(await refusal(publishMinutes(sec, m.id))).toBe('meeting.minutesPublished');
  });

  test('a reception day’s two visits: one logged, one raised as an issue for the visitor in one step', async () => {
    const { db, a, branch } = w;
    const b = await byUser(branch.id, '北苑支部书记');
    const m = await createMeeting(db, {
      kind: 'RECEPTION_DAY',
      title: '北苑业主接待日',
      communityId: a.compound.communityId,
      compoundId: a.compound.id,
      startsAt: new Date(),
      minutes: 180,
      location: '物业服务中心',
      createdById: branch.id,
    });
    const category = await db.issueCategory.findFirstOrThrow({ where: { code: 'FACILITIES', districtId: null } });
    await logVisit(b, m.id, { name: '赵阿姨', matter: '咨询停车费标准' });
    const { issueId } = await logVisit(b, m.id, {
      name: '钱大爷',
      phone: '13755557777',
      matter: '2栋楼道灯坏了一个多月',
      issue: { categoryId: category.id, compoundId: a.compound.id, title: '2栋楼道灯坏了', idempotencyKey: 'visit-key-0001-0001' },
    });
    const issue = await db.issue.findUniqueOrThrow({ where: { id: issueId! } });
    expect([issue.channel, issue.reporterName, issue.enteredById]).toEqual(['STAFF_ENTRY', '钱大爷', branch.id]);
    expect(await db.visit.count({ where: { meetingId: m.id } })).toBe(2);
    const council = await createMeeting(db, {
      kind: 'COUNCIL',
      title: 'x',
      communityId: a.compound.communityId,
      startsAt: new Date(),
      minutes: 60,
      location: 'x',
      createdById: branch.id,
    });
    expect(await refusal(logVisit(await byUser(w.staff.jinyangSecretary.id), council.id, { name: 'x', matter: 'xxxxx' }))).toBe(
      'meeting.notReception',
    );
  });

  test('invitees are reminded the day before, once', async () => {
    const { db, council, member, staff, jinyang } = w;
    const tomorrow = fromChinaLocal({ date: inDays(1), minute: 15 * 60 });
    await createMeeting(db, {
      kind: 'COUNCIL',
      title: '明天的议事会',
      communityId: jinyang.id,
      bodyId: council.id,
      startsAt: tomorrow,
      minutes: 60,
      location: '党群服务中心',
      createdById: staff.jinyangSecretary.id,
    });
    const first = await remindTomorrow();
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await remindTomorrow()).reminded).toBe(0);
    const reminder = (await listInbox(member.id)).items.find((n) => n.kind === 'meeting.reminder');
    // It leads to the meeting, in the inbox and in the e-mail copy.
    expect(reminder?.link).toMatch(/^\/meetings\/\d+$/);
    expect(renderEmail(reminder!, 'https://yishi.example').text).toContain(`https://yishi.example${reminder!.link}`);
  });
});
