// Demo accounts on the scenario places, made with the test factories. Password for all: see logins.ts.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { createStaff, createUser, createVerifiedResident } from '../../tests/factories/accounts.ts';
import { syncFirmStaffGrants } from '../../src/server/organisations/firm-staff-grants.ts';
import { today } from '../../src/server/today.ts';
import { DEMO_LOGINS } from './logins.ts';

export async function seedAccounts(tx: Prisma.TransactionClient) {
  const pw = DEMO_LOGINS.password;
  const community = (code: string) => tx.community.findUniqueOrThrow({ where: { code } });
  const street = (code: string) => tx.street.findUniqueOrThrow({ where: { code } });
  const jinyang = await community('510107009003');
  const tanghu = await community('510116001001');
  const jinsha = await community('510502006006');
  const oucheng = await tx.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
  const staff = async (
    phone: string,
    name: string,
    role: Prisma.RoleGrantCreateManyInput['role'],
    placeLevel: Prisma.RoleGrantCreateManyInput['placeLevel'],
    placeId: number,
  ) => createStaff(tx, { name, phone, password: pw, role, placeLevel, placeId });

  await staff('13900001001', '刘建华', 'COMMUNITY_SECRETARY', 'COMMUNITY', jinyang.id);
  await staff('13900002002', '周志强', 'COMMUNITY_SECRETARY', 'COMMUNITY', tanghu.id);
  // Receives 金沙社区's mediation cases (issue 21).
  await staff('13900009661', '罗淑芳', 'COMMUNITY_SECRETARY', 'COMMUNITY', jinsha.id);
  await staff('13900003001', '李东升', 'STREET_STAFF', 'STREET', (await street('510116001')).id);
  await staff('13900003002', '何晋阳', 'STREET_STAFF', 'STREET', (await street('510107009')).id);
  await staff(
    '13900004001',
    '陈双流',
    'DISTRICT_ADMIN',
    'DISTRICT',
    (await tx.district.findUniqueOrThrow({ where: { code: '510116' } })).id,
  );
  await staff('13900006001', '罗网格', 'GRID_WORKER', 'COMMUNITY', jinsha.id);

  // The Oucheng Garden branch secretary, also chair of its owners' committee and an owner there (S4).
  const wang = await tx.person.findUniqueOrThrow({ where: { phone: '13900002001' }, include: { ownerships: true } });
  const wangUser = await createVerifiedResident(tx, {
    personId: wang.id,
    phone: wang.phone!,
    password: pw,
    householdId: wang.ownerships[0]!.householdId,
  });
  await tx.roleGrant.create({
    data: { userId: wangUser.id, role: 'BRANCH_SECRETARY', placeLevel: 'COMPOUND', placeId: oucheng.id, startsOn: new Date('2024-01-01') },
  });

  // A verified owner of Beiyuan, on the courtyard and community councils (S1).
  const zhang = await tx.person.findFirstOrThrow({ where: { name: '张桂兰' }, include: { ownerships: true } });
  await tx.person.update({ where: { id: zhang.id }, data: { phone: '13900001002' } });
  await createVerifiedResident(tx, {
    personId: zhang.id,
    phone: '13900001002',
    password: pw,
    householdId: zhang.ownerships[0]!.householdId,
  });

  // S3: building 3 of Jinsha — its party member is the building head; an owner there reports.
  const chen = await tx.person.findFirstOrThrow({ where: { name: '陈德明' } });
  await tx.person.update({ where: { id: chen.id }, data: { phone: '13900006002' } });
  const building3 = await tx.building.findFirstOrThrow({ where: { name: '3栋', compound: { name: '金沙小区' } } });
  await createStaff(tx, {
    name: '陈德明',
    phone: '13900006002',
    password: pw,
    role: 'BUILDING_HEAD',
    placeLevel: 'BUILDING',
    placeId: building3.id,
  });
  const b3owner = await tx.person.findFirstOrThrow({
    where: { ownerships: { some: { household: { buildingId: building3.id } } }, NOT: { id: chen.id } },
    include: { ownerships: true },
  });
  await tx.person.update({ where: { id: b3owner.id }, data: { name: '黄素芬', phone: '13900006003' } });
  await createVerifiedResident(tx, {
    personId: b3owner.id,
    phone: '13900006003',
    password: pw,
    householdId: b3owner.ownerships[0]!.householdId,
  });

  // S3's hand-offs (issue 19 item 6): Jinsha's branch secretary, its property firm's staff member, the chair of its owners'
  // committee, and another owner of building 3 who answers the building consultation.
  const jinshaCompound = await tx.compound.findFirstOrThrow({ where: { name: '金沙小区' } });
  const branchSecretary = await tx.partyOrgMember.findFirstOrThrow({
    where: { position: 'SECRETARY', partyOrg: { name: '金沙小区党支部' } },
    select: { personId: true },
  });
  await tx.person.update({ where: { id: branchSecretary.personId }, data: { name: '吴秀兰', phone: '13900009301' } });
  await staff('13900009301', '吴秀兰', 'BRANCH_SECRETARY', 'COMPOUND', jinshaCompound.id);
  const firm = await tx.organization.findFirstOrThrow({ where: { name: '泸州金沙物业服务有限公司' } });
  const firmUser = await createUser(tx, { name: '周海涛', phone: '13900009302', password: pw, verified: true });
  await tx.organizationMember.create({ data: { organizationId: firm.id, personId: firmUser.personId, title: '项目经理', staff: true } });
  await syncFirmStaffGrants(tx, firm.id, { userId: firmUser.id, today: today() });
  const chair = await tx.bodyMember.findFirstOrThrow({
    where: { position: 'CHAIR', body: { name: '金沙小区业主委员会' } },
    select: { person: { select: { id: true, ownerships: { select: { householdId: true }, take: 1 } } } },
  });
  await tx.person.update({ where: { id: chair.person.id }, data: { name: '杨国平', phone: '13900009303' } });
  await createVerifiedResident(tx, {
    personId: chair.person.id,
    phone: '13900009303',
    password: pw,
    householdId: chair.person.ownerships[0]!.householdId,
  });
  const b3neighbour = await tx.person.findFirstOrThrow({
    where: { ownerships: { some: { household: { buildingId: building3.id } } }, id: { notIn: [chen.id, b3owner.id] }, user: { is: null } },
    orderBy: { id: 'asc' },
    include: { ownerships: true },
  });
  await tx.person.update({ where: { id: b3neighbour.id }, data: { name: '刘淑珍', phone: '13900009304' } });
  await createVerifiedResident(tx, {
    personId: b3neighbour.id,
    phone: '13900009304',
    password: pw,
    householdId: b3neighbour.ownerships[0]!.householdId,
  });

  // A resident who registered (naming Jinyang, where Beiyuan is) but has not claimed a household yet (decision 030).
  const newcomer = await createUser(tx, { name: '新来的居民', phone: '13900005001', password: pw });
  await tx.user.update({ where: { id: newcomer.id }, data: { registeredCommunityId: jinyang.id } });
}
