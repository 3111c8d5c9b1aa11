import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { dueDay } from '@/domain/topics/tasks';
import { calendarFor } from '@/server/issues/district-settings';
import { addTask, updateTask } from '@/server/topics/delivery';
import { hasMyTasks, myTasks } from '@/server/topics/my-tasks';
import { ensureProcedures } from '@/server/topics/procedures';
import { ownerCandidates } from '@/server/topics/task-assign';
import { createUser, createVerifiedResident } from '../../factories/accounts';
import { assignOrganization, createBody, createOrganization } from '../../factories/organisation';
import { createTopicWithHistory } from '../../factories/topics';
import { refusal } from '../refusal';
import { byUser, inDays, TODAY, world } from '../accounts/support';

let w: Awaited<ReturnType<typeof world>>;
let topicId: number;
let districtId: number;
const ids = {
  firm: 0,
  idleFirm: 0,
  committee: 0,
  farCommittee: 0,
  manager: 0,
  chair: 0,
  resident: 0,
  residentPerson: 0,
  noAccount: 0,
  outsider: 0,
};

beforeAll(async () => {
  w = await world();
  await ensureProcedures(w.db);
  const sec = { userId: w.staff.jinyangSecretary.id, label: '刘书记' };
  const topic = await createTopicWithHistory(w.db, {
    procedureCode: 'SEVEN_STEP',
    title: '非机动车棚改造',
    description: '说明',
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
    by: sec,
    stepIndex: 5,
    createdAt: new Date(),
    stepDueAt: new Date(Date.now() + 30 * 86_400_000),
  });
  topicId = topic.id;
  districtId = topic.districtId;
  const firm = await createOrganization(w.db, { kind: 'PROPERTY_FIRM', name: '安居物业', districtId });
  await assignOrganization(w.db, {
    organizationId: firm.id,
    relation: 'PROPERTY_SERVICE',
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
  });
  ids.firm = firm.id;
  ids.idleFirm = (await createOrganization(w.db, { kind: 'NEARBY_FIRM', name: '未进场的施工队', districtId })).id;
  const manager = await createUser(w.db, { name: '王经理', phone: '13900007801', password: 'x', verified: true });
  await w.db.organizationMember.create({ data: { organizationId: firm.id, personId: manager.personId, title: '项目经理', staff: true } });
  ids.manager = manager.id;
  const chair = await createVerifiedResident(w.db, {
    personId: w.a.owners[0]!.id,
    phone: '13900007802',
    password: 'x',
    householdId: w.a.households[0]!.id,
  });
  ids.chair = chair.id;
  ids.committee = (
    await createBody(w.db, {
      kind: 'OWNERS_COMMITTEE',
      name: '北苑业委会',
      communityId: w.jinyang.id,
      compoundId: w.a.compound.id,
      memberIds: [chair.personId],
    })
  ).id;
  ids.farCommittee = (
    await createBody(w.db, {
      kind: 'OWNERS_COMMITTEE',
      name: '欧城花园业委会',
      communityId: w.tanghu.id,
      compoundId: w.b.compound.id,
      memberIds: [],
    })
  ).id;
  const resident = await createVerifiedResident(w.db, {
    personId: w.a.owners[1]!.id,
    phone: '13900007803',
    password: 'x',
    householdId: w.a.households[1]!.id,
  });
  ids.resident = resident.id;
  ids.residentPerson = resident.personId;
  ids.noAccount = w.a.owners[2]!.id;
  const outsider = await createVerifiedResident(w.db, {
    personId: w.b.owners[0]!.id,
    phone: '13900007804',
    password: 'x',
    householdId: w.b.households[0]!.id,
  });
  ids.outsider = outsider.personId;
});

const sec = () => byUser(w.staff.jinyangSecretary.id, '刘书记');
const tasksNow = () => w.db.topicTask.count({ where: { topicId } });

