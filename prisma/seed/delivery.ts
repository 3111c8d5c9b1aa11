// Issue 19 items 1 and 3 (decision 053): a second S2 topic at 龙躺梁 in its implementation step, whose tasks are owned by
// the property firm (its staff login reports) and the owners' committee; progress with a photo, one task awaiting
// acceptance, and a monthly progress bulletin schedule with one bulletin published and one draft waiting for review.
// The firm's staff account is opened through the organisations use case. The delivery use cases read through the app's
// own connection, not the seed's transaction, so the tasks and their entries are written here as they would record them
// (like createTopicWithHistory does for the steps before).
import sharp from 'sharp';
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { bulletinText, periodEnd, periodStart } from '../../src/domain/topics/bulletins.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { storePhotos } from '../../src/server/issues/photos.ts';
import { publishNotice } from '../../src/server/notices/publish.ts';
import { createFirmStaffAccountIn } from '../../src/server/organisations/firm-staff.ts';
import { chinaDay, dateOnly } from '../../src/server/today.ts';
import { createTopicWithHistory } from '../../tests/factories/topics.ts';
import { DEMO_LOGINS } from './logins.ts';
import { seedBy } from './seed-by.ts';

export const LTL_FIRM_STAFF_PHONE = '13900009101';
export const BIKE_SHED_TOPIC = '龙躺梁小区非机动车棚改造';
const SECRETARY_PHONE = '13900007001';

