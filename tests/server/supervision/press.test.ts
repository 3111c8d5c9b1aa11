import { beforeAll, describe, expect, test } from 'vitest';
import { runSupervisionPass } from '@/server/topics/supervision-pass';
import { answerPress, openPressesFor, pressTask, takeOverStep, takeOverTask } from '@/server/topics/supervise';
import { loadTopic } from '@/server/topics/topic-core';
import { createTopicWithHistory } from '../../factories/topics';
import { day } from '../../factories/db';
import { createOrganization } from '../../factories/organisation';
import { byUser } from '../accounts/support';
import { at, supervisionWorld } from './support';

let w: Awaited<ReturnType<typeof supervisionWorld>>;
let stepTopicId: number;

beforeAll(async () => {
  w = await supervisionWorld();
  const late = await createTopicWithHistory(w.db, {
    procedureCode: 'SEVEN_STEP',
    title: '健身器材维修',
    description: '说明',
    communityId: w.tanghu.id,
    compoundId: w.b.compound.id,
    by: { userId: w.secretary.id, label: '唐书记' },
    stepIndex: 2,
    createdAt: at('2026-10-20', 9),
    stepDueAt: at('2026-11-06', 17, 30),
  });
  stepTopicId = late.id;
  // Friday 2026-11-13: five working days late, the task is the street's.
  await runSupervisionPass(at('2026-11-13', 9));
});

const street = () => byUser(w.staff.dongshengStreet.id, '东升街道干部');
const inbox = (userId: number, kind: string) => w.db.notification.count({ where: { userId, kind } });

describe('催办 and take-over (decision 049)', () => {
  test('another street, or the community once the street has it, may not press; a task not overdue cannot be pressed', async () => {
    await expect(pressTask(await byUser(w.staff.jinyangStreet.id), w.task.id, '请尽快')).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(pressTask(await byUser(w.secretary.id), w.task.id, '请尽快')).rejects.toMatchObject({ code: 'auth.forbidden' });
    const fresh = await w.db.topicTask.create({
      data: { topicId: w.topic.id, title: '公示费用', responsible: '业委会', dueOn: day('2027-01-10'), createdById: w.secretary.id },
    });
    await expect(pressTask(await street(), fresh.id, '请尽快')).rejects.toMatchObject({ code: 'supervise.notOverdue' });
  });

  test('the street presses: the firm’s staff and the secretary are told, the timeline shows it, the firm answers once', async () => {
    const press = await pressTask(await street(), w.task.id, '请本周内完成门禁安装');
    expect(await inbox(w.manager.id, 'supervise.press')).toBe(1);
    expect(await inbox(w.secretary.id, 'supervise.press')).toBe(1);
    const pressed = await w.db.topicEvent.findFirstOrThrow({ where: { topicId: w.topic.id, type: 'PRESSED' } });
    expect(pressed).toMatchObject({ actorLabel: '东升街道干部', message: '安装门禁：请本周内完成门禁安装' });
    await expect(answerPress(await byUser(w.secretary.id), press.id, '收到')).rejects.toMatchObject({ code: 'auth.forbidden' });
    // The firm's account finds the press to answer on the topic's page; the secretary has none to answer.
    expect((await openPressesFor(await byUser(w.manager.id), w.topic.id)).map((p) => [p.id, p.message])).toEqual([
      [press.id, '请本周内完成门禁安装'],
    ]);
    expect(await openPressesFor(await byUser(w.secretary.id), w.topic.id)).toEqual([]);
    await answerPress(await byUser(w.manager.id, '王经理'), press.id, '周四完成');
    expect(await openPressesFor(await byUser(w.manager.id), w.topic.id)).toEqual([]);
    await expect(answerPress(await byUser(w.manager.id, '王经理'), press.id, '再答')).rejects.toMatchObject({ code: 'supervise.answered' });
    expect(await w.db.topicPress.findUniqueOrThrow({ where: { id: press.id } })).toMatchObject({
      answer: '周四完成',
      answeredById: w.manager.id,
    });
    expect(await inbox(w.staff.dongshengStreet.id, 'supervise.answer')).toBe(1);
  });

  test('two take-overs at once: one names the new owner, the other is refused; the old owner stays on the timeline', async () => {
    const { districtId } = await w.db.street.findUniqueOrThrow({ where: { id: w.tanghu.streetId } });
    const other = await createOrganization(w.db, { kind: 'PROPERTY_FIRM', name: '应急维修队', districtId });
    const results = await Promise.allSettled([
      takeOverTask(await street(), w.task.id, { kind: 'PERSON', userId: w.staff.dongshengStreet.id }),
      takeOverTask(await street(), w.task.id, { kind: 'ORGANIZATION', organizationId: other.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'supervise.takenOver' } });
    const events = await w.db.topicEvent.findMany({ where: { topicId: w.topic.id, type: 'TASK_TAKEN_OVER' } });
    expect(events).toHaveLength(1);
    expect(events[0]!.message).toMatch(/^安装门禁：欧城物业 → (东升街道干部|应急维修队)$/);
    const task = await w.db.topicTask.findUniqueOrThrow({ where: { id: w.task.id } });
    expect(task.ownerOrganizationId === w.firm.id).toBe(false);
    expect(task.takenOverById).toBe(w.staff.dongshengStreet.id);
  });

  test('a done task is not pressed; a new owner must be staff of the place or an organisation of the district', async () => {
    await expect(takeOverTask(await street(), w.task.id, { kind: 'PERSON', userId: w.manager.id })).rejects.toMatchObject({
      code: expect.stringMatching(/supervise\.(badOwner|takenOver)/),
    });
    await w.db.topicTask.update({ where: { id: w.task.id }, data: { status: 'DONE' } });
    await expect(pressTask(await street(), w.task.id, '请尽快')).rejects.toMatchObject({ code: 'supervise.done' });
  });

  test('two take-overs of a late step at once: one wins; until the step changes the street runs it as its actors', async () => {
    expect((await loadTopic(await street(), stepTopicId)).actors.has('BRANCH')).toBe(false);
    const results = await Promise.allSettled([takeOverStep(await street(), stepTopicId), takeOverStep(await street(), stepTopicId)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await w.db.topicEvent.count({ where: { topicId: stepTopicId, type: 'STEP_TAKEN_OVER' } })).toBe(1);
    expect((await loadTopic(await street(), stepTopicId)).actors.has('BRANCH')).toBe(true);
    // The community's secretary does not: the step is the street's now.
    expect((await loadTopic(await byUser(w.secretary.id), stepTopicId)).actors.has('BRANCH')).toBe(false);
  });
});
