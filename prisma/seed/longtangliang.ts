// S2 — parking in an old compound, seven steps: Yangquan, Chengqu, Longtangliang community (龙躺梁社区).
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

export const LONGTANGLIANG_COMMUNITY = '140302004004';

export async function seedLongtangliang(tx: Prisma.TransactionClient, names: NameSource) {
  const community = await communityByCode(tx, LONGTANGLIANG_COMMUNITY);
  const { compound, buildings, owners } = await createPopulatedCompound(tx, names, {
    communityId: community.id,
    name: '龙躺梁老旧小区',
    address: '阳泉市城区龙躺梁',
    buildings: [1, 2, 3, 4, 5, 6].map((n) => ({ name: `${n}号楼`, units: 2, floors: 5, perFloor: 2, areasCentiM2: [5620, 6480] })),
  });
  const grid = await createGrid(tx, { communityId: community.id, name: '第一网格' });
  await tx.building.updateMany({ where: { id: { in: buildings.map((b) => b.id) } }, data: { gridId: grid.id } });

  const committee = await createPartyOrg(tx, { kind: 'COMMUNITY_COMMITTEE', name: '龙躺梁社区党委', communityId: community.id });
  const branch = await createPartyOrg(tx, {
    kind: 'COMPOUND_BRANCH',
    name: '龙躺梁小区党支部',
    communityId: community.id,
    compoundId: compound.id,
    parentId: committee.id,
  });
  const [secretary, ...partyReps] = await createPeople(tx, 4, names);
  await addPartyPosition(tx, { partyOrgId: committee.id, personId: secretary!.id, position: 'SECRETARY' });
  await registerPartyMember(tx, { personId: secretary!.id, partyOrgId: committee.id });
  const posts = [
    { servicePost: '停车秩序劝导岗', skills: ['交通疏导'], interests: ['书法'] },
    { servicePost: '楼栋联络员', skills: ['电工', '维修'], interests: ['象棋'] },
    { servicePost: '矛盾调解岗', skills: ['调解', '法律咨询'], interests: ['太极'] },
  ];
  for (const [i, p] of partyReps.entries())
    await registerPartyMember(tx, { personId: p.id, partyOrgId: branch.id, ...posts[i % posts.length] });
  // A dual-registered member from a nearby workplace (在职党员双报到).
  await registerPartyMember(tx, {
    personId: owners[3]!.id,
    partyOrgId: branch.id,
    dualRegistered: true,
    workUnit: '阳泉市城区人民医院',
    servicePost: '健康服务岗',
    skills: ['医疗', '急救'],
    interests: ['义诊'],
    intentions: '每月第一个周六参加社区义诊',
  });

  // Residents' representatives meeting: 21 representatives; two thirds of all = 14.
  await createBody(tx, {
    kind: 'RESIDENTS_REPRESENTATIVES',
    name: '龙躺梁社区居民代表会议',
    communityId: community.id,
    memberIds: [secretary!.id, ...owners.slice(0, 20).map((p) => p.id)],
  });
  await createBody(tx, {
    kind: 'OWNERS_COMMITTEE',
    name: '龙躺梁小区业主委员会',
    communityId: community.id,
    compoundId: compound.id,
    memberIds: owners.slice(20, 25).map((p) => p.id),
    positions: ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'MEMBER', 'SECRETARY'],
  });
  const firm = await createOrganization(tx, { kind: 'PROPERTY_FIRM', name: '阳泉市安居物业管理有限公司', districtId: compound.districtId });
  await assignOrganization(tx, {
    organizationId: firm.id,
    relation: 'PROPERTY_SERVICE',
    communityId: community.id,
    compoundId: compound.id,
  });
  const police = await createOrganization(tx, {
    kind: 'CO_BUILDING_UNIT',
    name: '阳泉市公安局交通警察支队城区大队',
    districtId: compound.districtId,
    hasPartyOrg: true,
  });
  await assignOrganization(tx, { organizationId: police.id, relation: 'CO_BUILDING', communityId: community.id });
  return { compoundId: compound.id };
}
