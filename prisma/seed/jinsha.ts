// S3 — blocked septic tank, rapid response: Luzhou, Jiangyang district, Jinsha community, Jinsha compound, building 3.
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
import { createPeople } from '../../tests/factories/people.ts';
import { communityByCode, createGrid } from '../../tests/factories/territory.ts';

export const JINSHA_COMMUNITY = '510502006006';

export async function seedJinsha(tx: Prisma.TransactionClient, names: NameSource) {
  const community = await communityByCode(tx, JINSHA_COMMUNITY);
  const { compound, buildings, owners } = await createPopulatedCompound(tx, names, {
    communityId: community.id,
    name: '金沙小区',
    address: '泸州市江阳区金沙',
    buildings: [1, 2, 3].map((n) => ({ name: `${n}栋`, floors: 6, perFloor: 3, areasCentiM2: [7600, 9150, 10320] })),
  });
  const grid = await createGrid(tx, { communityId: community.id, name: '金沙网格' });
  const micro = await createGrid(tx, { communityId: community.id, name: '金沙3栋微网格', kind: 'MICRO_GRID', parentId: grid.id });
  const building3 = buildings[2]!;
  await tx.building.update({ where: { id: building3.id }, data: { gridId: micro.id } });

  const committee = await createPartyOrg(tx, { kind: 'COMMUNITY_COMMITTEE', name: '金沙社区党委', communityId: community.id });
  const branch = await createPartyOrg(tx, {
    kind: 'COMPOUND_BRANCH',
    name: '金沙小区党支部',
    communityId: community.id,
    compoundId: compound.id,
    parentId: committee.id,
  });
  const group = await createPartyOrg(tx, {
    kind: 'BUILDING_GROUP',
    name: '金沙3栋党小组',
    communityId: community.id,
    compoundId: compound.id,
    buildingId: building3.id,
    parentId: branch.id,
  });
  // The party member of building 3 who acknowledges the report: a party-member central household.
  const building3Owners = owners.slice(36, 54);
  const partyMember = building3Owners[0]!;
  await tx.person.update({ where: { id: partyMember.id }, data: { name: '陈德明' } });
  await registerPartyMember(tx, { personId: partyMember.id, partyOrgId: group.id });
  await addPartyPosition(tx, { partyOrgId: group.id, personId: partyMember.id, position: 'CENTRAL_HOUSEHOLD' });
  const [secretary, branchSecretary] = await createPeople(tx, 2, names);
  await addPartyPosition(tx, { partyOrgId: committee.id, personId: secretary!.id, position: 'SECRETARY' });
  await addPartyPosition(tx, { partyOrgId: branch.id, personId: branchSecretary!.id, position: 'SECRETARY' });

  await createBody(tx, {
    kind: 'OWNERS_COMMITTEE',
    name: '金沙小区业主委员会',
    communityId: community.id,
    compoundId: compound.id,
    memberIds: owners.slice(0, 5).map((p) => p.id),
  });
  const firm = await createOrganization(tx, { kind: 'PROPERTY_FIRM', name: '泸州金沙物业服务有限公司', districtId: compound.districtId });
  await assignOrganization(tx, {
    organizationId: firm.id,
    relation: 'PROPERTY_SERVICE',
    communityId: community.id,
    compoundId: compound.id,
  });
  return { compoundId: compound.id };
}
