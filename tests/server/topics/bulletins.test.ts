import { beforeAll, describe, expect, test } from 'vitest';
import { addTask, updateTask } from '@/server/topics/delivery';
import { draftDueBulletins, editBulletin, publishBulletin, scheduleBulletins } from '@/server/topics/bulletins';
import { ensureProcedures } from '@/server/topics/procedures';
import { verifyChain } from '@/server/notices/publish';
import { createUser } from '../../factories/accounts';
import { assignOrganization, createOrganization } from '../../factories/organisation';
import { createTopicWithHistory } from '../../factories/topics';
import { refusal } from '../refusal';
import { byUser, inDays, TODAY, world } from '../accounts/support';

let w: Awaited<ReturnType<typeof world>>;
let topicId: number;
let earlyTopicId: number;
let managerId: number;
const DAY = 86_400_000;

beforeAll(async () => {
  w = await world();
  await ensureProcedures(w.db);
  const topic = (stepIndex: number, title: string) =>
    createTopicWithHistory(w.db, {
      procedureCode: 'SEVEN_STEP',
      title,
      description: '说明',
      communityId: w.jinyang.id,
      compoundId: w.a.compound.id,
      by: { userId: w.staff.jinyangSecretary.id, label: '刘书记' },
      stepIndex,
      createdAt: new Date(),
      stepDueAt: new Date(Date.now() + 60 * DAY),
    });
  topicId = (await topic(5, '非机动车棚改造')).id;
  earlyTopicId = (await topic(1, '还在征集意见')).id;
  const firm = await createOrganization(w.db, {
    kind: 'PROPERTY_FIRM',
    name: '安居物业',
    districtId: (await w.db.topic.findUniqueOrThrow({ where: { id: topicId } })).districtId,
  });
  await assignOrganization(w.db, {
    organizationId: firm.id,
    relation: 'PROPERTY_SERVICE',
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
  });
  const manager = await createUser(w.db, { name: '王经理', phone: '13900007901', password: 'x', verified: true });
  await w.db.organizationMember.create({ data: { organizationId: firm.id, personId: manager.personId, title: '项目经理', staff: true } });
  managerId = manager.id;
  const sec = await byUser(w.staff.jinyangSecretary.id, '刘书记');
  const { id } = await addTask(sec, topicId, {
    title: '拆除旧车棚',
    owner: { kind: 'ORGANIZATION', organizationId: firm.id },
    dueOn: inDays(20),
  });
  await updateTask(await byUser(managerId, '王经理'), topicId, id, { kind: 'PROGRESS', body: '旧车棚已拆除一半' });
});

const sec = () => byUser(w.staff.jinyangSecretary.id, '刘书记');

describe('progress bulletins', () => {
  test('only the secretary of a decided topic schedules them', async () => {
    expect(await refusal(scheduleBulletins(await sec(), earlyTopicId, { cadence: 'MONTHLY', startsOn: TODAY }))).toBe('topic.notNow');
    expect(await refusal(scheduleBulletins(await byUser(managerId), topicId, { cadence: 'MONTHLY', startsOn: TODAY }))).toBe(
      'topic.notYourStep',
    );
    expect(await refusal(scheduleBulletins(await sec(), topicId, { cadence: 'MONTHLY', startsOn: TODAY, endsOn: TODAY }))).toBe(
      'topic.bulletinDates',
    );
    await scheduleBulletins(await sec(), topicId, { cadence: 'MONTHLY', startsOn: TODAY });
    expect(await w.db.auditLog.count({ where: { action: 'topic.bulletinSchedule' } })).toBe(1);
  });

  test('nothing is due before the first month ends; after it, two runs at once draft one bulletin', async () => {
    expect(await draftDueBulletins(new Date(Date.now() + 3 * DAY))).toEqual({ drafted: 0 });
    const later = new Date(Date.now() + 35 * DAY);
    const runs = await Promise.all([draftDueBulletins(later), draftDueBulletins(later), draftDueBulletins(later)]);
    expect(runs.reduce((n, r) => n + r.drafted, 0)).toBe(1);
    const drafts = await w.db.progressBulletin.findMany({ where: { topicId } });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.body).toContain('拆除旧车棚（安居物业');
    expect(drafts[0]!.body).toContain('旧车棚已拆除一半');
    expect(drafts[0]!.body).toContain('已验收 0 项（0%）');
    expect(drafts[0]!.body).not.toContain('王经理');
    // A draft not reviewed is not published.
    expect(await w.db.notice.count({ where: { topicId, kind: 'PROGRESS' } })).toBe(0);
  });

  test('the secretary edits the draft and publishes it once to the board, in the hash chain; then it is fixed', async () => {
    const draft = await w.db.progressBulletin.findFirstOrThrow({ where: { topicId } });
    expect(await refusal(publishBulletin(await byUser(managerId), topicId, draft.id))).toBe('topic.notYourStep');
    await editBulletin(await sec(), topicId, draft.id, `${draft.body}\n下月完成新车棚基础。`);
    const both = await Promise.allSettled([
      publishBulletin(await sec(), topicId, draft.id),
      publishBulletin(await sec(), topicId, draft.id),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const notices = await w.db.notice.findMany({ where: { topicId, kind: 'PROGRESS' } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ category: 'RESIDENTS', title: draft.title });
    expect(notices[0]!.body).toContain('下月完成新车棚基础。');
    expect(notices[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyChain(w.db)).ok).toBe(true);
    expect(await refusal(editBulletin(await sec(), topicId, draft.id, '改'))).toBe('topic.bulletinPublished');
    expect(await w.db.auditLog.count({ where: { action: { in: ['topic.bulletinEdit', 'topic.bulletinPublish'] } } })).toBe(2);
  });
});
