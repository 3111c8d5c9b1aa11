// 督办 in the demo (issue 19 item 2, decision 049): at 欧城花园 (Dongsheng street, S4/S6) a topic in implementation whose task,
// owned by the property firm (王静 acts for it), is three weeks late and escalated to the street; and a topic of another
// community of the street whose step is two weeks late. The pass itself runs over the street, first on the day the task
// reached the community, then now, so the timeline and the S6 street dashboard show them as a real pass leaves them.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { addDays, addWorkingDays } from '../../src/domain/calendar/working-calendar.ts';
import { fromChinaLocal } from '../../src/server/issues/clock.ts';
import { calendarFor } from '../../src/server/issues/district-settings.ts';
import { runSupervisionPass } from '../../src/server/topics/supervision-pass.ts';
import { ownerColumns } from '../../src/server/topics/task-owners.ts';
import { topicEvent } from '../../src/server/topics/topic-core.ts';
import { dateOnly, today } from '../../src/server/today.ts';
import { createTopicWithHistory } from '../../tests/factories/topics.ts';

const DAY = 86_400_000;

export async function seedSupervision(tx: Prisma.TransactionClient, now: Date) {
  const oucheng = await tx.compound.findFirstOrThrow({ where: { name: '欧城花园' }, include: { community: true } });
  const streetId = oucheng.community.streetId;
  const secretary = await tx.user.findUniqueOrThrow({ where: { phone: '13900002002' } });
  const by = { userId: secretary.id, label: '周志强' };
  const firm = await tx.organization.findFirstOrThrow({ where: { name: '成都欧城物业服务有限公司' }, select: { id: true, name: true } });
  const topic = await createTopicWithHistory(tx, {
    category: 'FACILITIES',
    procedureCode: 'SEVEN_STEP',
    title: '欧城花园 3 栋外墙瓷砖脱落修缮',
    description: '3 栋外墙瓷砖多处脱落，威胁行人安全。协商决定由物业搭设防护棚并修补外墙，费用从公共收益列支。',
    communityId: oucheng.communityId,
    compoundId: oucheng.id,
    by,
    stepIndex: 5,
    createdAt: new Date(now.getTime() - 45 * DAY),
    stepDueAt: new Date(now.getTime() + 20 * DAY),
  });
  const dueOn = addDays(today(now), -21);
  const task = await tx.topicTask.create({
    data: {
      topicId: topic.id,
      title: '搭设防护棚并修补 3 栋外墙',
      // The owner's name, as addTask writes it (decision 053).
      responsible: firm.name,
      dueOn: dateOnly(dueOn),
      createdById: secretary.id,
      createdAt: new Date(now.getTime() - 40 * DAY),
      ...ownerColumns({ kind: 'ORGANIZATION', organizationId: firm.id }),
    },
  });
  await topicEvent(tx, by, topic, 'TASK', `${task.title}（欧城物业，${dueOn}）`);

  const other = await tx.community.findFirstOrThrow({ where: { streetId, id: { not: oucheng.communityId } }, orderBy: { code: 'asc' } });
  await createTopicWithHistory(tx, {
    category: 'ENVIRONMENT',
    procedureCode: 'SEVEN_STEP',
    title: '社区健身广场夜间噪声',
    description: '广场舞音响夜间扰民，居民希望商定时段和音量。',
    communityId: other.id,
    by,
    stepIndex: 2,
    createdAt: new Date(now.getTime() - 35 * DAY),
    stepDueAt: fromChinaLocal({ date: addDays(today(now), -14), minute: 17 * 60 + 30 }),
  });

  const cal = await calendarFor(oucheng.districtId, tx);
  const reachedCommunity = fromChinaLocal({ date: addWorkingDays(dueOn, 2, cal), minute: 10 * 60 });
  await runSupervisionPass(reachedCommunity, { db: tx, streetId });
  await runSupervisionPass(now, { db: tx, streetId });
}
