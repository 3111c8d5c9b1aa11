// Scenario S1 on the notice board: the Beiyuan back gate, a courtyard project passed at the community
// council's roadshow by 25 of 37, three bids compared, 34,500 of a 36,000 budget spent — published as
// plan, decision and finance notices in the hash chain; and a party-affairs notice written by hand.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { evaluateBody } from '../../src/domain/votes/evaluate.ts';
import { publishNotice } from '../../src/server/notices/publish.ts';
import { publishTopicNotice } from '../../src/server/topics/notices.ts';
import { createTopicWithHistory } from '../../tests/factories/topics.ts';

export async function seedBoard(tx: Prisma.TransactionClient, now: Date) {
  const day = 86_400_000;
  const secretary = await tx.user.findUniqueOrThrow({ where: { phone: '13900001001' } });
  const by = { userId: secretary.id, label: '刘建华' };
  const beiyuan = await tx.compound.findFirstOrThrow({ where: { name: '北苑小区' } });
  const council = await tx.body.findFirstOrThrow({ where: { name: '晋阳社区议事会' }, include: { members: true } });
  const started = new Date(now.getTime() - 120 * day);
  const topic = await createTopicWithHistory(tx, {
    category: 'FACILITIES',
    procedureCode: 'COURTYARD_ROADSHOW',
    title: '北苑小区后门维修',
    description: '北苑小区后门损坏多年，居民反映强烈。院落议事会与居委会、施工单位多次商议后提出维修项目。',
    communityId: beiyuan.communityId,
    compoundId: beiyuan.id,
    by,
    stepIndex: 6,
    createdAt: started,
    stepDueAt: new Date(now.getTime() + 5 * day),
    plans: [
      {
        title: '北苑小区后门维修方案',
        body: '更换后门门体，加装门禁和照明，工期 20 天。',
        budgetFen: 3_600_000,
        funding: [
          { source: '社区公益金', amountFen: 2_600_000 },
          { source: '居民自筹', amountFen: 1_000_000 },
        ],
      },
    ],
  });
  const plan = await tx.planVersion.findFirstOrThrow({ where: { topicId: topic.id } });
  await tx.planVersion.update({
    where: { id: plan.id },
    data: {
      frozenAt: new Date(started.getTime() + 60 * day),
      budgetLines: [
        { item: '门体及安装', amountFen: 3_000_000 },
        { item: '门禁与照明', amountFen: 600_000 },
      ],
    },
  });
  await tx.topicRecord.create({
    data: {
      topicId: topic.id,
      stepIndex: 2,
      kind: 'CONSENSUS',
      planVersionId: plan.id,
      statement: '院落议事会 5 名成员一致同意维修方案、预算 36,000 元及资金来源。',
      participants: ['院落议事会 5 人', '晋阳社区居委会', '四川晋城建筑工程有限公司'],
      heldOn: new Date(started.getTime() + 60 * day),
      byUserId: secretary.id,
    },
  });
  const tally = { roster: 37, present: 33, for: 25 };
  const result = evaluateBody({ kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } }, tally);
  await tx.motion.create({
    data: {
      topicId: topic.id,
      stepIndex: 3,
      bodyId: council.id,
      voters: { kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' },
      rule: { kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } },
      roster: council.members.map((m) => m.personId),
      status: 'PASSED',
      tally: { kind: 'BODY', present: 33, for: 25, against: 5, abstain: 3 },
      result: result as unknown as Prisma.InputJsonValue,
      openedAt: new Date(started.getTime() + 75 * day),
      decidedAt: new Date(started.getTime() + 80 * day),
      decidedById: secretary.id,
    },
  });
  for (const [contractor, amountFen, chosen, note] of [
    ['四川晋城建筑工程有限公司', 3_450_000, true, '报价最低，工期 20 天'],
    ['成都安居门业有限公司', 3_580_000, false, '工期 25 天'],
    ['武侯区鑫达装饰工程部', 3_700_000, false, '含两年维保'],
  ] as const) {
    await tx.bid.create({ data: { topicId: topic.id, contractor, amountFen, chosen, note, createdById: secretary.id } });
  }
  const task = await tx.topicTask.create({
    data: {
      topicId: topic.id,
      title: '更换后门并加装门禁照明',
      responsible: '四川晋城建筑工程有限公司',
      dueOn: new Date(started.getTime() + 110 * day),
      status: 'ACCEPTED',
      createdById: secretary.id,
    },
  });
  await tx.taskUpdate.create({
    data: { taskId: task.id, authorId: secretary.id, authorLabel: '刘建华', kind: 'ACCEPT', body: '院落议事会和居民代表现场验收合格' },
  });
  await tx.expense.createMany({
    data: [
      {
        topicId: topic.id,
        item: '门体及安装',
        amountFen: 2_900_000,
        paidOn: new Date(started.getTime() + 108 * day),
        createdById: secretary.id,
      },
      {
        topicId: topic.id,
        item: '门禁与照明',
        amountFen: 550_000,
        paidOn: new Date(started.getTime() + 108 * day),
        createdById: secretary.id,
      },
    ],
  });
  await tx.topic.update({ where: { id: topic.id }, data: { actualCostFen: 3_450_000 } });
  const row = await tx.topic.findUniqueOrThrow({ where: { id: topic.id } });
  // Each in the step it opened (roadshow 3, contractors 4, publicise 6).
  for (const [kind, step] of [
    ['PLAN', 3],
    ['DECISION', 4],
    ['FINANCE', 6],
  ] as const)
    await publishTopicNotice(tx, row, kind, secretary.id, step);

  await publishNotice(tx, {
    kind: 'MANUAL',
    category: 'PARTY',
    title: '晋阳社区党委 2026 年第四季度主题党日安排',
    body: '12 月 16 日（周三）下午 3 点在社区党群服务中心开展“我为群众办实事”开放式主题党日，欢迎居民参加。',
    bodyHtml: '<p>12 月 16 日（周三）下午 3 点在社区党群服务中心开展<strong>“我为群众办实事”</strong>开放式主题党日，欢迎居民参加。</p>',
    place: { streetId: beiyuan.streetId, communityId: beiyuan.communityId, compoundId: null, districtId: beiyuan.districtId },
    createdById: secretary.id,
  });
}
