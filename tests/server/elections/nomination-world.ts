import { openElection, type TOpenElection } from '@/server/elections/create';
import { world } from '../accounts/support';
import { createStaff, createUser, createVerifiedResident } from '../../factories/accounts';
import { asUser } from '../../factories/mediation';
import { addPartyPosition, createBody, createPartyOrg, registerPartyMember } from '../../factories/organisation';
import { testDb } from '../db';

/**
 * The people of an election's first half in 北苑小区 (金阳社区, tests/server/accounts world): six residents with accounts
 * (r0–r3 the four owners, r4–r5 family members living with r0 and r1), r0 and r1 also members of the compound's party
 * branch, the branch's secretary (a position, no grant), the community's secretary (election.manage), a resident of
 * 欧城花园 in another community, and 棠湖's secretary. Phones 1380097xxxx.
 */
export async function electionWorld() {
  const w = await world();
  const db = w.db;
  const pw = 'pass-1234';
  const [h0, h1, h2, h3] = w.a.households as [
    (typeof w.a.households)[0],
    (typeof w.a.households)[0],
    (typeof w.a.households)[0],
    (typeof w.a.households)[0],
  ];
  const homes = [h0, h1, h2, h3];
  const accounts = [];
  for (const [i, h] of homes.entries())
    accounts.push(
      await createVerifiedResident(db, { personId: w.a.owners[i]!.id, phone: `1380097000${i}`, password: pw, householdId: h.id }),
    );
  for (const [i, h] of [h0, h1].entries()) {
    const p = await db.person.create({ data: { name: `同住家属${i + 1}`, phone: `1380097001${i}` } });
    await db.residency.create({ data: { householdId: h.id, personId: p.id, relation: 'FAMILY' } });
    accounts.push(
      await createVerifiedResident(db, { personId: p.id, phone: `1380097001${i}`, password: pw, householdId: h.id, relation: 'FAMILY' }),
    );
  }
  const r = await Promise.all(accounts.map((u, i) => asUser(u.id, `居民${i}`)));
  const branch = await createPartyOrg(db, {
    kind: 'COMPOUND_BRANCH',
    name: '北苑党支部',
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
  });
  for (const i of [0, 1]) await registerPartyMember(db, { personId: w.a.owners[i]!.id, partyOrgId: branch.id });
  const secretaryUser = await createUser(db, { name: '北苑支部书记', phone: '13800970020', password: pw, verified: true });
  await addPartyPosition(db, { partyOrgId: branch.id, personId: secretaryUser.personId, position: 'SECRETARY' });
  const council = await createBody(db, {
    kind: 'COURTYARD_COUNCIL',
    name: '北苑院落议事会',
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
    seats: 2,
    memberIds: [],
  });
  const tanghuHome = (await db.household.findFirstOrThrow({
    where: { building: { compoundId: w.b.compound.id } },
    include: { ownerships: true },
  }))!;
  const elsewhere = await createVerifiedResident(db, {
    personId: tanghuHome.ownerships[0]!.personId,
    phone: '13800970030',
    password: pw,
    householdId: tanghuHome.id,
  });
  const otherSecretary = await createStaff(db, {
    name: '棠湖书记',
    phone: '13800970031',
    password: pw,
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: w.tanghu.id,
  });
  return {
    ...w,
    homes,
    r,
    branch,
    council,
    secretary: await asUser(w.staff.jinyangSecretary.id, '刘书记'),
    street: await asUser(w.staff.jinyangStreet.id, '晋阳街道干部'),
    branchSecretary: await asUser(secretaryUser.id, '北苑支部书记'),
    elsewhere: await asUser(elsewhere.id, '欧城居民'),
    otherSecretary: await asUser(otherSecretary.id, '棠湖书记'),
    ownerName: (i: number) => w.a.owners[i]!.name,
  };
}
export type TElectionWorld = Awaited<ReturnType<typeof electionWorld>>;

const inDaysAt = (days: number) => new Date(Date.now() + days * 86_400_000);

/** A courtyard council election of 北苑 by its adult residents: 2 seats, 2 seconders for residents' nominations. */
export const councilElection = (w: TElectionWorld, over: Partial<TOpenElection> = {}): TOpenElection => ({
  communityId: w.jinyang.id,
  compoundId: w.a.compound.id,
  bodyId: w.council.id,
  title: '北苑院落议事会换届选举',
  seats: 2,
  electorate: 'ADULT_RESIDENTS',
  rule: 'MAJORITY',
  secret: true,
  secondersNeeded: 2,
  nominationEndsAt: inDaysAt(7),
  publicityDays: 5,
  termStartsOn: '2027-01-01',
  termEndsOn: '2031-12-31',
  ...over,
});

export const openCouncil = async (w: TElectionWorld, over: Partial<TOpenElection> = {}) =>
  (await openElection(w.secretary, councilElection(w, over))).id;

/** Rows of every election table and the audit log: a refused call leaves them as they were. */
export async function snapshot() {
  const db = testDb();
  return Promise.all([
    db.election.count(),
    db.election.count({ where: { status: 'NOMINATING' } }),
    db.electionCandidate.count(),
    db.electionCandidate.count({ where: { status: 'LISTED' } }),
    db.candidateSeconder.count(),
    db.electionObjection.count(),
    db.electionObjection.count({ where: { answer: { not: null } } }),
    db.notice.count(),
    db.auditLog.count(),
  ]);
}

/** The roster's room of a household, to find a person by home and name. */
export const homeOf = async (householdId: number) => {
  const h = await testDb().household.findUniqueOrThrow({ where: { id: householdId } });
  return { buildingId: h.buildingId, unit: h.unitNo, room: h.roomNo };
};
