import type { ElectionElectorate, ElectionRule } from '@/generated/prisma/client';
import { thisYear } from '@/server/today';
import { createStaff, createUser } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { communityByCode } from '../../factories/territory';
import { day } from '../../factories/db';
import { byUser } from '../accounts/support';
import { testDb } from '../db';

/**
 * The voting half's world (decision 069): 北苑小区 (6 flats, one owner living in each, the representative) with a
 * tenant of flat 1 and a child of flat 2, its 院落议事会 of 3 seats; 欧城花园 for owners (multi-unit owners and the
 * developer's unsold units); a Jinyang secretary who runs elections there, a Tanghu secretary who does not.
 */
export async function voteWorld(seed = 221) {
  const db = testDb();
  const names = new NameSource(seed);
  const jinyang = await communityByCode(db, '510107009003');
  const tanghu = await communityByCode(db, '510116001001');
  const beiyuan = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '北苑小区',
    buildings: [{ name: '1栋', floors: 3, perFloor: 2, areasCentiM2: [8950] }],
  });
  const oucheng = await createPopulatedCompound(db, names, {
    communityId: tanghu.id,
    name: '欧城花园',
    buildings: [{ name: '1栋', floors: 4, perFloor: 2, areasCentiM2: [10000, 12000] }],
    multiUnitOwners: 1,
    developerUnsold: 2,
  });
  const pw = 'x-pass-1234';
  // Accounts for every owner of 北苑 and 欧城 (the ballot needs the signed-in person on the roll, nothing more).
  const users = new Map<number, number>();
  let n = 0;
  for (const p of [...beiyuan.owners, ...oucheng.owners]) {
    const u = await createUser(db, {
      phone: `1377${String(seed).padStart(3, '0')}${String(n++).padStart(4, '0')}`,
      password: pw,
      personId: p.id,
      verified: true,
    });
    users.set(p.id, u.id);
  }
  const tenant = await db.person.create({ data: { name: '租户小王', birthYear: thisYear() - 30 } });
  await db.residency.create({ data: { personId: tenant.id, householdId: beiyuan.households[0]!.id, relation: 'TENANT' } });
  const tenantUser = await createUser(db, {
    phone: `1378${String(seed).padStart(3, '0')}0001`,
    password: pw,
    personId: tenant.id,
    verified: true,
  });
  const child = await db.person.create({ data: { name: '小明', birthYear: thisYear() - 10 } });
  await db.residency.create({ data: { personId: child.id, householdId: beiyuan.households[1]!.id, relation: 'FAMILY' } });
  const secretary = await createStaff(db, {
    name: '刘书记',
    phone: `1379${String(seed).padStart(3, '0')}0001`,
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const tanghuSecretary = await createStaff(db, {
    name: '周书记',
    phone: `1379${String(seed).padStart(3, '0')}0002`,
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: tanghu.id,
  });
  const council = await createBody(db, {
    kind: 'COURTYARD_COUNCIL',
    name: '北苑小区院落议事会',
    communityId: jinyang.id,
    compoundId: beiyuan.compound.id,
    seats: 3,
    memberIds: beiyuan.owners.slice(3, 6).map((p) => p.id),
    termStartsOn: '2023-01-01',
    termEndsOn: '2026-12-31',
  });
  const committee = await createBody(db, {
    kind: 'OWNERS_COMMITTEE',
    name: '欧城花园业主委员会',
    communityId: tanghu.id,
    compoundId: oucheng.compound.id,
    seats: 2,
    memberIds: [],
  });
  return {
    db,
    committee,
    jinyang,
    tanghu,
    beiyuan,
    oucheng,
    council,
    users,
    tenant: { person: tenant, userId: tenantUser.id },
    child,
    secretary: await byUser(secretary.id, '刘书记'),
    tanghuSecretary: await byUser(tanghuSecretary.id, '周书记'),
    by: (personId: number) => byUser(users.get(personId) ?? tenantUser.id),
  };
}
export type TVoteWorld = Awaited<ReturnType<typeof voteWorld>>;

/**
 * An election whose candidate list has been on the board for its whole period (a past notice), its candidates
 * listed — what E1's nomination half leaves behind — ready for openVoting.
 */
export async function publicisedElection(
  w: TVoteWorld,
  spec: {
    place: 'beiyuan' | 'oucheng';
    electorate: ElectionElectorate;
    rule: ElectionRule;
    seats: number;
    maxChoices?: number;
    secret?: boolean;
    candidates: number[];
    bodyId?: number | null;
    post?: string;
    buildingId?: number;
    votingEndsAt?: Date;
  },
) {
  const { db } = w;
  const community = spec.place === 'beiyuan' ? w.jinyang : w.tanghu;
  const compound = spec.place === 'beiyuan' ? w.beiyuan.compound : w.oucheng.compound;
  const past = new Date(Date.now() - 2 * 86_400_000);
  const notice = await db.notice.create({
    data: {
      kind: 'ANNOUNCEMENT',
      category: 'RESIDENTS',
      title: '候选人名单公示',
      body: '候选人名单',
      streetId: community.streetId,
      communityId: community.id,
      compoundId: compound.id,
      publishedAt: new Date(Date.now() - 9 * 86_400_000),
      periodDays: 5,
      periodEndsAt: past,
    },
  });
  const election = await db.election.create({
    data: {
      communityId: community.id,
      compoundId: compound.id,
      buildingId: spec.buildingId ?? null,
      bodyId: spec.bodyId === undefined ? (spec.place === 'beiyuan' ? w.council.id : w.committee.id) : spec.bodyId,
      post: spec.post ?? null,
      title: spec.place === 'beiyuan' ? '北苑小区院落议事会换届选举' : '欧城花园业主委员会选举',
      seats: spec.seats,
      maxChoices: spec.maxChoices ?? spec.seats,
      electorate: spec.electorate,
      rule: spec.rule,
      secret: spec.secret ?? spec.electorate !== 'OWNERS',
      nominationEndsAt: new Date(Date.now() - 10 * 86_400_000),
      publicityDays: 5,
      votingStartsAt: spec.votingEndsAt ? new Date() : null,
      votingEndsAt: spec.votingEndsAt ?? null,
      termStartsOn: day('2027-01-01'),
      termEndsOn: day('2029-12-31'),
      status: 'PUBLICISING',
      candidateNoticeId: notice.id,
      createdById: w.secretary.userId,
    },
  });
  const candidates = [];
  for (const [i, personId] of spec.candidates.entries()) {
    candidates.push(
      await db.electionCandidate.create({
        data: { electionId: election.id, personId, kind: 'STAFF', nominatedById: w.secretary.userId, status: 'LISTED', listOrder: i + 1 },
      }),
    );
  }
  return { election, candidates, ids: candidates.map((c) => c.id) };
}

export const auditCount = (action: string) => testDb().auditLog.count({ where: { action } });
