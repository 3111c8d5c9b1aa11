import { beforeAll, describe, expect, test } from 'vitest';
import { runReminderPass } from '@/server/notifications/reminders';
import { remindTomorrow } from '@/server/meetings/schedule';
import { castBallot } from '@/server/votes/ballots';
import { ensureProcedures } from '@/server/topics/procedures';
import { openMotion } from '@/server/topics/motions';
import { createStaff, createVerifiedResident, quickHash } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { createMeeting } from '../../factories/meetings';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { createTopicWithHistory } from '../../factories/topics';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';

const HOUR = 3600_000;
let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureProcedures(db);
  const names = new NameSource(57);
  const jinyang = await communityByCode(db, '510107009003');
  const tanghu = await communityByCode(db, '510116001001');
  const members = await createPeople(db, 4, names, { withPhone: false });
  await createBody(db, { kind: 'COMMUNITY_COUNCIL', name: '晋阳社区议事会', communityId: jinyang.id, memberIds: members.map((p) => p.id) });
  const hash = quickHash('x-pass-1234');
  await db.user.createMany({
    data: members.map((p, i) => ({
      phone: `1387${String(i).padStart(7, '0')}`,
      passwordHash: hash,
      personId: p.id,
      verifiedAt: new Date(),
    })),
  });
  const voters = await db.user.findMany({ where: { personId: { in: members.map((p) => p.id) } }, orderBy: { personId: 'asc' } });
  const secretary = await createStaff(db, {
    name: '刘书记',
    phone: '13879990001',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const here = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '提醒小区',
    buildings: [{ name: '1栋', floors: 1, perFloor: 2, areasCentiM2: [9000] }],
  });
  const there = await createPopulatedCompound(db, names, {
    communityId: tanghu.id,
    name: '别处小区',
    buildings: [{ name: '1栋', floors: 1, perFloor: 1, areasCentiM2: [9000] }],
  });
  const resident = await createVerifiedResident(db, {
    personId: here.owners[0]!.id,
    phone: '13879990002',
    password: 'x-pass-1234',
    householdId: here.households[0]!.id,
  });
  const elsewhere = await createVerifiedResident(db, {
    personId: there.owners[0]!.id,
    phone: '13879990003',
    password: 'x-pass-1234',
    householdId: there.households[0]!.id,
  });
  return { db, jinyang, voters, secretary, here, resident, elsewhere };
}
beforeAll(async () => {
  w = await setup();
});

/** An electronic vote of the council, closing after `hours`. */
async function openVote(hours: number) {
  const { db, jinyang, secretary } = w;
  const t = await createTopicWithHistory(db, {
    procedureCode: 'COURTYARD_ROADSHOW',
    title: `充电棚 ${hours}`,
    description: 'x',
    communityId: jinyang.id,
    by: { userId: secretary.id, label: '刘书记' },
    stepIndex: 3,
    createdAt: new Date(),
    stepDueAt: new Date(),
  });
  const m = await db.$transaction((tx) =>
    openMotion(
      tx,
      { ...t, assemblyMatter: null },
      3,
      { kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' },
      { kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } },
    ),
  );
  await db.motion.update({ where: { id: m.id }, data: { mode: 'ELECTRONIC', closesAt: new Date(Date.now() + hours * HOUR) } });
  return m;
}

const received = async (kind: string, onceKey: string) =>
  (await w.db.notification.findMany({ where: { kind, onceKey }, select: { userId: true }, orderBy: { userId: 'asc' } })).map(
    (n) => n.userId,
  );