describe('assigning a task to an owner', () => {
  test('an owner outside the place, without an account, not serving it or of another community is refused, nothing written', async () => {
    const before = await tasksNow();
    const add = async (owner: Parameters<typeof addTask>[2]['owner']) =>
      refusal(addTask(await sec(), topicId, { title: '拆旧棚', owner, dueOn: inDays(10) }));
    expect(await add({ kind: 'PERSON', personId: ids.outsider })).toBe('topic.ownerOutside');
    expect(await add({ kind: 'PERSON', personId: ids.noAccount })).toBe('topic.ownerNoAccount');
    expect(await add({ kind: 'ORGANIZATION', organizationId: ids.idleFirm })).toBe('topic.ownerNotServing');
    expect(await add({ kind: 'BODY', bodyId: ids.farCommittee })).toBe('topic.ownerElsewhere');
    expect(await tasksNow()).toBe(before);
    expect(await w.db.auditLog.count({ where: { action: 'topic.task' } })).toBe(0);
  });

  test('the firm, the committee or a resident owns a task; "responsible" is the owner’s name; N working days on the calendar', async () => {
    const s = await sec();
    const a = await addTask(s, topicId, { title: '拆除旧车棚', owner: { kind: 'ORGANIZATION', organizationId: ids.firm }, workingDays: 7 });
    const b = await addTask(s, topicId, { title: '公示费用', owner: { kind: 'BODY', bodyId: ids.committee }, dueOn: inDays(20) });
    const c = await addTask(s, topicId, { title: '收集意见', owner: { kind: 'PERSON', personId: ids.residentPerson }, dueOn: inDays(5) });
    const rows = await w.db.topicTask.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.responsible, r.ownerOrganizationId, r.ownerBodyId, r.ownerUserId])).toEqual([
      ['安居物业', ids.firm, null, null],
      ['北苑业委会', null, ids.committee, null],
      [expect.any(String), null, null, ids.resident],
    ]);
    expect(rows[0]!.dueOn.toISOString().slice(0, 10)).toBe(dueDay({ workingDays: 7 }, TODAY, await calendarFor(districtId)));
    expect(await refusal(addTask(s, topicId, { title: 'x', owner: { kind: 'BODY', bodyId: ids.committee }, workingDays: 0 }))).toBe(
      'topic.dueInvalid',
    );
  });
});

describe('the owner list of the task form', () => {
  test('serving organisations and the place’s bodies; people of the community found by name or phone, nobody else', async () => {
    const s = await sec();
    const none = await ownerCandidates(s, topicId);
    expect(none.organizations).toEqual([{ value: `o:${ids.firm}`, label: '安居物业' }]);
    expect(none.bodies.map((b) => b.label)).toEqual(['北苑业委会']);
    expect(none.people).toEqual([]);
    const resident = await w.db.person.findUniqueOrThrow({ where: { id: ids.residentPerson } });
    const outsider = await w.db.person.findUniqueOrThrow({ where: { id: ids.outsider } });
    expect((await ownerCandidates(s, topicId, resident.name)).people.map((p) => p.value)).toContain(`p:${ids.residentPerson}`);
    expect((await ownerCandidates(s, topicId, '13900007804')).people).toEqual([]); // the outsider's phone
    expect((await ownerCandidates(s, topicId, outsider.name)).people.map((p) => p.value)).not.toContain(`p:${ids.outsider}`);
    expect((await ownerCandidates(s, topicId, '13900007803')).people).toEqual([
      { value: `p:${ids.residentPerson}`, label: `${resident.name} 尾号7803` },
    ]);
    expect(await refusal(ownerCandidates(await byUser(ids.manager), topicId))).toBe('topic.notYourStep');
  });
});

