import { beforeAll, describe, expect, test } from 'vitest';
import { toChinaLocal, fromChinaLocal } from '@/server/issues/clock';
import { attendancePanel, signInByQr } from '@/server/meetings/attendance';
import { addWalkIn, participantsOf, rosterPick } from '@/server/meetings/open';
import { calendarOf, personTimes } from '@/server/meetings/read-meetings';
import { scheduleMeeting } from '@/server/meetings/schedule';
import { refusal } from '../refusal';
import { partyDay, partyDayWorld } from './party-day-support';

let w: Awaited<ReturnType<typeof partyDayWorld>>;
beforeAll(async () => {
  w = await partyDayWorld();
});

/** An open 主题党日 of 欧城花园 starting now (the community's secretary schedules it: approved at once). */
async function openNow(title: string, open = true) {
  const now = toChinaLocal(new Date());
  const { id } = await scheduleMeeting(w.by.zhou, partyDay(w, { title, date: now.date, startMinute: now.minute, open }));
  return w.db.meeting.findUniqueOrThrow({ where: { id } });
}
const audits = (id: number, action: string) => w.db.auditLog.count({ where: { entityType: 'Meeting', entityId: String(id), action } });
const key = () => crypto.randomUUID();

describe('open meetings: residents sign in without an invitation, staff record walk-ins, 参与人次 (decision 067)', () => {
  test('a verified resident of the place signs in once; unverified, elsewhere and at a closed meeting are refused', async () => {
    const m = await openNow('开放式主题党日：签到');
    expect(m.open).toBe(true);
    await signInByQr(w.by.resident, m.id, m.signInToken);
    expect(await refusal(signInByQr(w.by.resident, m.id, m.signInToken))).toBe('meeting.alreadySignedIn');
    expect(await refusal(signInByQr(w.by.unverified, m.id, m.signInToken))).toBe('meetingOpen.unverified');
    expect(await refusal(signInByQr(w.by.elsewhere, m.id, m.signInToken))).toBe('meetingOpen.elsewhere');
    // An invited party member counts in 实到; the resident in 参与人次 only.
    await signInByQr(w.by.partyMember, m.id, m.signInToken);
    expect(await attendancePanel(m.id)).toMatchObject({ expected: 3, present: 1, participants: 1 });
    expect(await audits(m.id, 'meeting.signIn')).toBe(2);
    const closed = await openNow('不开放的主题党日', false);
    expect(closed.open).toBe(false);
    expect(await refusal(signInByQr(w.by.resident, closed.id, closed.signInToken))).toBe('meeting.notInvited');
  });

  test('the same resident signing in twice at once: one row', async () => {
    const m = await openNow('开放式主题党日：并发签到');
    const r = await Promise.all([
      refusal(signInByQr(w.by.neighbour, m.id, m.signInToken)),
      refusal(signInByQr(w.by.neighbour, m.id, m.signInToken)),
    ]);
    expect(r.sort()).toEqual(['meeting.alreadySignedIn', 'no refusal']);
    expect(await w.db.attendance.count({ where: { meetingId: m.id } })).toBe(1);
    expect(await audits(m.id, 'meeting.signIn')).toBe(1);
  });

  test('staff record walk-ins by name or from the roster; an empty name or someone from elsewhere is refused; a forged one changes nothing', async () => {
    const m = await openNow('开放式主题党日：来人登记');
    expect(await refusal(addWalkIn(w.by.zhou, m.id, { name: '   ', idempotencyKey: key() }))).toBe('meetingOpen.nameEmpty');
    expect(await refusal(addWalkIn(w.by.resident, m.id, { name: '张大爷', idempotencyKey: key() }))).toBe('auth.forbidden');
    expect(await refusal(addWalkIn(w.by.jinyang, m.id, { name: '张大爷', idempotencyKey: key() }))).toBe('auth.forbidden');
    expect(await w.db.attendance.count({ where: { meetingId: m.id } })).toBe(0);
    expect(await audits(m.id, 'meeting.walkIn')).toBe(0);
    const k = key();
    await addWalkIn(w.by.zhou, m.id, { name: ' 张大爷 ', idempotencyKey: k });
    // A double tap (the same form key) records one.
    expect(await addWalkIn(w.by.zhou, m.id, { name: '张大爷', idempotencyKey: k })).toEqual({ repeated: true });
    // The branch secretary picks a resident from the roster: building → person.
    const roster = await rosterPick(w.by.branch, m.id, w.b.buildings[0]!.id);
    expect(roster.people.map((p) => p.personId)).toContain(w.b.owners[2]!.id);
    await addWalkIn(w.by.branch, m.id, { personId: w.b.owners[3]!.id, idempotencyKey: key() });
    expect(await refusal(addWalkIn(w.by.branch, m.id, { personId: w.b.owners[3]!.id, idempotencyKey: key() }))).toBe(
      'meeting.alreadySignedIn',
    );
    expect(await refusal(addWalkIn(w.by.zhou, m.id, { personId: w.a.owners[1]!.id, idempotencyKey: key() }))).toBe(
      'meetingOpen.notResident',
    );
    expect(await attendancePanel(m.id)).toMatchObject({ present: 0, participants: 2 });
    expect(await participantsOf(m.id)).toEqual({
      residents: [expect.objectContaining({ name: w.b.owners[3]!.name, method: 'MANUAL' })],
      walkIns: [expect.objectContaining({ name: '张大爷' })],
    });
    expect(await audits(m.id, 'meeting.walkIn')).toBe(2);
    // Only at open meetings.
    const closed = await openNow('不开放的主题党日：来人', false);
    expect(await refusal(addWalkIn(w.by.zhou, closed.id, { name: '李阿姨', idempotencyKey: key() }))).toBe('meetingOpen.notOpen');
  });

  test('two taps of the same walk-in at once: one row', async () => {
    const m = await openNow('开放式主题党日：并发登记');
    const k = key();
    await Promise.all([
      addWalkIn(w.by.zhou, m.id, { name: '王阿姨', idempotencyKey: k }),
      addWalkIn(w.by.zhou, m.id, { name: '王阿姨', idempotencyKey: k }),
    ]);
    expect(await w.db.attendance.count({ where: { meetingId: m.id } })).toBe(1);
    expect(await audits(m.id, 'meeting.walkIn')).toBe(1);
  });

  test('a proposed meeting takes no walk-in; the calendar shows counts, never names; the yearly figures include residents and walk-ins', async () => {
    const now = toChinaLocal(new Date());
    const { id } = await scheduleMeeting(
      w.by.branch,
      partyDay(w, { title: '支部申报的主题党日', date: now.date, startMinute: now.minute }),
    );
    expect(await refusal(addWalkIn(w.by.branch, id, { name: '赵大姐', idempotencyKey: key() }))).toBe('meetingOpen.notApproved');
    const code = (await w.db.community.findUniqueOrThrow({ where: { id: w.tanghu.id } })).code;
    const y = Number(now.date.slice(0, 4));
    const cal = await calendarOf(code, y);
    expect(JSON.stringify(cal)).not.toContain('张大爷');
    expect(cal!.meetings.some((m) => m.id === id)).toBe(false);
    const stats = await personTimes(
      w.tanghu.id,
      fromChinaLocal({ date: `${y}-01-01`, minute: 0 }),
      fromChinaLocal({ date: `${y + 1}-01-01`, minute: 0 }),
    );
    const rows = await w.db.attendance.count({ where: { meeting: { communityId: w.tanghu.id, kind: 'PARTY_DAY' } } });
    expect(stats.PARTY_DAY?.personTimes).toBe(rows);
    expect(await w.db.attendance.count({ where: { meeting: { communityId: w.tanghu.id }, walkInName: { not: null } } })).toBeGreaterThan(0);
  });
});
