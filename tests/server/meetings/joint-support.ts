import { createStaff, createUser } from '../../factories/accounts';
import { NameSource } from '../../factories/names';
import { addPartyPosition, createBody, createPartyOrg, registerPartyMember } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { inDays, world } from '../accounts/support';

/** A compound's branch (secretary + 2 registered members), owners' committee (5, the secretary among them) and supervisory committee (3). */
export async function jointWorld() {
  const base = await world();
  const { db, b, tanghu } = base;
  const people = await createPeople(db, 10, new NameSource(7), { withPhone: false });
  const [sec, p1, p2, c1, c2, c3, c4, s1, s2, s3] = people.map((p) => p.id) as number[];
  const party = await createPartyOrg(db, {
    kind: 'COMPOUND_BRANCH',
    name: '欧城花园党支部',
    communityId: tanghu.id,
    compoundId: b.compound.id,
  });
  await addPartyPosition(db, { partyOrgId: party.id, personId: sec!, position: 'SECRETARY' });
  for (const p of [sec!, p1!, p2!]) await registerPartyMember(db, { personId: p, partyOrgId: party.id });
  const committee = await createBody(db, {
    kind: 'OWNERS_COMMITTEE',
    name: '欧城花园业主委员会',
    communityId: tanghu.id,
    compoundId: b.compound.id,
    memberIds: [sec!, c1!, c2!, c3!, c4!],
  });
  const supervisory = await createBody(db, {
    kind: 'SUPERVISORY_COMMITTEE',
    name: '欧城花园业主监事会',
    communityId: tanghu.id,
    compoundId: b.compound.id,
    memberIds: [s1!, s2!, s3!],
    positions: ['VICE_CHAIR', 'MEMBER', 'MEMBER'],
  });
  // A body of another community: not a host here.
  const elsewhere = await createBody(db, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: base.jinyang.id,
    memberIds: [p1!],
  });
  const secretary = await createUser(db, { personId: sec!, phone: '13866660001', password: 'x-pass-1234', verified: true });
  const supervisor = await createUser(db, { personId: s1!, phone: '13866660002', password: 'x-pass-1234', verified: true });
  const member = await createUser(db, { personId: c2!, phone: '13866660003', password: 'x-pass-1234', verified: true });
  const manager = base.staff.dongshengStreet;
  const wuhouSecretary = await createStaff(db, {
    name: '武侯社区书记',
    phone: '13866660004',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: base.jinyang.id,
  });
  const hosts = [{ partyOrgId: party.id }, { bodyId: committee.id }, { bodyId: supervisory.id }];
  const joint = (extra: object = {}) => ({
    kind: 'JOINT' as const,
    title: '联席会议',
    communityId: tanghu.id,
    compoundId: b.compound.id,
    location: '党群服务站',
    mode: 'IN_PERSON' as const,
    date: inDays(3),
    startMinute: 19 * 60,
    durationMinutes: 90,
    hosts,
    ...extra,
  });
  return {
    ...base,
    people,
    party,
    committee,
    supervisory,
    elsewhere,
    secretary,
    supervisor,
    member,
    manager,
    wuhouSecretary,
    hosts,
    joint,
    ids: { sec, p1, c2, s1 },
  };
}
