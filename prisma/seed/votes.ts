// Votes open on first start: S1's kind of roadshow on the 37-member council (phones), and S5, the
// maintenance-fund written consultation of 欧城花园's owners (areas and heads, paper ballots).
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { openMotion } from '../../src/server/topics/motions.ts';
import { createTopicWithHistory } from '../../tests/factories/topics.ts';

export async function seedVotes(tx: Prisma.TransactionClient, now: Date) {
  const day = 86_400_000;
  const liu = await tx.user.findUniqueOrThrow({ where: { phone: '13900001001' } });
  const beiyuan = await tx.compound.findFirstOrThrow({ where: { name: '北苑小区' } });
  const s1 = await createTopicWithHistory(tx, {
    category: 'FACILITIES',
    procedureCode: 'COURTYARD_ROADSHOW',
    title: '北苑小区电动车充电棚',
    description: '院落议事会提出在 4 栋旁建电动车集中充电棚，解决楼道充电的消防隐患。',
    communityId: beiyuan.communityId,
    compoundId: beiyuan.id,
    by: { userId: liu.id, label: '刘建华' },
    stepIndex: 3,
    createdAt: new Date(now.getTime() - 40 * day),
    stepDueAt: new Date(now.getTime() + 14 * day),
    plans: [
      {
        title: '充电棚建设方案',
        body: '建设 40 个充电位，刷卡计费。',
        budgetFen: 4_800_000,
        funding: [
          { source: '社区公益金', amountFen: 3_000_000 },
          { source: '充电收费回收', amountFen: 1_800_000 },
        ],
      },
    ],
  });
  const plan = await tx.planVersion.findFirstOrThrow({ where: { topicId: s1.id } });
  await tx.planVersion.update({ where: { id: plan.id }, data: { frozenAt: new Date(now.getTime() - 10 * day) } });
  await tx.topicRecord.create({
    data: {
      topicId: s1.id,
      stepIndex: 2,
      kind: 'CONSENSUS',
      planVersionId: plan.id,
      statement: '院落议事会同意充电棚方案。',
      participants: ['院落议事会 5 人'],
      heldOn: new Date(now.getTime() - 10 * day),
      byUserId: liu.id,
    },
  });
  const m1 = await openMotion(
    tx,
    { ...s1, assemblyMatter: null },
    3,
    { kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' },
    { kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } },
  );
  await tx.motion.update({ where: { id: m1.id }, data: { mode: 'ELECTRONIC', title: '社区议事会路演表决' } });

  const oucheng = await tx.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
  const wang = await tx.user.findUniqueOrThrow({ where: { phone: '13900002001' } });
  const s5 = await createTopicWithHistory(tx, {
    category: 'FACILITIES',
    procedureCode: 'OWNERS_ASSEMBLY',
    title: '使用维修资金更换 3 栋电梯',
    description: '3 栋电梯多次困人，业委会提议使用专项维修资金更换（第 5 项事项），书面征求全体业主意见 15 天。',
    communityId: oucheng.communityId,
    compoundId: oucheng.id,
    by: { userId: wang.id, label: '王秀英' },
    stepIndex: 2,
    assemblyMatter: 5,
    createdAt: new Date(now.getTime() - 20 * day),
    stepDueAt: new Date(now.getTime() + 15 * day),
    plans: [
      {
        title: '3 栋电梯更换方案',
        body: '更换 3 栋 2 部电梯。',
        budgetFen: 88_000_000,
        funding: [{ source: '专项维修资金', amountFen: 88_000_000 }],
      },
    ],
  });
  await tx.topicRecord.create({
    data: {
      topicId: s5.id,
      stepIndex: 1,
      kind: 'APPROVAL',
      statement: '支部委员会同意提交业主大会书面征求意见。',
      participants: ['王秀英'],
      heldOn: new Date(now.getTime() - 5 * day),
      byUserId: wang.id,
    },
  });
  const m5 = await openMotion(tx, s5, 2, { kind: 'OWNERS' }, { kind: 'OWNERS_ASSEMBLY', matter: 9 });
  // Announced to the owners 16 days ago (the 15 clear days of notice are over): ballots are being returned.
  const votingFrom = new Date(now.getTime() - day);
  await tx.motion.update({
    where: { id: m5.id },
    data: { mode: 'WRITTEN', closesAt: new Date(now.getTime() + 15 * day), votingFrom, title: '书面征求意见' },
  });
}
