// S1 — the broken back gate: Chengdu, Wuhou district, Jinyang street, Jinyang community, Beiyuan compound.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { createPopulatedCompound } from '../../tests/factories/compound.ts';
import type { NameSource } from '../../tests/factories/names.ts';
import {
  addPartyPosition,
  assignOrganization,
  createBody,
  createOrganization,
  createPartyOrg,
  registerPartyMember,
} from '../../tests/factories/organisation.ts';
import { createPeople, createPerson } from '../../tests/factories/people.ts';
import { communityByCode } from '../../tests/factories/territory.ts';

export const JINYANG_COMMUNITY = '510107009003';

export async function seedBeiyuan(tx: Prisma.TransactionClient, names: NameSource) {
  const community = await communityByCode(tx, JINYANG_COMMUNITY);
  const { compound, buildings, owners } = await createPopulatedCompound(tx, names, {
    communityId: community.id,
    name: '北苑小区',
    address: '武侯区晋阳路北苑',
    // Demo coordinates (GCJ-02, as map apps give them): a hotline call from nearby is placed here (decision 060).
    location: { lat: 30.6294, long: 104.0125 },
    buildings: [1, 2, 3, 4].map((n) => ({ name: `${n}栋`, floors: 6, perFloor: 2, areasCentiM2: [6850, 7230, 8810] })),
  });

  const committee = await createPartyOrg(tx, { kind: 'COMMUNITY_COMMITTEE', name: '晋阳社区党委', communityId: community.id });
  const branch = await createPartyOrg(tx, {
    kind: 'COMPOUND_BRANCH',
    name: '北苑小区党支部',
    communityId: community.id,
    compoundId: compound.id,
    parentId: committee.id,
  });
  for (const b of buildings.slice(0, 2)) {
    await createPartyOrg(tx, {
      kind: 'BUILDING_GROUP',
      name: `北苑${b.name}党小组`,
      communityId: community.id,
      compoundId: compound.id,
      buildingId: b.id,
      parentId: branch.id,
    });
  }

  const secretary = await createPerson(tx, { name: '刘建华', phone: '13900001001' });
  await addPartyPosition(tx, { partyOrgId: committee.id, personId: secretary.id, position: 'SECRETARY' });
  await registerPartyMember(tx, { personId: secretary.id, partyOrgId: committee.id });
  const branchSecretary = owners[0]!;
  await addPartyPosition(tx, { partyOrgId: branch.id, personId: branchSecretary.id, position: 'SECRETARY' });
  await registerPartyMember(tx, { personId: branchSecretary.id, partyOrgId: branch.id });

  // The retired resident who raises the gate topic sits on the courtyard council (5 members).
  const retiree = owners[5]!;
  await tx.person.update({ where: { id: retiree.id }, data: { name: '张桂兰', birthYear: 1954, gender: 'FEMALE' } });
  await createBody(tx, {
    kind: 'COURTYARD_COUNCIL',
    name: '北苑院落议事会',
    communityId: community.id,
    compoundId: compound.id,
    memberIds: [branchSecretary.id, retiree.id, owners[9]!.id, owners[14]!.id, owners[20]!.id],
    positions: ['CHAIR', 'MEMBER', 'MEMBER', 'SECRETARY', 'MEMBER'],
  });

  // The community council of 37: two thirds of all (25) pass a roadshow project.
  const councillors = await createPeople(tx, 35, names);
  await createBody(tx, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: community.id,
    seats: 37,
    memberIds: [secretary.id, retiree.id, ...councillors.map((p) => p.id)],
    positions: ['CHAIR', 'MEMBER', 'SECRETARY'],
  });
  const staff = await createPeople(tx, 4, names);
  await createBody(tx, {
    kind: 'RESIDENTS_COMMITTEE',
    name: '晋阳社区居民委员会',
    communityId: community.id,
    memberIds: [secretary.id, ...staff.map((p) => p.id)],
    positions: ['CHAIR', 'VICE_CHAIR'],
  });
  await createBody(tx, {
    kind: 'TWO_COMMITTEES',
    name: '晋阳社区两委',
    communityId: community.id,
    memberIds: [secretary.id, ...staff.slice(0, 3).map((p) => p.id)],
  });

  const firm = await createOrganization(tx, {
    kind: 'PROPERTY_FIRM',
    name: '成都锦苑物业服务有限公司',
    districtId: compound.districtId,
    hasPartyOrg: true,
  });
  await assignOrganization(tx, {
    organizationId: firm.id,
    relation: 'PROPERTY_SERVICE',
    communityId: community.id,
    compoundId: compound.id,
  });
  const builder = await createOrganization(tx, { kind: 'NEARBY_FIRM', name: '四川晋城建筑工程有限公司', districtId: compound.districtId });
  await assignOrganization(tx, { organizationId: builder.id, relation: 'SERVICE', communityId: community.id });
  const social = await createOrganization(tx, { kind: 'SOCIAL_ORG', name: '武侯区益邻社区发展中心', districtId: compound.districtId });
  await assignOrganization(tx, { organizationId: social.id, relation: 'SERVICE', communityId: community.id });
  return { compoundId: compound.id };
}
