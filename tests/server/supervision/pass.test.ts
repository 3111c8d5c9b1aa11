import { beforeAll, describe, expect, test } from 'vitest';
import { advanceTopic } from '@/server/topics/advance-topic';
import { overdueOnDesk } from '@/server/topics/overdue-desk';
import { runSupervisionPass } from '@/server/topics/supervision-pass';
import { byUser } from '../accounts/support';
import { createTopicWithHistory } from '../../factories/topics';
import { at, supervisionWorld } from './support';

let w: Awaited<ReturnType<typeof supervisionWorld>>;
let stepTopicId: number;

beforeAll(async () => {
  w = await supervisionWorld();
  // A topic elsewhere in the street whose current step was due Friday 2026-11-06 at 17:30.
  const t = await createTopicWithHistory(w.db, {
    procedureCode: 'SEVEN_STEP',
    title: '健身器材维修',
    description: '说明',
    communityId: w.tanghu.id,
    by: { userId: w.secretary.id, label: '唐书记' },
    stepIndex: 2,
    createdAt: at('2026-10-20', 9),
    stepDueAt: at('2026-11-06', 17, 30),
  });
  stepTopicId = t.id;
});

const inbox = (userId: number, kind: string) => w.db.notification.count({ where: { userId, kind } });
const task = () => w.db.topicTask.findUniqueOrThrow({ where: { id: w.task.id } });
const step = () => w.db.topic.findUniqueOrThrow({ where: { id: stepTopicId } });

describe('the 督办 pass', () => {
  test('the working day before the deadline: the firm’s staff are reminded, once', async () => {
    await runSupervisionPass(at('2026-11-05', 9));
    await runSupervisionPass(at('2026-11-05', 9, 5));
    expect(await inbox(w.manager.id, 'task.remind')).toBe(1);
    expect((await task()).remindedAt).not.toBeNull();
  });

  test('the day after: the task and the step are overdue on the owner’s and the secretary’s lists, not escalated', async () => {
    await runSupervisionPass(at('2026-11-09', 9));
    expect(await task()).toMatchObject({ superviseLevel: 'OWNER', overdueSince: at('2026-11-09', 9) });
    expect(await step()).toMatchObject({ stepLevel: 'OWNER', stepOverdueSince: at('2026-11-09', 9) });
    expect(await inbox(w.manager.id, 'task.overdue')).toBe(1);
    expect(await inbox(w.secretary.id, 'task.overdue')).toBe(1);
    expect(await inbox(w.secretary.id, 'step.overdue')).toBe(1);
  });

  test('two passes at once, two working days late: escalated to the community exactly once', async () => {
    const [a, b] = await Promise.all([runSupervisionPass(at('2026-11-10', 9)), runSupervisionPass(at('2026-11-10', 9))]);
    expect(a.escalated + b.escalated).toBe(2); // the task and the step, each by one pass
    expect(await task()).toMatchObject({ superviseLevel: 'COMMUNITY' });
    expect(await step()).toMatchObject({ stepLevel: 'COMMUNITY' });
    const events = await w.db.topicEvent.findMany({ where: { type: { in: ['TASK_ESCALATED', 'STEP_ESCALATED'] } } });
    expect(events.map((e) => [e.type, e.actorLabel, e.message]).sort()).toEqual([
      ['STEP_ESCALATED', '系统（督办）', '逾期2个工作日，升级到社区督办'],
      ['TASK_ESCALATED', '系统（督办）', '安装门禁：逾期2个工作日，升级到社区督办'],
    ]);
    expect(await inbox(w.secretary.id, 'task.escalate')).toBe(1);
    expect(await inbox(w.staff.dongshengStreet.id, 'task.escalate')).toBe(0);
  });

  test('the secretary’s desk lists both, most overdue first; the street’s desk waits until they reach the street', async () => {
    const desk = await overdueOnDesk(await byUser(w.secretary.id));
    expect(desk.tasks.map((r) => [r.title, r.level])).toEqual([['安装门禁', 'COMMUNITY']]);
    expect(desk.steps.map((r) => [r.title, r.level])).toEqual([['健身器材维修', 'COMMUNITY']]);
    expect(await overdueOnDesk(await byUser(w.staff.dongshengStreet.id))).toEqual({ tasks: [], steps: [] });
    expect(await overdueOnDesk(await byUser(w.staff.jinyangSecretary.id))).toEqual({ tasks: [], steps: [] });
  });

  test('five working days late: the street, which is told; a done task is left alone', async () => {
    await Promise.all([runSupervisionPass(at('2026-11-13', 9)), runSupervisionPass(at('2026-11-13', 9))]);
    expect(await task()).toMatchObject({ superviseLevel: 'STREET', escalatedAt: at('2026-11-13', 9) });
    expect(await step()).toMatchObject({ stepLevel: 'STREET' });
    expect(await inbox(w.staff.dongshengStreet.id, 'task.escalate')).toBe(1);
    expect(await inbox(w.staff.dongshengStreet.id, 'step.escalate')).toBe(1);
    expect(await w.db.topicEvent.count({ where: { type: { in: ['TASK_ESCALATED', 'STEP_ESCALATED'] } } })).toBe(4);
    const desk = await overdueOnDesk(await byUser(w.staff.dongshengStreet.id));
    expect([...desk.tasks, ...desk.steps].map((r) => r.title).sort()).toEqual(['健身器材维修', '安装门禁']);
    expect(await runSupervisionPass(at('2026-12-20', 9))).toEqual({ reminded: 0, overdue: 0, escalated: 0 });
  });

  test('a step change starts the step’s 督办 afresh: the desks no longer list it', async () => {
    await advanceTopic(await byUser(w.secretary.id, '唐书记'), stepTopicId, { type: 'WITHDRAW', reason: '居民已自行协商解决' });
    expect(await step()).toMatchObject({ stepLevel: 'OWNER', stepOverdueSince: null, stepEscalatedAt: null, stepRemindedAt: null });
    expect((await overdueOnDesk(await byUser(w.staff.dongshengStreet.id))).steps).toEqual([]);
  });
});
