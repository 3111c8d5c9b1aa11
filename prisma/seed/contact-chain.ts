// The contact chain at S2's 龙躺梁 (issue 19 item 7, decision 051), through the use cases: the compound branch gets a
// secretary (a demo login), who links himself to the building head of 1号楼, the building head to a party-member household
// (the dual-registered member, 双报到), and that household to an elderly neighbour without an account; the party-member
// household (a demo login) has recorded an issue for the neighbour (代为反映).
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { appointOfficerIn } from '../../src/server/party/officers.ts';
import { assignContactIn } from '../../src/server/party/contact-chain.ts';
import { raiseIssueFor } from '../../src/server/party/contact-households.ts';
import { today } from '../../src/server/today.ts';
import { createStaff, createVerifiedResident } from '../../tests/factories/accounts.ts';
import { DEMO_LOGINS } from './logins.ts';
import { seedBy } from './seed-by.ts';

export const CONTACT_LOGINS = { officer: '13900009401', buildingHead: '13900009402', partyHousehold: '13900009403' } as const;

export async function seedContactChain(tx: Prisma.TransactionClient, now: Date) {
  const pw = DEMO_LOGINS.password;
  const day = today(now);
  const branch = await tx.partyOrg.findFirstOrThrow({ where: { name: '龙躺梁小区党支部' } });
  const building = await tx.building.findFirstOrThrow({ where: { compoundId: branch.compoundId!, name: '1号楼' } });
  // The community's secretary (demo login of S2) appoints the branch's secretary, who then gets a staff login.
  await appointOfficerIn(tx, await seedBy(tx, '13900007001'), {
    partyOrgId: branch.id,
    name: '郝志刚',
    phone: CONTACT_LOGINS.officer,
    position: 'SECRETARY',
    startsOn: '2025-03-01',
  });
  const officer = await createStaff(tx, {
    name: '郝志刚',
    phone: CONTACT_LOGINS.officer,
    password: pw,
    role: 'BRANCH_SECRETARY',
    placeLevel: 'COMPOUND',
    placeId: branch.compoundId!,
  });
  const head = await createStaff(tx, {
    name: '田秀梅',
    phone: CONTACT_LOGINS.buildingHead,
    password: pw,
    role: 'BUILDING_HEAD',
    placeLevel: 'BUILDING',
    placeId: building.id,
  });
  // The dual-registered member's household (1号楼) keeps in touch with the elderly household next door.
  const member = await tx.partyMember.findFirstOrThrow({
    where: { partyOrgId: branch.id, dualRegistered: true },
    include: { person: { include: { residencies: { include: { household: true } } } } },
  });
  const home = member.person.residencies[0]!.household;
  await tx.person.update({ where: { id: member.personId }, data: { phone: CONTACT_LOGINS.partyHousehold } });
  await createVerifiedResident(tx, {
    personId: member.personId,
    phone: CONTACT_LOGINS.partyHousehold,
    password: pw,
    householdId: home.id,
  });
  const elderly = await tx.household.findFirstOrThrow({
    where: { buildingId: home.buildingId, id: { not: home.id }, claims: { none: {} } },
    orderBy: { id: 'asc' },
    include: { residencies: true },
  });
  for (const r of elderly.residencies) await tx.person.update({ where: { id: r.personId }, data: { name: '王桂英', birthYear: 1941 } });

  const byOfficer = await seedBy(tx, CONTACT_LOGINS.officer);
  const headPerson = (await tx.user.findUniqueOrThrow({ where: { id: head.id } })).personId;
  const officerPerson = (await tx.user.findUniqueOrThrow({ where: { id: officer.id } })).personId;
  const link = (kind: Parameters<typeof assignContactIn>[2]['kind'], keeperId: number, keptId: number) =>
    assignContactIn(tx, byOfficer, { partyOrgId: branch.id, kind, keeperId, keptId, startsOn: day });
  await link('OFFICER_TO_BUILDING_HEAD', officerPerson, headPerson);
  await link('BUILDING_HEAD_TO_PARTY_HOUSEHOLD', headPerson, home.id);
  await link('PARTY_HOUSEHOLD_TO_RESIDENT', home.id, elderly.id);

  // The keeper as a request would load them: CONTACT_KEEPER at the neighbour's building, from today.
  const byKeeper = { ...(await seedBy(tx, CONTACT_LOGINS.partyHousehold)), today: day };
  byKeeper.actor.grants.push({ role: 'CONTACT_KEEPER', place: { level: 'building', id: elderly.buildingId }, startsOn: day, endsOn: null });
  const category = await tx.issueCategory.findFirstOrThrow({ where: { code: 'FACILITIES', districtId: null } });
  await raiseIssueFor(
    byKeeper,
    {
      householdId: elderly.id,
      categoryId: category.id,
      title: '王奶奶家楼道扶手松动',
      description: '1号楼王奶奶（84岁）家门口楼道扶手松动，老人上下楼不安全，请物业尽快加固。',
      idempotencyKey: '00000000-0000-4000-8000-000000009403',
    },
    tx,
  );
}