describe('owners report, runners and beneficiaries accept or send back', () => {
  test('only the owner’s accounts report; they ask for acceptance; a send-back needs a reason and reopens it', async () => {
    const s = await sec();
    const { id } = await addTask(s, topicId, {
      title: '新建车棚',
      owner: { kind: 'ORGANIZATION', organizationId: ids.firm },
      dueOn: inDays(15),
    });
    const manager = await byUser(ids.manager, '王经理');
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#468' } })
      .jpeg()
      .toBuffer();
    expect(await refusal(updateTask(s, topicId, id, { kind: 'PROGRESS', body: '我来报' }))).toBe('topic.notTaskOwner');
    expect(await refusal(updateTask(await byUser(ids.resident), topicId, id, { kind: 'DONE', body: '好了' }))).toBe('topic.notTaskOwner');
    await updateTask(manager, topicId, id, { kind: 'PROGRESS', body: '基础已浇筑', photos: [photo] });
    await updateTask(manager, topicId, id, { kind: 'DONE', body: '申请验收' });
    expect(await refusal(updateTask(manager, topicId, id, { kind: 'ACCEPT', body: '自己验收' }))).toBe('topic.ownAcceptance');
    expect(await refusal(updateTask(s, topicId, id, { kind: 'SEND_BACK', body: ' ' }))).toBe('topic.reasonRequired');
    await updateTask(s, topicId, id, { kind: 'SEND_BACK', body: '雨棚漏水，请返修' });
    expect((await w.db.topicTask.findUniqueOrThrow({ where: { id } })).status).toBe('OPEN');
    await updateTask(manager, topicId, id, { kind: 'DONE', body: '已返修' });
    await updateTask(await byUser(ids.resident, '居民'), topicId, id, { kind: 'ACCEPT', body: '验收合格' });
    expect((await w.db.topicTask.findUniqueOrThrow({ where: { id } })).status).toBe('ACCEPTED');
    expect(await refusal(updateTask(manager, topicId, id, { kind: 'PROGRESS', body: '再补一张' }))).toBe('topic.taskAccepted');
    expect(await refusal(updateTask(s, topicId, id, { kind: 'SEND_BACK', body: '返工' }))).toBe('topic.taskAccepted');
    const events = await w.db.topicEvent.findMany({ where: { topicId, message: { startsWith: '新建车棚' } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['TASK', 'TASK_PROGRESS', 'TASK_DONE', 'TASK_SEND_BACK', 'TASK_DONE', 'TASK_ACCEPT']);
    expect(events[3]!.message).toContain('雨棚漏水，请返修');
    const audits = await w.db.auditLog.findMany({ where: { entityType: 'TopicTask', entityId: String(id) }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['topic.task', 'task.progress', 'task.done', 'task.send_back', 'task.done', 'task.accept']);
  });

  test('two "申请验收" at once change the state once', async () => {
    const s = await sec();
    const { id } = await addTask(s, topicId, {
      title: '刷漆',
      owner: { kind: 'ORGANIZATION', organizationId: ids.firm },
      dueOn: inDays(15),
    });
    const manager = await byUser(ids.manager, '王经理');
    const results = await Promise.allSettled([
      updateTask(manager, topicId, id, { kind: 'DONE', body: '申请验收' }),
      updateTask(manager, topicId, id, { kind: 'DONE', body: '申请验收' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await w.db.taskUpdate.count({ where: { taskId: id, kind: 'DONE' } })).toBe(1);
    expect(await w.db.auditLog.count({ where: { entityType: 'TopicTask', entityId: String(id), action: 'task.done' } })).toBe(1);
  });
});

describe('我的任务', () => {
  test('lists exactly the tasks one acts for, open first by due date, overdue marked', async () => {
    const s = await sec();
    const { id: late } = await addTask(s, topicId, {
      title: '清运垃圾',
      owner: { kind: 'ORGANIZATION', organizationId: ids.firm },
      dueOn: TODAY,
    });
    await w.db.topicTask.update({ where: { id: late }, data: { dueOn: new Date(`${inDays(-3)}T00:00:00Z`) } });
    const manager = await byUser(ids.manager, '王经理');
    const list = await myTasks(manager);
    expect(list.every((t) => ['拆除旧车棚', '新建车棚', '刷漆', '清运垃圾'].includes(t.title))).toBe(true);
    expect(list[0]).toMatchObject({ title: '清运垃圾', overdue: true, topicTitle: '非机动车棚改造', place: '北苑小区', status: 'OPEN' });
    expect(list.map((t) => t.status)).toEqual(['OPEN', 'OPEN', 'DONE', 'ACCEPTED']);
    expect(await hasMyTasks(manager)).toBe(true);
    expect((await myTasks(await byUser(ids.chair))).map((t) => t.title)).toEqual(['公示费用']);
    expect(await hasMyTasks(await sec())).toBe(false);
    expect(await myTasks(await sec())).toEqual([]);
  });
});
