// Issue 19 items 8 and 10 at Oucheng Garden (S4's compound), through the topic use cases: a major matter the party members
// know and discuss first — their suggestions and recorded view — and then open to residents, convened by the branch
// secretary 王秀英 as the topic's 协商联络人; a second one still in its party-first step (the e2e walks it).
import type { Prisma, PrismaClient } from '../../src/generated/prisma/client.ts';
import { advanceTopic } from '../../src/server/topics/advance-topic.ts';
import { addSuggestion } from '../../src/server/topics/participation.ts';
import { appointLiaison, recordPartyView } from '../../src/server/topics/party-first.ts';
import { proceduresFor } from '../../src/server/topics/procedures.ts';
import { raiseTopic } from '../../src/server/topics/raise-topic.ts';
import { createVerifiedResident } from '../../tests/factories/accounts.ts';
import { registerPartyMember } from '../../tests/factories/organisation.ts';
import { DEMO_LOGINS } from './logins.ts';
import { seedActor } from './seed-by.ts';

export const PARTY_MEMBER_PHONE = '13900009501';
export const NEIGHBOUR_PHONE = '13900009502';
export const PARTY_FIRST_FLAG = 'demo-party-first';

/** Two owners of Oucheng Garden with logins: 李红梅, a member of its party branch, and 赵建平, who is not. */
async function seedOwners(tx: Prisma.TransactionClient) {
  const oucheng = await tx.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
  const branch = await tx.partyOrg.findFirstOrThrow({ where: { compoundId: oucheng.id, kind: 'COMPOUND_BRANCH' } });
  const owned = await tx.ownership.findMany({
    where: { household: { building: { compoundId: oucheng.id } }, person: { user: { is: null }, partyMember: { is: null } } },
    orderBy: { householdId: 'asc' },
    take: 10,
  });
  // Two different people (an owner of two units is listed twice).
  const free = [...new Map(owned.map((o) => [o.personId, o])).values()].slice(0, 2);
  const people: [string, string][] = [
    ['李红梅', PARTY_MEMBER_PHONE],
    ['赵建平', NEIGHBOUR_PHONE],
  ];
  for (const [i, [name, phone]] of people.entries()) {
    const o = free[i]!;
    await tx.person.update({ where: { id: o.personId }, data: { name, phone } });
    await createVerifiedResident(tx, { personId: o.personId, phone, password: DEMO_LOGINS.password, householdId: o.householdId });
  }
  await registerPartyMember(tx, { personId: free[0]!.personId, partyOrgId: branch.id, servicePost: '楼栋党员' });
  return oucheng;
}

/**
 * The use cases read through the app's database handle: for the seed it is the database being prepared. Runs once (a flag),
 * after the accounts and topics stages; each topic is raised once (its idempotency key) whatever happens after.
 */
export async function seedPartyFirst(db: PrismaClient): Promise<boolean> {
  if (await db.systemFlag.findUnique({ where: { key: PARTY_FIRST_FLAG } })) return false;
  if (!(await db.systemFlag.findUnique({ where: { key: 'demo-topics' } }))) return false;
  const oucheng = await db.$transaction(seedOwners);
  const holder = globalThis as unknown as { yishiDb?: PrismaClient };
  const had = holder.yishiDb;
  holder.yishiDb = db;
  try {
    const as = (phone: string) => seedActor(db, phone);
    const [zhou, wang, li] = [await as('13900002002'), await as('13900002001'), await as(PARTY_MEMBER_PHONE)];
    const procedure = (await proceduresFor(oucheng.districtId, db)).find((p) => p.code === 'OWNERS_ASSEMBLY')!;
    const raise = (key: string, title: string, description: string) =>
      raiseTopic(zhou, {
        category: 'FACILITIES',
        title,
        description,
        compoundId: oucheng.id,
        communityId: oucheng.communityId,
        procedureId: procedure.id,
        assemblyMatter: 5,
        idempotencyKey: key,
      });
    const a = await raise(
      'demo-party-first-a',
      '2 栋外墙渗水整治（使用维修资金）',
      '2 栋西侧外墙多处渗水，影响 12 户。拟使用专项维修资金整治，提交业主大会表决（第 5 项事项）。党员先知道、先商量。',
    );
    await appointLiaison(zhou, a.id, wang.userId);
    await addSuggestion(li, a.id, { stance: 'SUPPORT', body: '同意整治，先请第三方做渗水检测，费用分摊要讲清楚。', anonymous: false });
    await addSuggestion(wang, a.id, { stance: 'AMEND', body: '施工期间安排党员每天巡查，及时告知住户。', anonymous: false });
    await recordPartyView(wang, a.id, {
      votesFor: 11,
      votesAgainst: 0,
      votesAmend: 2,
      statement: '支部党员大会讨论：同意提交业委会拟定方案，建议先检测、公开费用分摊。',
    });
    await advanceTopic(wang, a.id, { type: 'ADVANCE' });
    const b = await raise(
      'demo-party-first-b',
      '小区新增电动自行车充电桩（使用公共收益）',
      '楼道充电隐患大。拟在 3 栋、5 栋旁建设集中充电棚，使用公共收益，提交业主大会表决。先请党员商量。',
    );
    await appointLiaison(zhou, b.id, wang.userId);
    await addSuggestion(wang, b.id, { stance: 'SUPPORT', body: '先摸清各栋需要充电的户数，再定充电棚位置。', anonymous: false });
  } finally {
    holder.yishiDb = had;
  }
  await db.systemFlag.create({ data: { key: PARTY_FIRST_FLAG, value: 'Oucheng party members first, liaison' } });
  return true;
}
