// Demo issues (S3 and the street's view): one handled within two days and rated, one waiting.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { createIssueWithHistory } from '../../tests/factories/issues.ts';

export async function seedIssues(tx: Prisma.TransactionClient, now: Date) {
  const reporter = await tx.user.findUniqueOrThrow({ where: { phone: '13900006003' } });
  const head = await tx.user.findUniqueOrThrow({ where: { phone: '13900006002' } });
  const building3 = await tx.building.findFirstOrThrow({ where: { name: '3栋', compound: { name: '金沙小区' } } });
  const day = 24 * 3600_000;
  const earlier = new Date(now.getTime() - 10 * day);
  await createIssueWithHistory(tx, {
    categoryCode: 'FACILITIES', title: '3栋化粪池堵塞', description: '3栋一单元化粪池堵塞，污水漫到楼道，附近住户没法用卫生间。',
    compoundId: building3.compoundId, buildingId: building3.id, authorUserId: reporter.id, assigneeUserId: head.id,
    createdAt: earlier, acknowledgeBy: new Date(earlier.getTime() + 2 * 3600_000), resolveBy: new Date(earlier.getTime() + 2 * day),
    rating: 'SATISFIED', ratingComment: '两天就修好了，谢谢陈师傅',
    steps: [
      { type: 'ACKNOWLEDGE', toState: 'ACKNOWLEDGED', actorUserId: head.id, actorLabel: '陈德明', message: '已到现场查看，已报小区党支部', minutesAfter: 35 },
      { type: 'START', toState: 'IN_PROGRESS', actorUserId: head.id, actorLabel: '陈德明', message: '支部召集物业和业委会，3栋业主书面征求意见同意由维修资金列支', minutesAfter: 24 * 60 },
      { type: 'RESOLVE', toState: 'RESOLVED', actorUserId: head.id, actorLabel: '陈德明', message: '物业已疏通并更换管道', minutesAfter: 44 * 60 },
      { type: 'RATE', toState: 'CLOSED', actorUserId: reporter.id, actorLabel: '黄素芬', message: '两天就修好了，谢谢陈师傅', minutesAfter: 46 * 60 },
    ],
  });
  await createIssueWithHistory(tx, {
    categoryCode: 'ENVIRONMENT', title: '3栋楼下垃圾桶满溢', description: '垃圾桶两天没清运，有异味。',
    compoundId: building3.compoundId, buildingId: building3.id, authorUserId: reporter.id, anonymous: true, assigneeUserId: head.id,
    createdAt: new Date(now.getTime() - 3600_000), acknowledgeBy: new Date(now.getTime() + 3 * 3600_000), resolveBy: new Date(now.getTime() + 3 * day),
    steps: [],
  });
}
