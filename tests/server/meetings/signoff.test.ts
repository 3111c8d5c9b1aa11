import { beforeAll, describe, expect, test } from 'vitest';
import { advanceMinutes, saveMinutes } from '@/server/meetings/records';
import { scheduleMeeting } from '@/server/meetings/schedule';
import { signOffMinutes, signoffView } from '@/server/meetings/signoff';
import { byUser } from '../accounts/support';
import { refusal } from '../refusal';
import { jointWorld } from './joint-support';

let w: Awaited<ReturnType<typeof jointWorld>>;
beforeAll(async () => {
  w = await jointWorld();
});

/** A joint meeting with circulated minutes; its hosts in order: branch, owners' committee, supervisory committee. */
async function circulated() {
  const by = await byUser(w.manager.id);
  const { id } = await scheduleMeeting(by, w.joint());
  await saveMinutes(by, id, '会议议定：维修电梯。');
  await advanceMinutes(by, id, 'CIRCULATED');
  const hosts = await w.db.meetingHost.findMany({ where: { meetingId: id }, orderBy: { id: 'asc' } });
  return { id, hosts: hosts.map((h) => h.id) as [number, number, number] };
}
const signoffs = (id: number) => w.db.minutesSignoff.count({ where: { minutes: { meetingId: id } } });
const audits = (id: number) => w.db.auditLog.count({ where: { action: 'meeting.signoff', entityId: String(id) } });

describe('minutes of a joint meeting signed off by each host', () => {
  test('the chair signs; staff sign 代签 on a chair’s behalf; the last sign-off approves the minutes', async () => {
    const { id, hosts } = await circulated();
    // The branch secretary chairs the branch (SECRETARY) and the committee (its first member, CHAIR).
    expect(await signOffMinutes(await byUser(w.secretary.id), id, hosts[0])).toEqual({ approved: false, onBehalf: false });
    expect(await signOffMinutes(await byUser(w.secretary.id), id, hosts[1])).toEqual({ approved: false, onBehalf: false });
    const view = await signoffView(await byUser(w.supervisor.id), id);
    expect(view.map((h) => [h.name, !!h.signed, h.maySign])).toEqual([
      ['欧城花园党支部', true, false],
      ['欧城花园业主委员会', true, false],
      ['欧城花园业主监事会', false, true], // its VICE_CHAIR, as no CHAIR is in force
    ]);
    expect((await w.db.minutes.findUniqueOrThrow({ where: { meetingId: id } })).status).toBe('CIRCULATED');
    // The street's staff sign for the supervisory committee: recorded as theirs, shown as 代签; the minutes are approved.
    expect(await signOffMinutes(await byUser(w.manager.id), id, hosts[2])).toEqual({ approved: true, onBehalf: true });
    const min = await w.db.minutes.findUniqueOrThrow({ where: { meetingId: id }, include: { signoffs: true } });
    expect(min.status).toBe('APPROVED');
    expect(min.approvedAt).not.toBeNull();
    expect(min.signoffs.find((s) => s.hostId === hosts[2])!.signedById).toBe(w.manager.id);
    expect((await signoffView(null, id)).map((h) => h.signed?.onBehalf)).toEqual([false, false, true]);
    expect(await w.db.auditLog.count({ where: { action: 'minutes.approved', entityId: String(id) } })).toBe(1);
    expect(await audits(id)).toBe(3);
  });

  test('not a chair, another host’s chair, a second sign-off, minutes not circulated: refused, nothing written', async () => {
    const by = await byUser(w.manager.id);
    const draft = await scheduleMeeting(by, w.joint());
    await saveMinutes(by, draft.id, '草稿纪要内容。');
    const draftHost = (await w.db.meetingHost.findFirstOrThrow({ where: { meetingId: draft.id } })).id;
    expect(await refusal(signOffMinutes(by, draft.id, draftHost))).toBe('meeting.minutesNotCirculated');

    const { id, hosts } = await circulated();
    // Approving by the minutes' own button is not for a joint meeting: its hosts sign off.
    expect(await refusal(advanceMinutes(by, id, 'APPROVED'))).toBe('meetingHosts.signoffNeeded');
    expect(await refusal(signOffMinutes(await byUser(w.member.id), id, hosts[1]))).toBe('meetingHosts.notChair');
    expect(await refusal(signOffMinutes(await byUser(w.supervisor.id), id, hosts[0]))).toBe('meetingHosts.notChair');
    expect(await refusal(signOffMinutes(await byUser(w.wuhouSecretary.id), id, hosts[0]))).toBe('meetingHosts.notChair');
    // A host of another meeting is not this meeting's.
    expect(await refusal(signOffMinutes(await byUser(w.secretary.id), id, draftHost))).toBe('auth.forbidden');
    expect(await signoffs(id)).toBe(0);
    expect(await audits(id)).toBe(0);
    await signOffMinutes(await byUser(w.secretary.id), id, hosts[0]);
    expect(await refusal(signOffMinutes(by, id, hosts[0]))).toBe('meetingHosts.signedAlready');
    expect(await signoffs(id)).toBe(1);
    expect(await audits(id)).toBe(1);
  });

  test('the same host twice at once: one sign-off; the last two hosts at once: both counted, the minutes approved', async () => {
    const { id, hosts } = await circulated();
    const sec = await byUser(w.secretary.id);
    const results = await Promise.all([refusal(signOffMinutes(sec, id, hosts[0])), refusal(signOffMinutes(sec, id, hosts[0]))]);
    expect(results.sort()).toEqual(['meetingHosts.signedAlready', 'no refusal']);
    expect(await signoffs(id)).toBe(1);
    await Promise.all([signOffMinutes(sec, id, hosts[1]), signOffMinutes(await byUser(w.supervisor.id), id, hosts[2])]);
    expect(await signoffs(id)).toBe(3);
    expect((await w.db.minutes.findUniqueOrThrow({ where: { meetingId: id } })).status).toBe('APPROVED');
    expect(await w.db.auditLog.count({ where: { action: 'minutes.approved', entityId: String(id) } })).toBe(1);
  });
});
