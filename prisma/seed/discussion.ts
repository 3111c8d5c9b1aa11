// Issue 20 item 6 (decision 059), through the use cases: 线上协商 on S2's parking topic at 龙躺梁 — a resident's comment,
// an anonymous one, a representative's reply — and a hybrid (现场 + 线上) meeting of 晋阳社区议事会 today, with members
// marked in the room and online.
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { toChinaLocal } from '../../src/server/issues/clock.ts';
import { markAttendance } from '../../src/server/meetings/attendance.ts';
import { scheduleMeeting } from '../../src/server/meetings/schedule.ts';
import { postComment } from '../../src/server/topics/discussion.ts';
import { seedActor } from './seed-by.ts';

export const DISCUSSION_FLAG = 'demo-discussion';
export const DISCUSSION_TOPIC = '龙躺梁小区停车秩序';
export const HYBRID_MEETING = '晋阳社区议事会（线上线下）';

/** Runs once (a flag), after the topics and meetings stages, with the use cases reading the database being prepared. */
export async function seedDiscussion(db: PrismaClient, now = new Date()): Promise<boolean> {
  if (await db.systemFlag.findUnique({ where: { key: DISCUSSION_FLAG } })) return false;
  for (const ready of ['demo-topics', 'demo-meetings']) if (!(await db.systemFlag.findUnique({ where: { key: ready } }))) return false;
  const holder = globalThis as unknown as { yishiDb?: PrismaClient };
  const had = holder.yishiDb;
  holder.yishiDb = db;
  try {
    const as = (phone: string) => seedActor(db, phone);
    const topic = await db.topic.findFirstOrThrow({ where: { title: DISCUSSION_TOPIC }, select: { id: true, stepIndex: true } });
    const [sunli, qianming, zhou] = [await as('13900007002'), await as('13900007003'), await as('13900007004')];
    const at = { stepIndex: topic.stepIndex };
    const first = await postComment(sunli, topic.id, {
      ...at,
      anonymous: false,
      body: '方案里的 64 个车位够不够？建议把 3 号楼后面的空地也规划进来，晚上车多的时候不至于占消防通道。',
    });
    await postComment(qianming, topic.id, { ...at, anonymous: true, body: '每月 50 元可以接受，但希望收支每季度在公示栏公开。' });
    await postComment(zhou, topic.id, {
      ...at,
      anonymous: false,
      parentId: first.id,
      body: '3 号楼后面的空地属于公共绿地，改车位要业主大会同意，可以先列为二期。',
    });

    const liu = await as('13900001001');
    const council = await db.body.findFirstOrThrow({ where: { name: '晋阳社区议事会' } });
    const china = toChinaLocal(now);
    const { id } = await scheduleMeeting(liu, {
      kind: 'COUNCIL',
      title: HYBRID_MEETING,
      communityId: council.communityId,
      bodyId: council.id,
      location: '晋阳社区党群服务中心一楼',
      mode: 'BOTH',
      onlineUrl: 'https://meeting.tencent.com/dm/yishi-demo-jinyang',
      date: china.date,
      startMinute: Math.max(0, china.minute - 5),
      durationMinutes: 180,
    });
    const invited = await db.meetingInvite.findMany({ where: { meetingId: id, member: true }, orderBy: { personId: 'asc' }, take: 5 });
    for (const [i, inv] of invited.entries()) await markAttendance(liu, id, inv.personId, i >= 3);
  } finally {
    holder.yishiDb = had;
  }
  await db.systemFlag.create({ data: { key: DISCUSSION_FLAG, value: 'S2 online discussion, a hybrid council meeting' } });
  return true;
}
