import { beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../../prisma/seed/index.ts';
import { readDashboard } from '@/server/stats/read-dashboard';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { useDemoDatabase } from '../demo-db';

// The demo seeded once for the run and cloned for this file (tests/server/demo-db.ts).
beforeAll(useDemoDatabase, 120_000);

// Issue 19 item 2 in the demo: the S6 street dashboard (李东升, Dongsheng) shows 欧城花园's late firm task and a late step red.
describe('督办 in the demo', () => {
  test('the firm’s task is escalated to the street through the pass, with both steps on the timeline; the dashboard counts it', async () => {
    const db = testDb();
    await seedDemo(db);
    const task = await db.topicTask.findFirstOrThrow({ where: { title: '搭设防护棚并修补 3 栋外墙' }, include: { topic: true } });
    expect(task).toMatchObject({ superviseLevel: 'STREET', responsible: '成都欧城物业服务有限公司' });
    const events = await db.topicEvent.findMany({ where: { topicId: task.topicId, type: 'TASK_ESCALATED' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.actorLabel, e.message?.replace(/逾期\d+/, '逾期n')])).toEqual([
      ['系统（督办）', '搭设防护棚并修补 3 栋外墙：逾期n个工作日，升级到社区督办'],
      ['系统（督办）', '搭设防护棚并修补 3 栋外墙：逾期n个工作日，升级到街道督办'],
    ]);
    const wang = await db.user.findUniqueOrThrow({ where: { phone: '13900008001' } });
    expect(await db.notification.count({ where: { userId: wang.id, kind: 'task.escalate' } })).toBe(2);
    const street = await db.user.findUniqueOrThrow({ where: { phone: '13900003001' } });
    const d = await readDashboard(await byUser(street.id), {
      unit: { level: 'street', id: task.topic.streetId },
      period: { from: `${new Date().getFullYear()}-01`, to: `${new Date().getFullYear()}-01` },
      category: null,
    });
    expect(d.children.find((c) => c.id === task.topic.communityId)!.overdue.tasks).toBe(1);
    expect(d.overdue.steps).toBeGreaterThanOrEqual(1);
  });
});
