/**
 * Issue 14.3: "today", term dates and date-only records are China's calendar day, whatever the hour.
 * The clock is pinned at 00:30, 05:53 and 23:30 China time (16:30, 21:53 and 15:30 UTC).
 */
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { TBy } from '@/server/accounts/by';
import { loadActor } from '@/server/auth/actor';
import { createDb } from '@/server/db';
import { findHandler } from '@/server/issues/handlers';
import { scheduleMeeting } from '@/server/meetings/schedule';
import { appointMember, endMembership } from '@/server/territory-admin/bodies';
import { getCommunityProfile } from '@/server/territory/browse-territory';
import { openMotion } from '@/server/topics/motions';
import { recordApproval } from '@/server/topics/plans';
import { ensureProcedures } from '@/server/topics/procedures';
import { stakeholderPersonIds } from '@/server/topics/standing';
import { thisYear, today } from '@/server/today';
import { createUser, createVerifiedResident, grantRole } from '../../factories/accounts';
import { day } from '../../factories/db';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { createTopicWithHistory } from '../../factories/topics';
import { world } from '../accounts/support';

const CHINA_0030 = '2026-12-02T16:30:00Z'; // 2026-12-03 00:30 in China
const CHINA_0553 = '2026-12-02T21:53:00Z'; // 2026-12-03 05:53
const CHINA_2330 = '2026-12-03T15:30:00Z'; // 2026-12-03 23:30
const pin = (instant: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(instant));
};
afterEach(() => vi.useRealTimers());

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  await ensureProcedures(base.db);
  const reps = await createPeople(base.db, 29, new NameSource(1403), { withPhone: false });
  const body = await createBody(base.db, {
    kind: 'RESIDENTS_REPRESENTATIVES',
    name: '晋阳社区居民代表会议',
    communityId: base.jinyang.id,
    seats: 37,
    memberIds: reps.map((p) => p.id),
  });
  return { ...base, reps, body };
}
beforeAll(async () => {
  w = await setup();
});

const bySecretary = async (): Promise<TBy> => ({
  userId: w.staff.jinyangSecretary.id,
  label: '刘书记',
  actor: await loadActor(w.staff.jinyangSecretary.id),
  today: today(),
});

async function openRepresentativesMotion() {
  const by = { userId: w.staff.jinyangSecretary.id, label: '刘书记' };
  const t = await createTopicWithHistory(w.db, {
    procedureCode: 'SEVEN_STEP',
    title: '停车',
    description: 'x',
    communityId: w.jinyang.id,
    by,
    stepIndex: 4,
    createdAt: new Date(),
    stepDueAt: new Date(),
    stakeholders: [{ group: 'RESIDENT_REPS', label: '居民代表', bodyId: w.body.id }],
  });
  const m = await w.db.$transaction((tx) =>
    openMotion(
      tx,
      { ...t, assemblyMatter: null },
      t.stepIndex,
      { kind: 'BODY', bodyKind: 'RESIDENTS_REPRESENTATIVES' },
      { kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } },
    ),
  );
  const voters = await w.db.motionVoter.findMany({ where: { motionId: m.id }, select: { voterKey: true } });
  return { topic: t, roster: new Set(voters.map((v) => v.voterKey)) };
}

