// Issue 22 items 5 and 6 (decision 068), through the use cases: a residents' meeting of 龙躺梁老旧小区's 120 households next
// week with a RESIDENTS_MEETING topic on its agenda (its motion linked to the meeting), and an open art. 10 request at
// 龙躺梁社区 with a few households' support.
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { toChinaLocal } from '../../src/server/issues/clock.ts';
import { addAgendaItem } from '../../src/server/meetings/records.ts';
import { startRequest, supportRequest } from '../../src/server/meetings/requests.ts';
import { scheduleMeeting } from '../../src/server/meetings/schedule.ts';
import { advanceTopic } from '../../src/server/topics/advance-topic.ts';
import { addPlanVersion } from '../../src/server/topics/plans.ts';
import { raiseTopic } from '../../src/server/topics/raise-topic.ts';
import { seedActor } from './seed-by.ts';

export const RESIDENTS_FLAG = 'demo-residents-meeting';
export const RESIDENTS_TOPIC = '龙躺梁小区楼道照明改造';
export const REQUEST_MATTER = '请召开居民会议，商量小区垃圾分类投放点的位置和开放时间。';

export async function seedResidentsMeeting(db: PrismaClient, now = new Date()): Promise<boolean> {
  if (await db.systemFlag.findUnique({ where: { key: RESIDENTS_FLAG } })) return false;
  for (const ready of ['demo-topics', 'demo-accounts']) if (!(await db.systemFlag.findUnique({ where: { key: ready } }))) return false;
  const holder = globalThis as unknown as { yishiDb?: PrismaClient };
  const had = holder.yishiDb;
  holder.yishiDb = db;
  try {
    const secretary = await seedActor(db, '13900007001');
    const compound = await db.compound.findFirstOrThrow({ where: { name: '龙躺梁老旧小区' }, select: { id: true, communityId: true } });
    const procedure = await db.procedure.findFirstOrThrow({
      where: { code: 'RESIDENTS_MEETING', districtId: null },
      orderBy: { version: 'desc' },
    });
    const { id: meetingId } = await scheduleMeeting(secretary, {
      kind: 'RESIDENTS_MEETING',
      title: '龙躺梁小区居民会议（按户）',
      communityId: compound.communityId,
      compoundId: compound.id,
      location: '龙躺梁小区活动广场',
      mode: 'IN_PERSON',
      date: toChinaLocal(new Date(now.getTime() + 7 * 86_400_000)).date,
      startMinute: 19 * 60,
      durationMinutes: 90,
      electorate: 'HOUSEHOLDS',
    });
    const { id: topicId } = await raiseTopic(secretary, {
      category: 'FACILITIES',
      title: RESIDENTS_TOPIC,
      description: '楼道灯损坏较多，拟统一更换为声控节能灯，费用从公共收益中列支，提交居民会议按户表决。',
      communityId: compound.communityId,
      compoundId: compound.id,
      procedureId: procedure.id,
    });
    await addPlanVersion(secretary, topicId, {
      title: '楼道照明改造方案',
      body: '六栋楼 24 个单元楼道更换声控节能灯。',
      convention: false,
      funding: [],
    });
    await advanceTopic(secretary, topicId, { type: 'ADVANCE' });
    await addAgendaItem(secretary, meetingId, { title: RESIDENTS_TOPIC, topicId });
    // An art. 10 request started by 孙丽, supported by her household and two neighbours'.
    const sunli = await seedActor(db, '13900007002');
    const { id: requestId } = await startRequest(sunli, { communityId: compound.communityId, basis: 'HOUSEHOLDS', matter: REQUEST_MATTER });
    for (const phone of ['13900007002', '13900007003', '13900007004']) {
      try {
        await supportRequest(await seedActor(db, phone), requestId);
      } catch {
        // A demo login outside the community, or sharing a household, supports nothing: the request simply has fewer.
      }
    }
  } finally {
    holder.yishiDb = had;
  }
  await db.systemFlag.create({ data: { key: RESIDENTS_FLAG, value: '龙躺梁 residents meeting by households, art. 10 request' } });
  return true;
}
