import { beforeAll, describe, expect, test } from 'vitest';
import { attendancePanelFor } from '@/server/meetings/attendance';
import { getMeetingView } from '@/server/meetings/read-meetings';
import { createUser } from '../../factories/accounts';
import { createMeeting } from '../../factories/meetings';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

/** Who reads a meeting's attendance figures and its agenda's outcomes (decision 031). */
let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  const members = await createPeople(base.db, 3, new NameSource(41), { withPhone: false });
  const council = await createBody(base.db, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: base.jinyang.id,
    memberIds: members.map((p) => p.id),
  });
  const member = await createUser(base.db, { personId: members[0]!.id, phone: '13856660001', password: 'x-pass-1234', verified: true });
  const resident = await createUser(base.db, { name: '路人', phone: '13856660002', password: 'x-pass-1234', verified: true });
  return { ...base, council, member, resident };
}
beforeAll(async () => {
  w = await setup();
});

async function councilMeeting() {
  const { db, jinyang, council, staff } = w;
  const m = await createMeeting(db, {
    kind: 'COUNCIL',
    title: '议事会例会',
    communityId: jinyang.id,
    bodyId: council.id,
    startsAt: new Date(Date.now() - 5 * 60_000),
    minutes: 120,
    location: '党群服务中心',
    createdById: staff.jinyangSecretary.id,
  });
  await db.agendaItem.create({ data: { meetingId: m.id, position: 1, title: '北苑后门', discussion: '三人反对', outcome: '同意开门' } });
  return m;
}

describe('the attendance figures: organisers and invited members only', () => {
  test('another street’s staff and a resident who is not invited are refused; the organiser and a member read them', async () => {
    const m = await councilMeeting();
    expect(await refusal(attendancePanelFor(await byUser(w.staff.dongshengStreet.id), m.id))).toBe('auth.forbidden');
    expect(await refusal(attendancePanelFor(await byUser(w.resident.id), m.id))).toBe('auth.forbidden');
    expect((await attendancePanelFor(await byUser(w.staff.jinyangSecretary.id), m.id)).expected).toBe(3);
    expect((await attendancePanelFor(await byUser(w.member.id), m.id)).present).toBe(0);
  });
});

describe('agenda outcomes: public once the minutes are published', () => {
  test('a visitor and a resident see the agenda’s titles only until the minutes are approved; the organiser sees all', async () => {
    const m = await councilMeeting();
    const outcomes = async (v: Awaited<ReturnType<typeof getMeetingView>>) => v?.agenda.map((a) => [a.title, a.discussion, a.outcome]);
    expect(await outcomes(await getMeetingView(null, m.id))).toEqual([['北苑后门', null, null]]);
    expect(await outcomes(await getMeetingView(await byUser(w.resident.id), m.id))).toEqual([['北苑后门', null, null]]);
    expect(await outcomes(await getMeetingView(await byUser(w.staff.jinyangSecretary.id), m.id))).toEqual([
      ['北苑后门', '三人反对', '同意开门'],
    ]);
    expect((await getMeetingView(null, m.id))?.panel).toBeNull();
    await w.db.minutes.create({
      data: { meetingId: m.id, body: '纪要', status: 'APPROVED', updatedById: w.staff.jinyangSecretary.id, approvedAt: new Date() },
    });
    expect(await outcomes(await getMeetingView(null, m.id))).toEqual([['北苑后门', '三人反对', '同意开门']]);
  });
});
