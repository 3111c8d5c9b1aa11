import { beforeAll, describe, expect, test } from 'vitest';
import { approveMeeting, proposalsWaiting, proposeAgain, returnedProposals, returnMeeting } from '@/server/meetings/approval';
import { signInByQr } from '@/server/meetings/attendance';
import { fromChinaLocal } from '@/server/issues/clock';
import { calendarOf, feedOf, getMeetingView, personTimes } from '@/server/meetings/read-meetings';
import { remindTomorrow, scheduleMeeting, scheduleSeries } from '@/server/meetings/schedule';
import { grantRole } from '../../factories/accounts';
import { byUser } from '../accounts/support';
import { refusal } from '../refusal';
import { inDays, partyDay, partyDayWorld } from './party-day-support';

let w: Awaited<ReturnType<typeof partyDayWorld>>;
beforeAll(async () => {
  w = await partyDayWorld();
});

const year = () => Number(inDays(10).slice(0, 4));
const onCalendar = async (id: number) => {
  const code = (await w.db.community.findUniqueOrThrow({ where: { id: w.tanghu.id } })).code;
  const cal = await calendarOf(code, year());
  const feed = await feedOf(code, `${year()}-01-01`, `${year() + 1}-12-31`);
  return { calendar: cal!.meetings.some((m) => m.id === id), feed: feed!.meetings.some((m) => m.id === id) };
};
const auditOf = (id: number, action: string) => w.db.auditLog.count({ where: { entityType: 'Meeting', entityId: String(id), action } });
const notices = (userId: number) => w.db.notification.count({ where: { userId, kind: 'meeting.invited' } });

