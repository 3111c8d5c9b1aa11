import { beforeAll, describe, expect, test } from 'vitest';
import { ensureIssueCategories } from '@/server/issues/categories';
import { splitIssue } from '@/server/issues/merge-split';
import { scheduleMeeting, scheduleSeries } from '@/server/meetings/schedule';
import { advanceTopic } from '@/server/topics/advance-topic';
import { addTask, publishResultNotice } from '@/server/topics/delivery';
import { recordConsensus } from '@/server/topics/plans';
import { ensureProcedures } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { getTopicForViewer } from '@/server/topics/read-topic';
import { withdrawRecord, withdrawTask } from '@/server/topics/withdraw';
import { createIssueWithHistory } from '../../factories/issues';
import { createTopicWithHistory } from '../../factories/topics';
import { byUser, inDays, TODAY, world } from '../accounts/support';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
  await ensureProcedures(w.db);
  await ensureIssueCategories(w.db);
});
const secretary = () => byUser(w.staff.jinyangSecretary.id, '刘书记');
const topicAt = async (procedureCode: string, stepIndex: number, title: string) =>
  createTopicWithHistory(w.db, {
    procedureCode,
    title,
    description: `${title}的说明`,
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
    by: { userId: w.staff.jinyangSecretary.id, label: '刘书记' },
    stepIndex,
    createdAt: new Date(),
    stepDueAt: new Date(Date.now() + 30 * 86_400_000),
  });

describe('a double tap makes one', () => {
  test('raising a topic', async () => {
    const sec = await secretary();
    const procedure = await w.db.procedure.findFirstOrThrow({ where: { code: 'SEVEN_STEP', districtId: null } });
    const input = {
      category: 'FACILITIES',
      title: '北苑路灯',
      description: '北苑小区路灯不亮，需要维修。',
      compoundId: w.a.compound.id,
      communityId: w.jinyang.id,
      procedureId: procedure.id,
      idempotencyKey: 'topic-key-0001-aaaa',
    };
    const [first, second] = await Promise.all([raiseTopic(sec, input), raiseTopic(sec, input)]);
    expect(second.id).toBe(first.id);
    expect(await w.db.topic.count({ where: { title: '北苑路灯' } })).toBe(1);
    expect((await raiseTopic(sec, input)).id).toBe(first.id);
    expect(await refusal(raiseTopic(await byUser(w.staff.jinyangStreet.id), input))).toBe('form.duplicateKey');
  });

  test('scheduling a meeting', async () => {
    const sec = await secretary();
    const input = {
      kind: 'CONSULTATION' as const,
      title: '北苑停车协商会',
      communityId: w.jinyang.id,
      location: '社区会议室',
      mode: 'IN_PERSON' as const,
      date: inDays(10),
      startMinute: 600,
      durationMinutes: 90,
      idempotencyKey: 'meeting-key-0001-aaaa',
    };
    const [first, second] = await Promise.all([scheduleMeeting(sec, input), scheduleMeeting(sec, input)]);
    expect(second.id).toBe(first.id);
    expect(await w.db.meeting.count({ where: { title: '北苑停车协商会' } })).toBe(1);
  });

  test('scheduling a recurring series (the same form)', async () => {
    const sec = await secretary();
    const input = {
      kind: 'RECEPTION_DAY' as const,
      title: '北苑业主接待日',
      communityId: w.jinyang.id,
      location: '物业办公室',
      mode: 'IN_PERSON' as const,
      startMinute: 540,
      durationMinutes: 120,
      rule: { freq: 'MONTHLY' as const, monthDays: [6, 26] },
      from: inDays(1),
      shiftOffHolidays: false,
      idempotencyKey: 'series-key-0001-aaaa',
    };
    const [first, second] = await Promise.all([scheduleSeries(sec, input), scheduleSeries(sec, input)]);
    expect(second.id).toBe(first.id);
    expect(await w.db.meetingSeries.count({ where: { title: '北苑业主接待日' } })).toBe(1);
    expect(await w.db.meeting.count({ where: { title: '北苑业主接待日' } })).toBe(first.meetings);
  });

  test('splitting an issue', async () => {
    const later = new Date(Date.now() + 7 * 86_400_000);
    const from = await createIssueWithHistory(w.db, {
      categoryCode: 'FACILITIES',
      title: '单元门坏了',
      description: '单元门和楼道灯都坏了',
      compoundId: w.a.compound.id,
      authorUserId: null,
      createdAt: new Date(),
      acknowledgeBy: later,
      resolveBy: later,
      steps: [],
    });
    const sec = await secretary();
    const input = { title: '楼道灯坏了', description: '三楼楼道灯不亮', idempotencyKey: 'split-key-0001-aaaa' };
    const [first, second] = await Promise.all([splitIssue(sec, from.id, input), splitIssue(sec, from.id, input)]);
    expect(second.id).toBe(first.id);
    expect(await w.db.issue.count({ where: { title: '楼道灯坏了' } })).toBe(1);
  });
});

