// Bazhong (巴中市), seed place of the "red steward" (红色管家) practice: one compound of 巴州区东城街道鼓楼社区 with its
// three levels of party organisation (社区党委 — 小区党支部 — 楼栋党小组), a property firm with its own party branch
// (红色物业) and a property management committee (物业管理委员会) where no owners' committee has been elected.
// The compound's name and people are demo data; the community is real. The party organisations, from the street's 党工委
// down, are set up through the use cases (decision 043) by Bazhou's district administrator, a demo login.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { appointOfficerIn } from '../../src/server/party/officers.ts';
import { createPartyOrgIn } from '../../src/server/party/orgs.ts';
import { createPopulatedCompound } from '../../tests/factories/compound.ts';
import { NameSource } from '../../tests/factories/names.ts';
import {
  addPartyPosition,
  assignOrganization,
  createBody,
  createOrganization,
  registerPartyMember,
} from '../../tests/factories/organisation.ts';
import { createPeople } from '../../tests/factories/people.ts';
import { communityByCode } from '../../tests/factories/territory.ts';
import { createStaff } from '../../tests/factories/accounts.ts';
import { DEMO_LOGINS } from './logins.ts';
import { seedBy } from './seed-by.ts';

export const GULOU_COMMUNITY = '511902001002'; // 巴州区东城街道鼓楼社区
export const BAZHOU_ADMIN = '13900008101';

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
  const [secretary, branchSecretary] = await createPeople(tx, 2, names);
  const { districtId } = await tx.street.findUniqueOrThrow({ where: { id: community.streetId } });
  const firm = await createOrganization(tx, { kind: 'PROPERTY_FIRM', name: '巴中红管家物业服务有限公司', districtId, hasPartyOrg: true });
  await assignOrganization(tx, {
    organizationId: firm.id,
    relation: 'PROPERTY_SERVICE',
    communityId: community.id,
    compoundId: compound.id,
  });
  const pw = DEMO_LOGINS.password;
  await createStaff(tx, {
    name: '巴州区管理员',
    phone: BAZHOU_ADMIN,
    password: pw,
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: districtId,
  });
  const by = await seedBy(tx, BAZHOU_ADMIN);
  const street = await createPartyOrgIn(tx, by, { kind: 'STREET_WORKING_COMMITTEE', name: '东城街道党工委', placeId: community.streetId });
  const committee = await createPartyOrgIn(tx, by, {
    kind: 'COMMUNITY_COMMITTEE',
    name: '鼓楼社区党委',
    placeId: community.id,
    parentId: street.id,
  });
  const branch = await createPartyOrgIn(tx, by, {
    kind: 'COMPOUND_BRANCH',
    name: '鼓楼佳苑小区党支部',
    placeId: compound.id,
    parentId: committee.id,
  });
  const since = '2024-01-01';
  await appointOfficerIn(tx, by, {
    partyOrgId: committee.id,
    name: secretary!.name,
    phone: secretary!.phone!,
    position: 'SECRETARY',
    startsOn: since,
  });
  await appointOfficerIn(tx, by, {
    partyOrgId: branch.id,
    name: branchSecretary!.name,
    phone: branchSecretary!.phone!,
    position: 'SECRETARY',
    startsOn: since,
  });
  await registerPartyMember(tx, { personId: branchSecretary!.id, partyOrgId: branch.id });
  for (const [i, building] of buildings.entries()) {
    const group = await createPartyOrgIn(tx, by, {
      kind: 'BUILDING_GROUP',
      name: `鼓楼佳苑${building.name}党小组`,
      placeId: building.id,
      parentId: branch.id,
    });
    // Each building's party member keeps in touch with its households: the "red steward" of the building.
    const steward = owners[i * 12]!;
    await registerPartyMember(tx, { personId: steward.id, partyOrgId: group.id });
    await addPartyPosition(tx, { partyOrgId: group.id, personId: steward.id, position: 'CENTRAL_HOUSEHOLD' });
  }
  // 红色物业: the firm's project manager sits on the community's committee as a part-time member (兼职委员).
  const [manager] = await createPeople(tx, 1, names);
  await appointOfficerIn(tx, by, {
    partyOrgId: committee.id,
    name: manager!.name,
    phone: manager!.phone!,
    position: 'COMMITTEE_MEMBER',
    startsOn: since,
    organizationId: firm.id,
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
