// S4 — reception days and the joint meeting; S5 — owners decide on the maintenance fund; S6 — street review.
// Chengdu, Shuangliu district, Dongsheng street, Tanghu community (placement invented), Oucheng Garden.
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
import { communityByCode, createGrid } from '../../tests/factories/territory.ts';

export const TANGHU_COMMUNITY = '510116001001';

export async function seedOucheng(tx: Prisma.TransactionClient, names: NameSource) {
  const community = await communityByCode(tx, TANGHU_COMMUNITY);
  // 6 buildings × 2 stairwells × 6 floors × 2 = 144 units; the developer still holds 6 unsold ones,
  // and 4 buyers own two units each (rules.md §3: each counts once).
  const { compound, buildings, owners } = await createPopulatedCompound(tx, names, {
    communityId: community.id,
    name: '欧城花园',
    address: '双流区东升街道欧城花园',
    location: { lat: 30.5745, long: 103.9226 },
    developerName: '成都欧城置业有限公司',
    buildings: [1, 2, 3, 4, 5, 6].map((n) => ({
      name: `${n}栋`,
      units: 2,
      floors: 6,
      perFloor: 2,
      areasCentiM2: [8950, 10275, 12460, 14300],
    })),
    developerUnsold: 6,
    multiUnitOwners: 4,
  });
  const grid = await createGrid(tx, { communityId: community.id, name: '欧城网格' });
  await tx.building.updateMany({ where: { id: { in: buildings.map((b) => b.id) } }, data: { gridId: grid.id } });

  const committee = await createPartyOrg(tx, { kind: 'COMMUNITY_COMMITTEE', name: '棠湖社区党委', communityId: community.id });
  const branch = await createPartyOrg(tx, {
    kind: 'COMPOUND_BRANCH',
    name: '欧城花园小区党支部',
    communityId: community.id,
    compoundId: compound.id,
    parentId: committee.id,
  });
  // The branch secretary is also chair of the owners' committee (S4).
  const secretary = owners[10]!;
  await tx.person.update({ where: { id: secretary.id }, data: { name: '王秀英', phone: '13900002001' } });
  await addPartyPosition(tx, { partyOrgId: branch.id, personId: secretary.id, position: 'SECRETARY' });
  await registerPartyMember(tx, { personId: secretary.id, partyOrgId: branch.id });
  const communitySecretary = await createPerson(tx, { name: '周志强', phone: '13900002002' });
  await addPartyPosition(tx, { partyOrgId: committee.id, personId: communitySecretary.id, position: 'SECRETARY' });

  await createBody(tx, {
    kind: 'OWNERS_COMMITTEE',
    name: '欧城花园业主委员会',
    communityId: community.id,
    compoundId: compound.id,
    memberIds: [secretary.id, ...owners.slice(20, 26).map((p) => p.id)],
    positions: ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'MEMBER', 'MEMBER', 'MEMBER', 'SECRETARY'],
  });
  await createBody(tx, {
    kind: 'SUPERVISORY_COMMITTEE',
    name: '欧城花园业主监事会',
    communityId: community.id,
    compoundId: compound.id,
    memberIds: owners.slice(30, 33).map((p) => p.id),
  });
  await createBody(tx, {
    kind: 'OWNERS_ASSEMBLY',
    name: '欧城花园业主大会',
    communityId: community.id,
    compoundId: compound.id,
    memberIds: [],
    seats: 0,
  });
  const mediators = await createPeople(tx, 3, names);
  await createBody(tx, {
    kind: 'MEDIATION_COMMITTEE',
    name: '棠湖社区人民调解委员会',
    communityId: community.id,
    memberIds: mediators.map((p) => p.id),
  });
  await createBody(tx, {
    kind: 'TWO_COMMITTEES',
    name: '棠湖社区两委',
    communityId: community.id,
    memberIds: [communitySecretary.id, ...mediators.slice(0, 2).map((p) => p.id)],
  });

  const firm = await createOrganization(tx, {
    kind: 'PROPERTY_FIRM',
    name: '成都欧城物业服务有限公司',
    districtId: compound.districtId,
    hasPartyOrg: true,
  });
  await assignOrganization(tx, {
    organizationId: firm.id,
    relation: 'PROPERTY_SERVICE',
    communityId: community.id,
    compoundId: compound.id,
  });
  const manager = await createPerson(tx, { name: '赵国华', phone: '13900002003' });
  await tx.organizationMember.create({ data: { organizationId: firm.id, personId: manager.id, title: '项目经理' } });
  // Other compounds of the street, so that the street has more than one place to compare (S6).
  for (const [code, name] of [
    ['510116001002', '白鹤小区'],
    ['510116001004', '双桂苑'],
  ] as const) {
    const other = await communityByCode(tx, code);
    await createPopulatedCompound(tx, names, {
      communityId: other.id,
      name,
      buildings: [{ name: '1栋', floors: 6, perFloor: 2, areasCentiM2: [8000, 9000] }],
    });
  }
  return { compoundId: compound.id };
}