describe('a branch proposes its 主题党日 (申报) and the community guides and approves it (decision 067)', () => {
  test('a proposal never has hosts: their members would be invited to a meeting not yet announced (a review found it)', async () => {
    const type = await w.db.meetingType.create({
      data: {
        districtId: w.b.compound.districtId,
        code: 'JOINT_PROPOSED',
        nameZh: '联合主题党日',
        nameEn: 'Joint party day',
        baseKind: 'JOINT',
        needsApproval: true,
      },
    });
    const body = await w.db.body.create({
      data: { kind: 'OWNERS_COMMITTEE', name: '联合测试业委会', communityId: w.tanghu.id, compoundId: w.b.compound.id },
    });
    const before = await w.db.meetingInvite.count();
    const asked = partyDay(w, { kind: 'JOINT', typeId: type.id, hosts: [{ partyOrgId: w.branch.id }, { bodyId: body.id }] });
    expect(await refusal(scheduleMeeting(w.by.branch, asked))).toBe('meetingApproval.noHosts');
    expect(await w.db.meetingInvite.count()).toBe(before);
    expect(await w.db.meeting.count({ where: { typeId: type.id } })).toBe(0);
  });

  test('proposed: its branch named, nobody invited or told, not on the calendar, feed or reminders, no sign-in, not public', async () => {
    const told = await notices(w.partyMember.id);
    const { id } = await scheduleMeeting(w.by.branch, partyDay(w, { date: inDays(1), startMinute: 10 * 60 }));
    const m = await w.db.meeting.findUniqueOrThrow({ where: { id } });
    expect(m).toMatchObject({ approval: 'PROPOSED', proposedByPartyOrgId: w.branch.id, open: true, approvedById: null });
    expect(await w.db.meetingInvite.count({ where: { meetingId: id } })).toBe(0);
    expect(await notices(w.partyMember.id)).toBe(told);
    expect(await onCalendar(id)).toEqual({ calendar: false, feed: false });
    // Tomorrow's reminders leave it out.
    expect((await remindTomorrow()).meetings).toBe(0);
    expect(await refusal(signInByQr(w.by.resident, id, m.signInToken))).toBe('meetingOpen.notApproved');
    expect(await getMeetingView(null, id)).toBeNull();
    expect(await getMeetingView(w.by.resident, id)).toBeNull();
    expect((await getMeetingView(w.by.branch, id))?.approval).toMatchObject({
      approval: 'PROPOSED',
      branch: '欧城花园党支部',
      decide: false,
    });
    expect((await getMeetingView(w.by.zhou, id))?.approval).toMatchObject({ decide: true });
    const desk = await proposalsWaiting(w.by.zhou);
    expect(desk.map((p) => p.id)).toContain(id);
    expect(await proposalsWaiting(w.by.jinyang)).toEqual([]);
  });

  test('approved with guidance: the branch’s members are invited and told, and it is announced; only meeting.approve there', async () => {
    const { id } = await scheduleMeeting(w.by.branch, partyDay(w, { title: '主题党日：学习新条例' }));
    // The branch secretary cannot approve its own proposal, nor can another community's secretary: nothing written.
    for (const by of [w.by.branch, w.by.jinyang, w.by.resident]) expect(await refusal(approveMeeting(by, id, '好'))).toBe('auth.forbidden');
    expect(await auditOf(id, 'meeting.approve')).toBe(0);
    expect((await w.db.meeting.findUniqueOrThrow({ where: { id } })).approval).toBe('PROPOSED');
    const told = await notices(w.partyMember.id);
    await approveMeeting(w.by.zhou, id, '  请结合小区实际，邀请居民参加。 ');
    const m = await w.db.meeting.findUniqueOrThrow({ where: { id } });
    expect(m).toMatchObject({ approval: 'APPROVED', approvalNote: '请结合小区实际，邀请居民参加。', approvedById: w.zhou.id });
    expect(m.approvedAt).not.toBeNull();
    // Three registered party members of the branch: 应到 3.
    expect(await w.db.meetingInvite.count({ where: { meetingId: id, member: true } })).toBe(3);
    expect(await notices(w.partyMember.id)).toBe(told + 1);
    expect(await onCalendar(id)).toEqual({ calendar: true, feed: true });
    expect(await auditOf(id, 'meeting.approve')).toBe(1);
    // Who approved it and the guidance: for those who run it and approve it, not the public page (a review found it public).
    expect((await getMeetingView(null, id))?.approval).toBeNull();
    expect((await getMeetingView(w.by.zhou, id))?.approval).toMatchObject({ approval: 'APPROVED', note: '请结合小区实际，邀请居民参加。' });
    expect(await refusal(approveMeeting(w.by.zhou, id, ''))).toBe('meetingApproval.notProposed');
  });

  test('returned with a reason (required); the branch changes it and proposes again', async () => {
    const { id } = await scheduleMeeting(w.by.branch, partyDay(w, { title: '主题党日：初稿' }));
    expect(await refusal(returnMeeting(w.by.zhou, id, '   '))).toBe('meetingApproval.reasonNeeded');
    expect(await refusal(returnMeeting(w.by.jinyang, id, '不行'))).toBe('auth.forbidden');
    expect(await auditOf(id, 'meeting.return')).toBe(0);
    await returnMeeting(w.by.zhou, id, '时间和社区活动冲突，请改到下午。');
    expect(await w.db.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({
      approval: 'RETURNED',
      approvalNote: '时间和社区活动冲突，请改到下午。',
    });
    expect((await getMeetingView(w.by.branch, id))?.approval).toMatchObject({
      approval: 'RETURNED',
      note: '时间和社区活动冲突，请改到下午。',
    });
    expect(await onCalendar(id)).toEqual({ calendar: false, feed: false });
    // The branch finds it on its desk; another community's staff do not.
    expect((await returnedProposals(w.by.branch)).map((p) => p.id)).toContain(id);
    expect((await returnedProposals(w.by.jinyang)).map((p) => p.id)).not.toContain(id);
    const startsAt = fromChinaLocal({ date: inDays(12), minute: 15 * 60 });
    // Someone who does not run meetings there cannot propose it again.
    expect(await refusal(proposeAgain(w.by.resident, id, { title: 'x', location: 'y', startsAt }))).toBe('auth.forbidden');
    await proposeAgain(w.by.branch, id, { title: '主题党日：改到下午', location: '欧城花园广场', startsAt });
    expect(await w.db.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({
      approval: 'PROPOSED',
      title: '主题党日：改到下午',
      startsAt,
    });
    expect(await auditOf(id, 'meeting.propose')).toBe(1);
    expect((await returnedProposals(w.by.branch)).map((p) => p.id)).not.toContain(id);
    expect(await refusal(proposeAgain(w.by.branch, id, { title: 'x', location: 'y', startsAt }))).toBe('meetingApproval.notReturned');
  });

  test('staff scheduling a 主题党日 themselves approve it at once, as its approver', async () => {
    const { id } = await scheduleMeeting(w.by.zhou, partyDay(w, { title: '社区组织的主题党日' }));
    expect(await w.db.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({
      approval: 'APPROVED',
      approvedById: w.zhou.id,
      proposedByPartyOrgId: w.branch.id,
    });
    expect(await w.db.meetingInvite.count({ where: { meetingId: id } })).toBe(3);
    expect((await onCalendar(id)).calendar).toBe(true);
  });

  test('a branch secretary who also chairs the owners’ committee still proposes', async () => {
    await grantRole(w.db, w.secretary.id, 'OWNERS_COMMITTEE_CHAIR', 'COMPOUND', w.b.compound.id);
    const { id } = await scheduleMeeting(await byUser(w.secretary.id, '王支书'), partyDay(w, { title: '主题党日：兼任业委会主任' }));
    expect((await w.db.meeting.findUniqueOrThrow({ where: { id } })).approval).toBe('PROPOSED');
  });

  test('a branch secretary who is no secretary of a branch there cannot propose', async () => {
    await w.db.partyOrgMember.updateMany({ where: { personId: w.secretary.personId }, data: { endsOn: new Date('2025-01-01') } });
    try {
      expect(await refusal(scheduleMeeting(w.by.branch, partyDay(w)))).toBe('meetingApproval.noBranch');
    } finally {
      await w.db.partyOrgMember.updateMany({ where: { personId: w.secretary.personId }, data: { endsOn: null } });
    }
  });

  test('a quarterly series is proposed as a whole and approving one approves the series’ proposals', async () => {
    const input = {
      ...partyDay(w, { title: '每季度开放式主题党日' }),
      rule: { freq: 'QUARTERLY' as const, monthDays: [15] },
      from: inDays(1),
      shiftOffHolidays: false,
    };
    const s = await scheduleSeries(w.by.branch, input);
    const rows = await w.db.meeting.findMany({ where: { seriesId: s.id }, orderBy: { startsAt: 'asc' } });
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => r.approval === 'PROPOSED' && r.open)).toBe(true);
    const line = (await proposalsWaiting(w.by.zhou)).find((p) => p.id === rows[0]!.id);
    expect(line?.meetings).toBe(rows.length);
    expect((await getMeetingView(w.by.zhou, rows[0]!.id))?.approval?.inSeries).toBe(rows.length);
    const r = await approveMeeting(w.by.zhou, rows[1]!.id, '');
    expect(r.meetings).toBe(rows.length);
    const after = await w.db.meeting.findMany({ where: { seriesId: s.id } });
    expect(after.every((m) => m.approval === 'APPROVED' && m.approvalNote === null)).toBe(true);
    expect(await w.db.meetingInvite.count({ where: { meetingId: { in: rows.map((x) => x.id) } } })).toBe(3 * rows.length);
    expect((await proposalsWaiting(w.by.zhou)).find((p) => p.id === rows[0]!.id)).toBeUndefined();
  });

  test('approve and return at once: one wins, the other is refused, one audit row', async () => {
    const { id } = await scheduleMeeting(w.by.branch, partyDay(w, { title: '主题党日：并发' }));
    const results = await Promise.all([refusal(approveMeeting(w.by.zhou, id, '')), refusal(returnMeeting(w.by.zhou, id, '请修改'))]);
    expect(results.filter((x) => x === 'no refusal')).toHaveLength(1);
    expect(results.filter((x) => x === 'meetingApproval.notProposed')).toHaveLength(1);
    const m = await w.db.meeting.findUniqueOrThrow({ where: { id } });
    expect(m.approval).toBe(results[0] === 'no refusal' ? 'APPROVED' : 'RETURNED');
    expect((await auditOf(id, 'meeting.approve')) + (await auditOf(id, 'meeting.return'))).toBe(1);
    // Two approvals at once: one wins.
    const { id: id2 } = await scheduleMeeting(w.by.branch, partyDay(w, { title: '主题党日：两次同意' }));
    const twice = await Promise.all([refusal(approveMeeting(w.by.zhou, id2, '')), refusal(approveMeeting(w.by.zhou, id2, ''))]);
    expect(twice.sort()).toEqual(['meetingApproval.notProposed', 'no refusal']);
    expect(await w.db.meetingInvite.count({ where: { meetingId: id2 } })).toBe(3);
    // The yearly figures leave proposals out and count announced meetings.
    const y = year();
    const stats = await personTimes(
      w.tanghu.id,
      fromChinaLocal({ date: `${y}-01-01`, minute: 0 }),
      fromChinaLocal({ date: `${y + 1}-01-01`, minute: 0 }),
    );
    expect(stats.PARTY_DAY?.meetings).toBeGreaterThan(0);
  });
});