describe('term dates against China’s calendar day', () => {
  test('at 00:30 China time, 8 representatives appointed from today are on the roster of a motion opened today; a term ended yesterday is not', async () => {
    pin(CHINA_0030);
    expect(today()).toBe('2026-12-03');
    const by = await bySecretary();
    const ended = await w.db.bodyMember.findFirstOrThrow({ where: { bodyId: w.body.id, personId: w.reps[0]!.id } });
    await endMembership(by, { memberId: ended.id, endsOn: '2026-12-02' });
    const appointed = [];
    for (let i = 1; i <= 8; i++)
      appointed.push(await appointMember(by, { bodyId: w.body.id, name: `新代表${i}`, position: 'MEMBER', startsOn: today() }));
    expect(appointed.map((m) => m.startsOn.toISOString())).toEqual(Array(8).fill('2026-12-03T00:00:00.000Z'));
    const { roster } = await openRepresentativesMotion();
    expect([roster.size, roster.has(ended.personId)]).toEqual([36, false]);
    for (const m of appointed) expect(roster.has(m.personId)).toBe(true);
    // A meeting of the body tonight invites the same members (they are its 应到, the quorum's denominator).
    const meeting = await scheduleMeeting(by, {
      kind: 'COUNCIL',
      title: '居民代表会议',
      communityId: w.jinyang.id,
      bodyId: w.body.id,
      location: '社区活动室',
      mode: 'IN_PERSON',
      date: today(),
      startMinute: 19 * 60,
      durationMinutes: 90,
    });
    const invited = new Set(
      (await w.db.meetingInvite.findMany({ where: { meetingId: meeting.id }, select: { personId: true } })).map((i) => i.personId),
    );
    expect([invited.size, invited.has(ended.personId), invited.has(appointed[0]!.personId)]).toEqual([36, false, true]);
  });

  test('at 23:30 China time, a term ending today (届满 includes the day) still counts; one starting tomorrow does not', async () => {
    pin(CHINA_2330);
    const by = await bySecretary();
    const leaving = await w.db.bodyMember.findFirstOrThrow({ where: { bodyId: w.body.id, personId: w.reps[1]!.id } });
    await endMembership(by, { memberId: leaving.id, endsOn: '2026-12-03' });
    const next = await appointMember(by, { bodyId: w.body.id, name: '接任代表', position: 'MEMBER', startsOn: '2026-12-04' });
    const { topic, roster } = await openRepresentativesMotion();
    expect([roster.size, roster.has(leaving.personId), roster.has(next.personId)]).toEqual([36, true, false]);
    // The body's members as stakeholders of a topic: the same calendar day.
    const stakeholders = await stakeholderPersonIds(topic.id);
    expect([stakeholders.has(leaving.personId), stakeholders.has(next.personId)]).toEqual([true, false]);
  });

  test('at 00:30 China time, a grid worker whose post starts today receives the issue; the public profile drops yesterday’s members', async () => {
    pin(CHINA_0030);
    const { db, tanghu } = w;
    const worker = await createUser(db, { name: '新网格员', phone: '13900009111', password: 'x-pass-1234', verified: true });
    await grantRole(db, worker.id, 'GRID_WORKER', 'COMMUNITY', tanghu.id, '2026-12-03');
    const place = {
      buildingId: null,
      compoundId: null,
      communityId: tanghu.id,
      streetId: tanghu.streetId,
      districtId: tanghu.street.districtId,
    };
    expect(await db.$transaction((tx) => findHandler(tx, place, 'COMPOUND', 'GRID_WORKER'))).toBe(worker.id);

    const [stays, left] = await createPeople(db, 2, new NameSource(1404), { withPhone: false });
    const council = await createBody(db, {
      kind: 'COMMUNITY_COUNCIL',
      name: '棠湖社区议事会',
      communityId: tanghu.id,
      seats: 5,
      memberIds: [stays!.id, left!.id],
    });
    await db.bodyMember.updateMany({ where: { bodyId: council.id, personId: left!.id }, data: { endsOn: day('2026-12-02') } });
    const profile = await getCommunityProfile(tanghu.code);
    const shown = profile!.bodies.find((b) => b.id === council.id)!.members.map((m) => m.person.name);
    expect(shown).toEqual([stays!.name]);
  });
});

describe('date-only records', () => {
  test('a branch approval at 05:53 China time is recorded on that China day', async () => {
    pin(CHINA_0553);
    const by = await bySecretary();
    const t = await createTopicWithHistory(w.db, {
      procedureCode: 'OWNERS_ASSEMBLY',
      title: '换电梯',
      description: 'x',
      communityId: w.jinyang.id,
      compoundId: w.a.compound.id,
      by,
      stepIndex: 1,
      createdAt: new Date(),
      stepDueAt: new Date(),
      assemblyMatter: 5,
    });
    const r = await recordApproval(by, t.id, { approved: true, comment: '支部同意' });
    const record = await w.db.topicRecord.findUniqueOrThrow({ where: { id: r.id } });
    expect(record.heldOn.toISOString().slice(0, 10)).toBe('2026-12-03');
  });

  test('a resident verified at 05:53 China time holds their roles from that China day', async () => {
    pin(CHINA_0553);
    const owner = w.a.owners[2]!;
    const user = await createVerifiedResident(w.db, {
      personId: owner.id,
      phone: owner.phone!,
      password: 'x-pass-1234',
      householdId: w.a.households[2]!.id,
    });
    const grants = (await loadActor(user.id)).grants;
    expect(grants.filter((g) => g.role === 'RESIDENT' || g.role === 'OWNER').map((g) => g.startsOn)).toEqual(['2026-12-03', '2026-12-03']);
  });

  test('the year of today is China’s: at 00:30 on 1 January 2027 in China it is 2027 (pages default to it)', () => {
    pin('2026-12-31T16:30:00Z');
    expect(thisYear()).toBe(2027);
  });
});

describe('the database session’s clock', () => {
  test('a server configured for Asia/Shanghai still compares timestamps in UTC, as Prisma writes them', async () => {
    const url = process.env.DATABASE_URL!;
    const name = new URL(url).pathname.slice(1);
    await w.db.$executeRawUnsafe(`ALTER DATABASE ${name} SET timezone TO 'Asia/Shanghai'`);
    const fresh = createDb(url);
    try {
      const [row] = await fresh.$queryRaw<
        { tz: string; hour: string }[]
      >`SELECT current_setting('TimeZone') AS tz, to_char(localtimestamp, 'YYYY-MM-DD"T"HH24') AS hour`;
      expect(row!.tz).toBe('UTC');
      expect(row!.hour).toBe(new Date().toISOString().slice(0, 13));
    } finally {
      await fresh.$disconnect();
      await w.db.$executeRawUnsafe(`ALTER DATABASE ${name} RESET timezone`);
    }
  });
});
