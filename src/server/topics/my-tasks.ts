import 'server-only';
import { taskOverdue } from '@/domain/topics/tasks';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { fromDateOnly } from '@/server/today';
import { ownedBy } from './task-owners';

const STATUS_ORDER = { OPEN: 0, DONE: 1, ACCEPTED: 2 } as const;

/** The tasks this account acts for today (decision 048's one filter), not withdrawn. */
const mine = async (by: TBy) => {
  const personId = by.personId ?? (await getDb().user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } })).personId;
  // Tasks of a withdrawn or finished topic take no more reports: they leave the list (and the header link).
  return { withdrawnAt: null, topic: { status: 'OPEN' as const }, ...ownedBy(by.userId, personId, by.today) };
};

/** Whether the header shows 我的任务: the account acts for the owner of at least one task. */
export async function hasMyTasks(by: TBy): Promise<boolean> {
  return (await getDb().topicTask.findFirst({ where: await mine(by), select: { id: true } })) !== null;
}

/**
 * 我的任务: open tasks first, then those awaiting acceptance, then accepted ones, each by due date; with the topic, its
 * place, and "overdue" (due before China's today and still open — 督办 brings its own later).
 */
export async function myTasks(by: TBy) {
  const db = getDb();
  const rows = await db.topicTask.findMany({
    where: await mine(by),
    include: { topic: { select: { id: true, title: true, communityId: true, compoundId: true } } },
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
    take: 200,
  });
  const compoundIds = rows.flatMap((r) => (r.topic.compoundId ? [r.topic.compoundId] : []));
  const communityIds = rows.map((r) => r.topic.communityId);
  const [compounds, communities] = await Promise.all([
    db.compound.findMany({ where: { id: { in: compoundIds } }, select: { id: true, name: true } }),
    db.community.findMany({ where: { id: { in: communityIds } }, select: { id: true, name: true } }),
  ]);
  const names = new Map([...compounds.map((c) => [`c${c.id}`, c.name] as const), ...communities.map((c) => [`m${c.id}`, c.name] as const)]);
  return rows
    .map((r) => {
      const dueOn = fromDateOnly(r.dueOn);
      return {
        id: r.id,
        title: r.title,
        status: r.status,
        dueOn,
        overdue: taskOverdue({ status: r.status, dueOn }, by.today),
        topicId: r.topic.id,
        topicTitle: r.topic.title,
        place: (r.topic.compoundId ? names.get(`c${r.topic.compoundId}`) : names.get(`m${r.topic.communityId}`)) ?? '',
      };
    })
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
}