describe('a step’s result notice is published once', () => {
  test('completing the implement step publishes it; publishing it again (twice at once) yields the same notice', async () => {
    const sec = await secretary();
    const t = await topicAt('SEVEN_STEP', 5, '北苑垃圾分类亭');
    await w.db.topicTask.create({
      data: { topicId: t.id, title: '建垃圾分类亭', responsible: '物业', dueOn: new Date(), status: 'ACCEPTED', createdById: sec.userId },
    });
    await advanceTopic(sec, t.id, { type: 'ADVANCE' });
    const published = await w.db.notice.findFirstOrThrow({ where: { topicId: t.id, kind: 'RESULT' } });
    const again = await Promise.all([publishResultNotice(sec, t.id), publishResultNotice(sec, t.id)]);
    expect(again.map((n) => n.id)).toEqual([published.id, published.id]);
    await advanceTopic(sec, t.id, { type: 'ADVANCE' });
    expect(await w.db.notice.count({ where: { topicId: t.id, kind: 'RESULT' } })).toBe(1);
  });

  test('a consultation reports back once, whatever the taps; the database refuses a second one', async () => {
    const sec = await secretary();
    const t = await topicAt('CONSULTATION', 3, '北苑养犬公约征求意见');
    const [a, b] = await Promise.all([publishResultNotice(sec, t.id), publishResultNotice(sec, t.id)]);
    expect(b.id).toBe(a.id);
    await advanceTopic(sec, t.id, { type: 'ADVANCE' });
    expect(await w.db.notice.count({ where: { topicId: t.id, kind: 'RESULT' } })).toBe(1);
    const n = await w.db.notice.findUniqueOrThrow({ where: { id: a.id } });
    await expect(
      w.db.notice.create({ data: { kind: 'RESULT', category: 'RESIDENTS', title: 'x', body: 'x', topicId: t.id, stepIndex: n.stepIndex } }),
    ).rejects.toThrow();
  });
});

describe('withdrawing what was entered by mistake, and dates', () => {
  test('a task with a due date in the past is refused', async () => {
    const sec = await secretary();
    const t = await topicAt('SEVEN_STEP', 5, '北苑围墙');
    expect(await refusal(addTask(sec, t.id, { title: '修围墙', responsible: '物业', dueOn: inDays(-1) }))).toBe('topic.dueInPast');
    expect((await addTask(sec, t.id, { title: '修围墙', responsible: '物业', dueOn: TODAY })).id).toBeGreaterThan(0);
  });

  test('a task entered by mistake is withdrawn: kept and struck through, audited, left out of the gate and the notice; not once published', async () => {
    const sec = await secretary();
    const t = await topicAt('SEVEN_STEP', 5, '北苑健身角');
    const { id: wrong } = await addTask(sec, t.id, { title: '错录的任务', responsible: '物业', dueOn: inDays(5) });
    expect(await refusal(withdrawTask(await byUser(w.staff.dongshengStreet.id), t.id, wrong, '录错了'))).toBe('auth.forbidden');
    await withdrawTask(sec, t.id, wrong, '录错了');
    expect(await refusal(withdrawTask(sec, t.id, wrong, '录错了'))).toBe('topic.withdrawnAlready');
    const view = await getTopicForViewer(sec, t.id);
    expect(view?.tasks.map((k) => [k.title, !!k.withdrawnAt, k.withdrawReason])).toEqual([['错录的任务', true, '录错了']]);
    expect(await w.db.auditLog.count({ where: { action: 'task.withdraw', entityId: String(wrong) } })).toBe(1);
    const { id: real } = await addTask(sec, t.id, { title: '安装健身器材', responsible: '物业', dueOn: inDays(5) });
    await w.db.topicTask.update({ where: { id: real }, data: { status: 'ACCEPTED' } });
    await advanceTopic(sec, t.id, { type: 'ADVANCE' }); // the withdrawn task does not hold the gate
    const notice = await w.db.notice.findFirstOrThrow({ where: { topicId: t.id, kind: 'RESULT' } });
    expect(notice.body).toContain('安装健身器材');
    expect(notice.body).not.toContain('错录的任务');
    expect(await refusal(withdrawTask(sec, t.id, real, '晚了'))).toBe('topic.notNow');
  });

  test('a record entered by mistake is withdrawn: the gate it opened closes again; it stays on the topic, audited', async () => {
    const sec = await secretary();
    const t = await topicAt('CONSULTATION', 2, '北苑充电桩意见');
    const { id } = await recordConsensus(sec, t.id, { statement: '错录的意见', participants: ['张三'], heldOn: TODAY });
    await withdrawRecord(sec, t.id, id, '录错了议题');
    expect(await refusal(advanceTopic(sec, t.id, { type: 'ADVANCE' }))).toBe('topic.gate.OPINION_RECORDED');
    const view = await getTopicForViewer(sec, t.id);
    expect(view?.records.map((r) => [r.statement, !!r.withdrawnAt])).toEqual([['错录的意见', true]]);
    expect(await w.db.auditLog.count({ where: { action: 'record.withdraw', entityId: String(id) } })).toBe(1);
    await recordConsensus(sec, t.id, { statement: '同意安装充电桩', participants: ['张三', '李四'], heldOn: TODAY });
    await advanceTopic(sec, t.id, { type: 'ADVANCE' });
    const opinion = await w.db.notice.findFirstOrThrow({ where: { topicId: t.id, kind: 'OPINION' } });
    expect(opinion.body).toContain('同意安装充电桩');
  });
});