describe('votes: reminders reach only those on the roll who have not voted, once', () => {
  test('closing soon: two passes at once write one reminder per non-voter, none to the voter; a third pass writes nothing', async () => {
    const m = await openVote(10);
    await castBallot(await byUser(w.voters[0]!.id), m.id, 'FOR');
    const [a, b] = await Promise.all([runReminderPass(), runReminderPass()]);
    expect(a.votes + b.votes).toBe(3);
    expect(await received('vote.closing', `vote.closing:${m.id}`)).toEqual(w.voters.slice(1).map((u) => u.id));
    expect(await received('vote.opened', `vote.opened:${m.id}`)).toEqual([]);
    expect((await runReminderPass()).votes).toBe(0);
    const n = await w.db.notification.findFirstOrThrow({ where: { onceKey: `vote.closing:${m.id}` } });
    expect([n.link, n.topicId]).toEqual([`/motions/${m.id}`, m.topicId]);
  });

  test('opening, then closing soon a day before its end, to whoever still has not voted', async () => {
    const m = await openVote(5 * 24);
    expect((await runReminderPass()).votes).toBe(4);
    expect(await received('vote.opened', `vote.opened:${m.id}`)).toEqual(w.voters.map((u) => u.id));
    await castBallot(await byUser(w.voters[1]!.id), m.id, 'AGAINST');
    await runReminderPass(new Date(Date.now() + 4.5 * 24 * HOUR));
    expect(await received('vote.closing', `vote.closing:${m.id}`)).toEqual([w.voters[0]!.id, w.voters[2]!.id, w.voters[3]!.id]);
  });
});

describe('notices: the objection period is announced to the residents of the place', () => {
  test('opening and closing soon reach the compound’s verified residents, not residents elsewhere; a concluded notice nothing', async () => {
    const { db, here, jinyang } = w;
    const place = { compoundId: here.compound.id, communityId: jinyang.id, streetId: jinyang.streetId };
    const notice = (days: number, concluded = false, supersedesId: number | null = null) =>
      db.notice.create({
        data: {
          kind: 'MANUAL',
          category: 'RESIDENTS',
          title: `停车收费公示 ${days}`,
          body: 'x',
          ...place,
          periodEndsAt: new Date(Date.now() + days * 24 * HOUR),
          concludedAt: concluded ? new Date() : null,
          supersedesId,
        },
      });
    const open = await notice(7);
    const closing = await notice(0.5);
    const done = await notice(7, true);
    // A corrected notice: only its correction is announced, not both.
    const wrong = await notice(7);
    const correction = await notice(7, false, wrong.id);
    await Promise.all([runReminderPass(), runReminderPass()]);
    expect(await received('notice.opened', `notice.opened:${correction.id}`)).toEqual([w.resident.id]);
    expect(await db.notification.count({ where: { onceKey: { endsWith: `:${wrong.id}` }, kind: { startsWith: 'notice.' } } })).toBe(0);
    expect(await received('notice.opened', `notice.opened:${open.id}`)).toEqual([w.resident.id]);
    expect(await received('notice.closing', `notice.closing:${closing.id}`)).toEqual([w.resident.id]);
    expect(await db.notification.count({ where: { onceKey: { endsWith: `:${done.id}` }, kind: { startsWith: 'notice.' } } })).toBe(0);
    expect(await db.notification.count({ where: { userId: w.elsewhere.id } })).toBe(0);
    const n = await db.notification.findFirstOrThrow({ where: { onceKey: `notice.opened:${open.id}` } });
    expect(n.link).toBe(`/board/n/${open.id}`);
  });
});

describe('meetings: the day-before reminder', () => {
  test('two reminder runs at once remind each invitee once', async () => {
    const { db, jinyang, secretary } = w;
    const tomorrow = new Date(Date.now() + 24 * HOUR);
    const meeting = await createMeeting(db, {
      kind: 'COUNCIL',
      title: '议事会例会',
      communityId: jinyang.id,
      startsAt: tomorrow,
      minutes: 60,
      location: '党群服务中心',
      createdById: secretary.id,
    });
    await db.meetingInvite.createMany({ data: w.voters.map((u) => ({ meetingId: meeting.id, personId: u.personId })) });
    await Promise.all([remindTomorrow(), remindTomorrow(), remindTomorrow()]);
    const got = await db.notification.groupBy({
      by: ['userId'],
      where: { kind: 'meeting.reminder', link: `/meetings/${meeting.id}` },
      _count: true,
    });
    expect(got.map((g) => g._count)).toEqual(w.voters.map(() => 1));
  });
});
