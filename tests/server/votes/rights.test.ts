import { beforeAll, describe, expect, test } from 'vitest';
import { castBallot, closeMotion, configureMotion, recheckMotion } from '@/server/votes/ballots';
import { ensureProcedures } from '@/server/topics/procedures';
import { openMotion } from '@/server/topics/motions';
import type { TMotionBody } from '@/domain/topics/procedure';
import { createStaff, createUser } from '../../factories/accounts';
import { NameSource } from '../../factories/names';
import { createBody, createPartyOrg, registerPartyMember } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { createTopicWithHistory } from '../../factories/topics';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

/** Who may cast a ballot (the roster and vote.cast at the topic's place, decision 031) and who may recheck a tally. */
let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureProcedures(db);
  const names = new NameSource(131);
  const jinyang = await communityByCode(db, '510107009003');
  const tanghu = await communityByCode(db, '510116001001');
  const [a, b, c, d, e] = await createPeople(db, 5, names, { withPhone: false });
  const council = await createBody(db, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: jinyang.id,
    memberIds: [a!.id, b!.id],
  });
  await createBody(db, { kind: 'TWO_COMMITTEES', name: '晋阳社区两委', communityId: jinyang.id, memberIds: [c!.id] });
  const org = await createPartyOrg(db, { kind: 'COMMUNITY_COMMITTEE', name: '晋阳社区党委', communityId: jinyang.id });
  await registerPartyMember(db, { personId: d!.id, partyOrgId: org.id });
  const account = (p: { id: number }, i: number, verified = true) =>
    createUser(db, { phone: `1397000000${i}`, password: 'x-pass-1234', personId: p.id, verified });
  const member = await account(a!, 1);
  // On the council's roster, but nobody ever verified who holds this account: no derived role, no vote.
  const unverified = await account(b!, 2, false);
  const committee = await account(c!, 3);
  const partyMember = await account(d!, 4);
  const resident = await account(e!, 5);
  const secretary = await createStaff(db, {
    name: '刘书记',
    phone: '13970000010',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const elsewhere = await createStaff(db, {
    name: '王书记',
    phone: '13970000011',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: tanghu.id,
  });
  return { db, jinyang, council, member, unverified, committee, partyMember, resident, secretary, elsewhere };
}
beforeAll(async () => {
  w = await setup();
});

/** A council topic's motion, opened on these voters and taken electronically. */
async function motionOf(voters: TMotionBody) {
  const { db, jinyang, secretary } = w;
  const t = await createTopicWithHistory(db, {
    procedureCode: 'COURTYARD_ROADSHOW',
    title: '北苑后门',
    description: 'x',
    communityId: jinyang.id,
    by: { userId: secretary.id, label: '刘书记' },
    stepIndex: 3,
    createdAt: new Date(),
    stepDueAt: new Date(),
  });
  const m = await db.$transaction((tx) =>
    openMotion(tx, { ...t, assemblyMatter: null }, t.stepIndex, voters, { kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } }),
  );
  const settings = {
    mode: 'ELECTRONIC' as const,
    secret: false,
    hideResults: false,
    allowChange: false,
    closesAt: null,
    meetingId: null,
    proxyLimit: 1,
  };
  await configureMotion(await byUser(secretary.id), m.id, settings);
  return m;
}

describe('castBallot: the roster and vote.cast at the topic’s place', () => {
  test('a roster member whose account nobody verified holds no vote.cast: refused, nothing stored', async () => {
    const m = await motionOf({ kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' });
    expect(await refusal(castBallot(await byUser(w.unverified.id), m.id, 'FOR'))).toBe('auth.forbidden');
    expect(await w.db.ballot.count({ where: { motionId: m.id } })).toBe(0);
    expect(await refusal(castBallot(await byUser(w.member.id), m.id, 'FOR'))).toBe('no refusal');
  });

  test('a member of the two committees, a party member: each votes on the motion of their own body or meeting', async () => {
    const two = await motionOf({ kind: 'BODY', bodyKind: 'TWO_COMMITTEES' });
    expect(await refusal(castBallot(await byUser(w.committee.id), two.id, 'FOR'))).toBe('no refusal');
    const party = await motionOf({ kind: 'PARTY_MEMBERS' });
    expect(await refusal(castBallot(await byUser(w.partyMember.id), party.id, 'FOR'))).toBe('no refusal');
    expect(await refusal(castBallot(await byUser(w.resident.id), party.id, 'FOR'))).toBe('vote.notOnRoster');
  });
});

describe('recheckMotion: only those who may read the topic, once a minute per motion', () => {
  test('a visitor of another community and a resident with no standing are refused; staff of the place recheck', async () => {
    const m = await motionOf({ kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' });
    await castBallot(await byUser(w.member.id), m.id, 'FOR');
    await closeMotion(await byUser(w.secretary.id), m.id, { confirmed: true, reason: '全部到场表决完毕' });
    expect(await refusal(recheckMotion(await byUser(w.elsewhere.id), m.id))).toBe('auth.forbidden');
    expect(await refusal(recheckMotion(await byUser(w.resident.id), m.id))).toBe('auth.forbidden');
    expect((await recheckMotion(await byUser(w.member.id), m.id))?.same).toBe(true);
  });

  test('two rechecks of one motion at once: one recomputes, the other waits a minute', async () => {
    const m = await motionOf({ kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' });
    await closeMotion(await byUser(w.secretary.id), m.id, { confirmed: true, reason: '全部到场表决完毕' });
    const sec = await byUser(w.secretary.id);
    const codes = await Promise.all([refusal(recheckMotion(sec, m.id)), refusal(recheckMotion(sec, m.id))]);
    expect(codes.sort()).toEqual(['no refusal', 'vote.recheckWait']);
  });
});