export async function seedDelivery(tx: Prisma.TransactionClient, now: Date) {
  const day = 86_400_000;
  const by = await seedBy(tx, SECRETARY_PHONE);
  const compound = await tx.compound.findFirstOrThrow({ where: { name: '龙躺梁老旧小区' } });
  const firm = await tx.organization.findFirstOrThrow({ where: { name: '阳泉市安居物业管理有限公司' } });
  const committee = await tx.body.findFirstOrThrow({ where: { name: '龙躺梁小区业主委员会' } });
  const { userId: staffId } = await createFirmStaffAccountIn(tx, by, {
    organizationId: firm.id,
    name: '郭志刚',
    phone: LTL_FIRM_STAFF_PHONE,
    title: '项目经理',
  });
  await tx.user.update({ where: { id: staffId }, data: { passwordHash: await hashPassword(DEMO_LOGINS.password) } });
  await tx.passwordResetCode.deleteMany({ where: { userId: staffId } });

  const started = new Date(now.getTime() - 75 * day);
  const topic = await createTopicWithHistory(tx, {
    category: 'FACILITIES',
    procedureCode: 'SEVEN_STEP',
    title: BIKE_SHED_TOPIC,
    description:
      '电动自行车在楼道充电、乱停，存在火灾隐患。经居民代表会议表决，拆除破旧车棚，新建带智能充电桩的非机动车棚，并制定车棚使用公约。',
    communityId: compound.communityId,
    compoundId: compound.id,
    by: { userId: by.userId, label: by.label },
    stepIndex: 5,
    createdAt: started,
    stepDueAt: new Date(now.getTime() + 40 * day),
    plans: [{ title: '非机动车棚改造方案', body: '拆除旧车棚，新建 120 个车位的车棚，安装 40 个智能充电口。', budgetFen: 8_600_000 }],
  });
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#6b8e9e' } })
    .jpeg()
    .toBuffer();
  const { stored } = await storePhotos('topics', [photo]);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day);
  const tasks = [
    { title: '拆除旧车棚并清运', owner: { ownerOrganizationId: firm.id }, responsible: firm.name, due: -10, status: 'DONE' as const },
    { title: '新建车棚并安装充电桩', owner: { ownerOrganizationId: firm.id }, responsible: firm.name, due: 25, status: 'OPEN' as const },
    {
      title: '制定并公示车棚使用公约',
      owner: { ownerBodyId: committee.id },
      responsible: committee.name,
      due: 30,
      status: 'OPEN' as const,
    },
  ];
  const ids: number[] = [];
  for (const k of tasks) {
    const task = await tx.topicTask.create({
      data: {
        topicId: topic.id,
        title: k.title,
        responsible: k.responsible,
        dueOn: dateOnly(chinaDay(new Date(now.getTime() + k.due * day))),
        status: k.status,
        createdById: by.userId,
        createdAt: at(72),
        ...k.owner,
      },
    });
    ids.push(task.id);
    await tx.topicEvent.create({
      data: {
        topicId: topic.id,
        at: at(72),
        actorUserId: by.userId,
        actorLabel: by.label,
        type: 'TASK',
        stepIndex: 5,
        message: `${k.title}（${k.responsible}）`,
      },
    });
  }
  const entry = async (taskIndex: number, daysAgo: number, kind: string, body: string, photoKeys: string[] = []) => {
    const k = tasks[taskIndex]!;
    await tx.taskUpdate.create({
      data: { taskId: ids[taskIndex]!, authorId: staffId, authorLabel: '郭志刚', kind, body, photoKeys, createdAt: at(daysAgo) },
    });
    await tx.topicEvent.create({
      data: {
        topicId: topic.id,
        at: at(daysAgo),
        actorUserId: staffId,
        actorLabel: '郭志刚',
        type: `TASK_${kind}`,
        stepIndex: 5,
        message: `${k.title}：${body}`,
      },
    });
  };
  await entry(
    0,
    50,
    'PROGRESS',
    '旧车棚已拆除，建筑垃圾清运完毕',
    stored.map((p) => p.key),
  );
  await entry(0, 40, 'DONE', '场地已平整，申请验收');
  await entry(1, 20, 'PROGRESS', '车棚基础已浇筑，钢架进场');

  // A monthly schedule from the day the tasks were set: period 0 published, period 1 (ended some ten days ago: the job
  // drafts a period only once it is over) drafted and waiting for review.
  const startsOn = chinaDay(at(72));
  const schedule = await tx.bulletinSchedule.create({
    data: { topicId: topic.id, cadence: 'MONTHLY', startsOn: dateOnly(startsOn), createdById: by.userId, createdAt: at(72) },
  });
  const updates = await tx.taskUpdate.findMany({ where: { taskId: { in: ids } }, orderBy: { id: 'asc' } });
  for (const period of [0, 1]) {
    const fromDay = periodStart(startsOn, 'MONTHLY', period);
    const toDay = periodEnd(startsOn, 'MONTHLY', period);
    const d = bulletinText(
      BIKE_SHED_TOPIC,
      fromDay,
      toDay,
      tasks.map((k, i) => {
        const mine = updates.filter((u) => u.taskId === ids[i]).map((u) => ({ day: chinaDay(u.createdAt), kind: u.kind, body: u.body }));
        // Each task as it stood when the period ended: done once its 申请验收 was in by then.
        const doneBy = mine.some((e) => e.kind === 'DONE' && e.day <= toDay);
        return {
          title: k.title,
          responsible: k.responsible,
          status: doneBy ? k.status : 'OPEN',
          dueOn: chinaDay(new Date(now.getTime() + k.due * day)),
          entries: mine.filter((e) => e.day >= fromDay && e.day <= toDay),
        };
      }),
    );
    const b = await tx.progressBulletin.create({
      data: {
        scheduleId: schedule.id,
        topicId: topic.id,
        period,
        fromDay: dateOnly(fromDay),
        toDay: dateOnly(toDay),
        title: d.title,
        body: d.body,
      },
    });
    if (period === 0) {
      const notice = await publishNotice(tx, {
        kind: 'PROGRESS',
        category: 'RESIDENTS',
        title: d.title,
        body: d.body,
        topicId: topic.id,
        place: { streetId: topic.streetId, communityId: topic.communityId, compoundId: topic.compoundId, districtId: topic.districtId },
        createdById: by.userId,
      });
      await tx.progressBulletin.update({
        where: { id: b.id },
        data: { noticeId: notice.id, publishedAt: new Date(), publishedById: by.userId },
      });
    }
  }
  return topic.id;
}
