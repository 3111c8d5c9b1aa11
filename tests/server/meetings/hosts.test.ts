import { beforeAll, describe, expect, test } from 'vitest';
import { markAttendance } from '@/server/meetings/attendance';
import { hostsPanel, hostsPanelFor } from '@/server/meetings/hosts';
import { scheduleMeeting, scheduleSeries } from '@/server/meetings/schedule';
import { byUser, inDays } from '../accounts/support';
import { refusal } from '../refusal';
import { jointWorld } from './joint-support';

let w: Awaited<ReturnType<typeof jointWorld>>;
beforeAll(async () => {
  w = await jointWorld();
});

describe('scheduling a joint meeting', () => {
  test('each host’s members are frozen; the union is invited once as members (应到 = 10, not 11)', async () => {
    const { id } = await scheduleMeeting(await byUser(w.manager.id), w.joint());
    const hosts = await w.db.meetingHost.findMany({ where: { meetingId: id }, include: { members: true }, orderBy: { id: 'asc' } });
    expect(hosts.map((h) => h.members.length)).toEqual([3, 5, 3]);
    const invites = await w.db.meetingInvite.findMany({ where: { meetingId: id } });
    expect(invites).toHaveLength(10);
    expect(invites.every((i) => i.member)).toBe(true);
    expect(invites.filter((i) => i.personId === w.ids.sec)).toHaveLength(1);
    const m = await w.db.meeting.findUniqueOrThrow({ where: { id } });
    expect(m.bodyId).toBeNull();
    expect(await w.db.auditLog.count({ where: { action: 'meeting.schedule', entityId: String(id) } })).toBe(1);
  });

  test('a series held jointly names its hosts on the series and on every meeting', async () => {
    const input = w.joint();
    const s = await scheduleSeries(await byUser(w.manager.id), {
      ...input,
      from: inDays(1),
      rule: { freq: 'MONTHLY', monthDays: [16] },
      shiftOffHolidays: false,
    });
    expect(await w.db.meetingHost.count({ where: { seriesId: s.id } })).toBe(3);
    const meetings = await w.db.meeting.findMany({ where: { seriesId: s.id }, select: { id: true } });
    expect(meetings.length).toBeGreaterThan(0);
    expect(await w.db.meetingHost.count({ where: { meetingId: { in: meetings.map((m) => m.id) } } })).toBe(3 * meetings.length);
    expect(await w.db.meetingInvite.count({ where: { meetingId: meetings[0]!.id } })).toBe(10);
  });

  test('one host, a body with a joint meeting, hosts for another kind, a host elsewhere: refused, nothing written', async () => {
    const by = await byUser(w.manager.id);
    const before = await w.db.meeting.count();
    expect(await refusal(scheduleMeeting(by, w.joint({ hosts: [w.hosts[0]] })))).toBe('meetingHosts.tooFew');
    expect(await refusal(scheduleMeeting(by, w.joint({ hosts: [w.hosts[1], w.hosts[1]] })))).toBe('meetingHosts.tooFew');
    expect(await refusal(scheduleMeeting(by, w.joint({ bodyId: w.committee.id })))).toBe('meetingHosts.noBody');
    expect(await refusal(scheduleMeeting(by, w.joint({ kind: 'CONSULTATION' })))).toBe('meetingHosts.onlyJoint');
    expect(await refusal(scheduleMeeting(by, w.joint({ hosts: [w.hosts[0], { bodyId: w.elsewhere.id }] })))).toBe('meetingHosts.elsewhere');
    expect(await refusal(scheduleMeeting(by, w.joint({ hosts: [w.hosts[0], { bodyId: 999_999 }] })))).toBe('meetingHosts.elsewhere');
    // Someone who does not run meetings there is refused first.
    expect(await refusal(scheduleMeeting(await byUser(w.wuhouSecretary.id), w.joint()))).toBe('auth.forbidden');
    expect(await w.db.meeting.count()).toBe(before);
  });

  test('two taps with one key schedule one meeting', async () => {
    const by = await byUser(w.manager.id);
    const key = 'aaaaaaaa-1111-2222-3333-444444444444';
    const [a, b] = await Promise.all([
      scheduleMeeting(by, w.joint({ idempotencyKey: key })),
      scheduleMeeting(by, w.joint({ idempotencyKey: key })),
    ]);
    expect(a.id).toBe(b.id);
    expect(await w.db.meetingHost.count({ where: { meetingId: a.id } })).toBe(3);
  });
});

describe('the hosts panel: each host its own 应到, 实到 and quorum', () => {
  test('实到 per host counts its frozen members who signed in; quorate when every host is', async () => {
    const by = await byUser(w.manager.id);
    const { id } = await scheduleMeeting(by, w.joint());
    let p = await hostsPanel(id);
    expect(p.hosts.map((h) => [h.name, h.expected, h.present, h.least, h.met])).toEqual([
      ['欧城花园党支部', 3, 0, 2, false],
      ['欧城花园业主委员会', 5, 0, 3, false],
      ['欧城花园业主监事会', 3, 0, 2, false],
    ]);
    // The secretary is in the branch and the committee: one sign-in counts for both.
    const [sec, p1, , c1, c2, , , s1, s2] = w.people.map((x) => x.id);
    for (const person of [sec!, p1!, c1!, c2!, s1!]) await markAttendance(by, id, person);
    p = await hostsPanel(id);
    expect(p.hosts.map((h) => [h.present, h.met])).toEqual([
      [2, true],
      [3, true],
      [1, false],
    ]);
    expect(p.allMet).toBe(false);
    await markAttendance(by, id, s2!);
    expect((await hostsPanel(id)).allMet).toBe(true);
  });

  test('read by its organisers and invitees only', async () => {
    const { id } = await scheduleMeeting(await byUser(w.manager.id), w.joint());
    expect((await hostsPanelFor(await byUser(w.member.id), id)).hosts).toHaveLength(3);
    expect(await refusal(hostsPanelFor(await byUser(w.wuhouSecretary.id), id))).toBe('auth.forbidden');
  });
});
