import { beforeAll, describe, expect, test } from 'vitest';
import { toChinaLocal } from '@/server/issues/clock';
import { attendancePanel, markAttendance, signInByQr, signInOnline } from '@/server/meetings/attendance';
import { getMeetingView } from '@/server/meetings/read-meetings';
import { scheduleMeeting } from '@/server/meetings/schedule';
import { createUser } from '../../factories/accounts';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  const members = await createPeople(base.db, 5, new NameSource(59), { withPhone: false });
  const council = await createBody(base.db, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: base.jinyang.id,
    seats: 5,
    memberIds: members.map((p) => p.id),
  });
  const online = await createUser(base.db, { personId: members[0]!.id, phone: '13885910001', password: 'x-pass-1234', verified: true });
  const inRoom = await createUser(base.db, { personId: members[1]!.id, phone: '13885910002', password: 'x-pass-1234', verified: true });
  const outsider = await createUser(base.db, { name: '路人', phone: '13885910003', password: 'x-pass-1234', verified: true });
  const sec = await byUser(base.staff.jinyangSecretary.id, '刘书记');
  return { ...base, council, members, online, inRoom, outsider, sec };
}
beforeAll(async () => {
  w = await setup();
});

const now = toChinaLocal(new Date());
const meeting = (mode: 'IN_PERSON' | 'ONLINE' | 'BOTH', onlineUrl?: string) => ({
  kind: 'COUNCIL' as const,
  title: '议事会（线上线下）',
  communityId: w.jinyang.id,
  bodyId: w.council.id,
  location: '社区会议室',
  mode,
  onlineUrl,
  date: now.date,
  // Started a quarter of an hour ago: sign-in is open.
  startMinute: Math.max(0, now.minute - 15),
  durationMinutes: 120,
});

describe('online and hybrid meetings (decision 059)', () => {
  test('a hybrid or online meeting needs an https link; an in-person one keeps none', async () => {
    expect(await refusal(scheduleMeeting(w.sec, meeting('BOTH')))).toBe('meeting.onlineUrlNeeded');
    expect(await refusal(scheduleMeeting(w.sec, meeting('ONLINE', 'http://meeting.tencent.com/dm/x')))).toBe('meeting.onlineUrlHttps');
    const { id } = await scheduleMeeting(w.sec, meeting('IN_PERSON', 'https://meeting.tencent.com/dm/x'));
    expect((await w.db.meeting.findUniqueOrThrow({ where: { id } })).onlineUrl).toBeNull();
    // The database holds it too.
    await expect(w.db.meeting.update({ where: { id }, data: { onlineUrl: 'http://x.cn' } })).rejects.toThrow();
  });

  test('the link is shown to invitees and organisers only, never to the public or other residents', async () => {
    const { id } = await scheduleMeeting(w.sec, meeting('BOTH', 'https://meeting.tencent.com/dm/abc'));
    expect((await getMeetingView(await byUser(w.online.id), id))?.onlineUrl).toBe('https://meeting.tencent.com/dm/abc');
    expect((await getMeetingView(w.sec, id))?.onlineUrl).toBe('https://meeting.tencent.com/dm/abc');
    expect((await getMeetingView(await byUser(w.outsider.id), id))?.onlineUrl).toBeNull();
    expect((await getMeetingView(null, id))?.onlineUrl).toBeNull();
  });

  test('online and in-room attendance are counted apart (现场 / 线上) and together for the quorum', async () => {
    const { id } = await scheduleMeeting(w.sec, meeting('BOTH', 'https://meeting.tencent.com/dm/q'));
    const m = await w.db.meeting.findUniqueOrThrow({ where: { id } });
    await signInOnline(await byUser(w.online.id), id);
    await signInByQr(await byUser(w.inRoom.id), id, m.signInToken);
    await markAttendance(w.sec, id, w.members[2]!.id, true);
    expect(await attendancePanel(id)).toMatchObject({ expected: 5, present: 3, onSite: 1, online: 2, least: 3, met: true });
    expect(await refusal(signInOnline(await byUser(w.online.id), id))).toBe('meeting.alreadySignedIn');
    expect(await refusal(signInOnline(await byUser(w.outsider.id), id))).toBe('meeting.notInvited');
    const staffView = (await getMeetingView(w.sec, id))!.staff!.invitees;
    expect(staffView.filter((i) => i.online).length).toBe(2);
  });

  test('an in-person meeting takes no online sign-in', async () => {
    const { id } = await scheduleMeeting(w.sec, meeting('IN_PERSON'));
    expect(await refusal(signInOnline(await byUser(w.online.id), id))).toBe('meeting.notOnline');
    expect(await refusal(markAttendance(w.sec, id, w.members[3]!.id, true))).toBe('meeting.notOnline');
    expect(await w.db.attendance.count({ where: { meetingId: id } })).toBe(0);
  });
});
