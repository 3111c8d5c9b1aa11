import { toChinaLocal } from '@/server/issues/clock';
import type { TMeetingInput } from '@/server/meetings/schedule';
import { createStaff, createUser, createVerifiedResident } from '../../factories/accounts';
import { addPartyPosition, createPartyOrg, registerPartyMember } from '../../factories/organisation';
import { byUser, world } from '../accounts/support';

/**
 * 欧城花园 (compound b of Tanghu) with its party branch: a branch secretary (BRANCH_SECRETARY at the compound and
 * SECRETARY of the branch), three registered party members (one with an account), the community's secretary, a
 * verified resident who is no party member, an unverified account, and a verified resident of 北苑 elsewhere.
 */
export async function partyDayWorld() {
  const base = await world();
  const { db, b, a, tanghu } = base;
  const pw = 'x-pass-1234';
  const branch = await createPartyOrg(db, {
    kind: 'COMPOUND_BRANCH',
    name: '欧城花园党支部',
    communityId: tanghu.id,
    compoundId: b.compound.id,
  });
  const secretary = await createStaff(db, {
    name: '王支书',
    phone: '13866600001',
    password: pw,
    role: 'BRANCH_SECRETARY',
    placeLevel: 'COMPOUND',
    placeId: b.compound.id,
  });
  await addPartyPosition(db, { partyOrgId: branch.id, personId: secretary.personId, position: 'SECRETARY' });
  await registerPartyMember(db, { personId: secretary.personId, partyOrgId: branch.id });
  for (const o of [b.owners[1]!, b.owners[2]!]) await registerPartyMember(db, { personId: o.id, partyOrgId: branch.id });
  const partyMember = await createVerifiedResident(db, {
    personId: b.owners[1]!.id,
    phone: '13866600002',
    password: pw,
    householdId: b.households[1]!.id,
  });
  const resident = await createVerifiedResident(db, {
    personId: b.owners[0]!.id,
    phone: '13866600003',
    password: pw,
    householdId: b.households[0]!.id,
  });
  const neighbour = await createVerifiedResident(db, {
    personId: b.owners[3]!.id,
    phone: '13866600007',
    password: pw,
    householdId: b.households[3]!.id,
  });
  const unverified = await createUser(db, { name: '新用户', phone: '13866600004', password: pw, verified: false });
  const elsewhere = await createVerifiedResident(db, {
    personId: a.owners[0]!.id,
    phone: '13866600005',
    password: pw,
    householdId: a.households[0]!.id,
  });
  const zhou = await createStaff(db, {
    name: '周书记',
    phone: '13866600006',
    password: pw,
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: tanghu.id,
  });
  const by = {
    branch: await byUser(secretary.id, '王支书'),
    zhou: await byUser(zhou.id, '周书记'),
    jinyang: await byUser(base.staff.jinyangSecretary.id, '刘书记'),
    resident: await byUser(resident.id, '居民'),
    neighbour: await byUser(neighbour.id, '邻居'),
    partyMember: await byUser(partyMember.id, '党员'),
    unverified: await byUser(unverified.id, '新用户'),
    elsewhere: await byUser(elsewhere.id, '北苑居民'),
  };
  return { ...base, branch, secretary, partyMember, resident, zhou, by };
}

/** China's date `n` days from now. */
export const inDays = (n: number) => toChinaLocal(new Date(Date.now() + n * 86_400_000)).date;

/** A 主题党日 of 欧城花园, open to its residents. */
export const partyDay = (w: Awaited<ReturnType<typeof partyDayWorld>>, over: Partial<TMeetingInput> = {}): TMeetingInput => ({
  kind: 'PARTY_DAY',
  title: '开放式主题党日：垃圾分类',
  communityId: w.tanghu.id,
  compoundId: w.b.compound.id,
  location: '欧城花园党群服务站',
  mode: 'IN_PERSON',
  date: inDays(10),
  startMinute: 9 * 60,
  durationMinutes: 120,
  open: true,
  ...over,
});
