// Bazhong (巴中市), seed place of the "red steward" (红色管家) practice: one compound of 巴州区东城街道鼓楼社区 with its
// three levels of party organisation (社区党委 — 小区党支部 — 楼栋党小组), a property firm with its own party branch
// (红色物业) and a property management committee (物业管理委员会) where no owners' committee has been elected.
// The compound's name and people are demo data; the community is real.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { createPopulatedCompound } from '../../tests/factories/compound.ts';
import { NameSource } from '../../tests/factories/names.ts';
import {
  addPartyPosition,
  assignOrganization,
  createBody,
  createOrganization,
  createPartyOrg,
  registerPartyMember,
} from '../../tests/factories/organisation.ts';
import { createPeople } from '../../tests/factories/people.ts';
import { communityByCode } from '../../tests/factories/territory.ts';

export const GULOU_COMMUNITY = '511902001002'; // 巴州区东城街道鼓楼社区

export async function seedBazhong(tx: Prisma.TransactionClient) {
  // Its own name source: the other demo places keep exactly the people they had.
  const names = new NameSource(5119, '1390519');
  const community = await communityByCode(tx, GULOU_COMMUNITY);
  const { compound, buildings, owners } = await createPopulatedCompound(tx, names, {
    communityId: community.id,
    name: '鼓楼佳苑',
    address: '巴中市巴州区鼓楼街',
    buildings: [1, 2].map((n) => ({ name: `${n}栋`, floors: 6, perFloor: 2, areasCentiM2: [8800, 10250] })),
  });
  const committee = await createPartyOrg(tx, { kind: 'COMMUNITY_COMMITTEE', name: '鼓楼社区党委', communityId: community.id });
  const branch = await createPartyOrg(tx, {
    kind: 'COMPOUND_BRANCH',
    name: '鼓楼佳苑小区党支部',
    communityId: community.id,
    compoundId: compound.id,
    parentId: committee.id,
  });
  const [secretary, branchSecretary] = await createPeople(tx, 2, names);
  await addPartyPosition(tx, { partyOrgId: committee.id, personId: secretary!.id, position: 'SECRETARY' });
  await addPartyPosition(tx, { partyOrgId: branch.id, personId: branchSecretary!.id, position: 'SECRETARY' });
  await registerPartyMember(tx, { personId: branchSecretary!.id, partyOrgId: branch.id });
  for (const [i, building] of buildings.entries()) {
    const group = await createPartyOrg(tx, {
      kind: 'BUILDING_GROUP',
      name: `鼓楼佳苑${building.name}党小组`,
      communityId: community.id,
      compoundId: compound.id,
      buildingId: building.id,
      parentId: branch.id,
    });
    // Each building's party member keeps in touch with its households: the "red steward" of the building.
    const steward = owners[i * 12]!;
    await registerPartyMember(tx, { personId: steward.id, partyOrgId: group.id });
    await addPartyPosition(tx, { partyOrgId: group.id, personId: steward.id, position: 'CENTRAL_HOUSEHOLD' });
  }
  const firm = await createOrganization(tx, {
    kind: 'PROPERTY_FIRM',
    name: '巴中红管家物业服务有限公司',
    districtId: compound.districtId,
    hasPartyOrg: true,
  });
  await assignOrganization(tx, {
    organizationId: firm.id,
    relation: 'PROPERTY_SERVICE',
    communityId: community.id,
    compoundId: compound.id,
  });
  await createBody(tx, {
    kind: 'PROPERTY_MANAGEMENT_COMMITTEE',
    name: '鼓楼佳苑物业管理委员会',
    communityId: community.id,
    compoundId: compound.id,
    memberIds: [branchSecretary!.id, ...owners.slice(1, 5).map((p) => p.id)],
  });
  return { compoundId: compound.id };
}
