// Issue 20 item 3 (decision 057): at 鼓楼佳苑 (Bazhong) the courtyard council votes on the stairwell lights and the vote
// closes within a day. 蔡国强 voted; 冯丽华 has not, follows the topic, and so has a reminder that the vote closes soon
// among the topic's other news (one grouped inbox entry). The reminder is written as the job writes it.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { remindOfMotion } from '../../src/server/notifications/reminders.ts';
import { openMotion } from '../../src/server/topics/motions.ts';
import { notify } from '../../src/server/issues/notify.ts';
import { createVerifiedResident } from '../../tests/factories/accounts.ts';
import { createBody } from '../../tests/factories/organisation.ts';
import { createTopicWithHistory } from '../../tests/factories/topics.ts';
import { BAZHOU_ADMIN } from './bazhong.ts';
import { DEMO_LOGINS } from './logins.ts';

export const REACH_VOTER = '13900009641';
export const REACH_NON_VOTER = '13900009642';

export async function seedReach(tx: Prisma.TransactionClient, now: Date) {
  const compound = await tx.compound.findFirstOrThrow({ where: { name: '鼓楼佳苑' } });
  const homes = await tx.ownership.findMany({
    where: { household: { building: { compoundId: compound.id } } },
    orderBy: { householdId: 'asc' },
    take: 3,
  });
  const people = [
    { ...homes[0]!, name: '蔡国强', phone: REACH_VOTER },
    { ...homes[1]!, name: '冯丽华', phone: REACH_NON_VOTER },
  ];
  const users = [];
  for (const p of people) {
    await tx.person.update({ where: { id: p.personId }, data: { name: p.name } });
    const user = await createVerifiedResident(tx, { ...p, password: DEMO_LOGINS.password });
    users.push(user);
  }
  await createBody(tx, {
    kind: 'COURTYARD_COUNCIL',
    name: '鼓楼佳苑院落议事会',
    communityId: compound.communityId,
    compoundId: compound.id,
    memberIds: homes.map((h) => h.personId),
  });
  const admin = await tx.user.findUniqueOrThrow({
    where: { phone: BAZHOU_ADMIN },
    select: { id: true, person: { select: { name: true } } },
  });
  const day = 86_400_000;
  const topic = await createTopicWithHistory(tx, {
    category: 'FACILITIES',
    procedureCode: 'COURTYARD_ROADSHOW',
    title: '鼓楼佳苑楼道照明改造',
    description: '1、2 栋楼道灯老化，院落议事会提出换成声控节能灯。',
    communityId: compound.communityId,
    compoundId: compound.id,
    by: { userId: admin.id, label: admin.person.name },
    stepIndex: 3,
    createdAt: new Date(now.getTime() - 12 * day),
    stepDueAt: new Date(now.getTime() + day),
    followerIds: [users[1]!.id],
  });
  // The topic's news as its steps sent it to her, a follower.
  const news = { topicId: topic.id, title: topic.title };
  await notify(tx, [users[1]!.id], { ...news, kind: 'topic.plan', body: '换声控节能灯，预算 3,600 元' });
  await notify(tx, [users[1]!.id], { ...news, kind: 'topic.step', body: 'decide' });
  const motion = await openMotion(
    tx,
    { ...topic, assemblyMatter: null },
    3,
    { kind: 'BODY', bodyKind: 'COURTYARD_COUNCIL' },
    { kind: 'ROSTER_FRACTION', fraction: { p: 1, q: 2 } },
  );
  await tx.motion.update({
    where: { id: motion.id },
    data: { mode: 'ELECTRONIC', title: '照明改造表决', closesAt: new Date(now.getTime() + 20 * 3600_000) },
  });
  await tx.ballot.create({ data: { motionId: motion.id, voterKey: homes[0]!.personId, choice: 'FOR', channel: 'ELECTRONIC' } });
  await remindOfMotion(tx, motion.id); // now: the motion opened a moment after the stage began
}
