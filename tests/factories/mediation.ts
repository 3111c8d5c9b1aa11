import type { TBy } from '@/server/accounts/by';
import { loadActor } from '@/server/auth/actor';
import { today } from '@/server/today';
import { createStaff, createUser, createVerifiedResident } from './accounts';
import type { TDbLike } from './db';
import { createIssueWithHistory } from './issues';
import { addPartyPosition, assignOrganization, createBody, createOrganization, createPartyOrg } from './organisation';

type TWorldPart = {
  jinyang: { id: number; streetId: number };
  tanghu: { id: number; streetId: number };
  a: { compound: { id: number }; households: { id: number; buildingId: number }[]; owners: { id: number; name: string }[] };
  staff: { jinyangSecretary: { id: number }; jinyangStreet: { id: number }; gridWorker: { id: number } };
};

/** The signed-in user as a use case receives it. */
export const asUser = async (userId: number, label = `user:${userId}`): Promise<TBy> => ({
  userId,
  label,
  actor: await loadActor(userId),
  today: today(),
});

/**
 * The people around a neighbours' dispute in 北苑小区 (金阳社区), for mediation tests: the two neighbours (owners in one
 * building, with accounts), someone of the applicant's household, the community's mediation committee (a chair and a
 * member), a mediation studio serving it, the compound branch's secretary, an unrelated resident, another community's
 * secretary, and two issues of the applicant (one anonymous). Phones 1380096xxxx.
 */
export async function createMediationCast(db: TDbLike, w: TWorldPart) {
  const pw = 'pass-1234';
  const [h0, h1, , h3] = w.a.households;
  const [o0, o1, , o3] = w.a.owners;
  const applicant = await createVerifiedResident(db, { personId: o0!.id, phone: '13800960001', password: pw, householdId: h0!.id });
  const respondent = await createVerifiedResident(db, { personId: o1!.id, phone: '13800960002', password: pw, householdId: h1!.id });
  const unrelated = await createVerifiedResident(db, { personId: o3!.id, phone: '13800960003', password: pw, householdId: h3!.id });
  const spouse = await db.person.create({ data: { name: '同户家属', phone: '13800960004' } });
  await db.residency.create({ data: { householdId: h0!.id, personId: spouse.id, relation: 'FAMILY' } });
  const chair = await createUser(db, { name: '调委会主任', phone: '13800960005', password: pw, verified: true });
  const member = await createUser(db, { name: '调委会委员', phone: '13800960006', password: pw, verified: true });
  await createBody(db, {
    kind: 'MEDIATION_COMMITTEE',
    name: '金阳社区人民调解委员会',
    communityId: w.jinyang.id,
    seats: 5,
    memberIds: [chair.personId, member.personId],
  });
  const { districtId } = await db.street.findUniqueOrThrow({ where: { id: w.jinyang.streetId } });
  const studio = await createOrganization(db, { kind: 'MEDIATION_STUDIO', name: '睦邻调解工作室', districtId });
  await assignOrganization(db, { organizationId: studio.id, relation: 'SERVICE', communityId: w.jinyang.id });
  const studioMediator = await createUser(db, { name: '工作室调解员', phone: '13800960007', password: pw, verified: true });
  await db.organizationMember.create({
    data: { organizationId: studio.id, personId: studioMediator.personId, title: '调解员', staff: true },
  });
  const branch = await createPartyOrg(db, {
    kind: 'COMPOUND_BRANCH',
    name: '北苑党支部',
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
  });
  const branchSecretary = await createUser(db, { name: '支部书记', phone: '13800960008', password: pw, verified: true });
  await addPartyPosition(db, { partyOrgId: branch.id, personId: branchSecretary.personId, position: 'SECRETARY' });
  const outsider = await createUser(db, { name: '外社区调解员', phone: '13800960009', password: pw, verified: true });
  const otherSecretary = await createStaff(db, {
    name: '棠湖书记',
    phone: '13800960010',
    password: pw,
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: w.tanghu.id,
  });
  const issue = (anonymous: boolean) =>
    createIssueWithHistory(db, {
      categoryCode: 'NEIGHBOUR',
      title: anonymous ? '楼上噪音（匿名）' : '楼上漏水到我家',
      description: '楼上卫生间漏水，天花板发霉',
      compoundId: w.a.compound.id,
      authorUserId: applicant.id,
      anonymous,
      createdAt: new Date(Date.now() - 3600_000),
      acknowledgeBy: new Date(Date.now() + 86_400_000),
      resolveBy: new Date(Date.now() + 7 * 86_400_000),
      steps: [],
    });
  return {
    applicant,
    respondent,
    unrelated,
    spouse,
    chair,
    member,
    studio,
    studioMediator,
    branchSecretary,
    outsider,
    otherSecretary,
    households: { applicant: h0!.id, respondent: h1!.id },
    issue: await issue(false),
    anonymousIssue: await issue(true),
  };
}
