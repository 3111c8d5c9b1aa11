import { beforeAll, describe, expect, test } from 'vitest';
import { ensureProcedures } from '@/server/topics/procedures';
import { actsForOwner, ownedBy, ownerAccounts, ownerColumns, ownerOf, type TTaskOwner } from '@/server/topics/task-owners';
import { createUser } from '../../factories/accounts';
import { day } from '../../factories/db';
import { createBody, createOrganization } from '../../factories/organisation';
import { createTopicWithHistory } from '../../factories/topics';
import { TODAY, world } from '../accounts/support';

let w: Awaited<ReturnType<typeof world>>;
let topicId: number;
const people: Record<string, { userId: number; personId: number }> = {};
let firmId: number;
let committeeId: number;

beforeAll(async () => {
  w = await world();
  await ensureProcedures(w.db);
  const topic = await createTopicWithHistory(w.db, {
    procedureCode: 'SEVEN_STEP',
    title: '停车位划线',
    description: '说明',
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
    by: { userId: w.staff.jinyangSecretary.id, label: '刘书记' },
    stepIndex: 5,
    createdAt: new Date(),
    stepDueAt: new Date(Date.now() + 30 * 86_400_000),
  });
  topicId = topic.id;
  for (const [i, name] of ['经理', '离职员工', '主任', '前委员', '无关居民'].entries()) {
    const u = await createUser(w.db, { name, phone: `1390000770${i}`, password: 'x', verified: true });
    people[name] = { userId: u.id, personId: u.personId };
  }
  const { districtId } = await w.db.street.findUniqueOrThrow({ where: { id: w.jinyang.streetId } });
  const firm = await createOrganization(w.db, { kind: 'PROPERTY_FIRM', name: '某物业公司', districtId });
  firmId = firm.id;
  await w.db.organizationMember.createMany({
    data: [
      { organizationId: firm.id, personId: people['经理']!.personId, title: '项目经理', staff: true },
      { organizationId: firm.id, personId: people['离职员工']!.personId, title: '客服', staff: true, leftOn: day('2024-06-30') },
    ],
  });
  const committee = await createBody(w.db, {
    kind: 'OWNERS_COMMITTEE',
    name: '业委会',
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
    memberIds: [people['主任']!.personId],
  });
  committeeId = committee.id;
  await w.db.bodyMember.create({
    data: { bodyId: committee.id, personId: people['前委员']!.personId, startsOn: day('2020-01-01'), endsOn: day('2023-12-31') },
  });
});

const task = (title: string, owner: TTaskOwner | null) =>
  w.db.topicTask.create({
    data: { topicId, title, responsible: title, dueOn: day(TODAY), createdById: w.staff.jinyangSecretary.id, ...ownerColumns(owner) },
  });

describe('task owners (decision 048)', () => {
  test('an owner is a person, an organisation or a body, and the columns say which', () => {
    const owners: (TTaskOwner | null)[] = [
      { kind: 'PERSON', userId: 7 },
      { kind: 'ORGANIZATION', organizationId: 8 },
      { kind: 'BODY', bodyId: 9 },
      null,
    ];
    for (const o of owners) expect(ownerOf(ownerColumns(o))).toEqual(o);
  });

  test('the accounts acting for an owner: the person, the staff who have not left, the members seated today', async () => {
    const p = people;
    expect(await ownerAccounts(w.db, { kind: 'PERSON', userId: p['无关居民']!.userId }, TODAY)).toEqual([p['无关居民']!.userId]);
    expect(await ownerAccounts(w.db, { kind: 'ORGANIZATION', organizationId: firmId }, TODAY)).toEqual([p['经理']!.userId]);
    expect(await ownerAccounts(w.db, { kind: 'BODY', bodyId: committeeId }, TODAY)).toEqual([p['主任']!.userId]);
    // On a day when the departed member still worked there, they acted too.
    expect(await ownerAccounts(w.db, { kind: 'ORGANIZATION', organizationId: firmId }, '2024-03-01')).toHaveLength(2);
    expect(await ownerAccounts(w.db, null, TODAY)).toEqual([]);
  });

  test('"my tasks" finds exactly the tasks one acts for', async () => {
    const byFirm = await task('划线施工', { kind: 'ORGANIZATION', organizationId: firmId });
    const byCommittee = await task('费用公示', { kind: 'BODY', bodyId: committeeId });
    const byPerson = await task('联系施工队', { kind: 'PERSON', userId: people['无关居民']!.userId });
    const mine = async (name: string) =>
      (await w.db.topicTask.findMany({ where: { topicId, ...ownedBy(people[name]!.userId, people[name]!.personId, TODAY) } })).map(
        (t) => t.id,
      );
    expect(await mine('经理')).toEqual([byFirm.id]);
    expect(await mine('主任')).toEqual([byCommittee.id]);
    expect(await mine('无关居民')).toEqual([byPerson.id]);
    expect(await mine('离职员工')).toEqual([]);
    expect(await mine('前委员')).toEqual([]);
    expect(await actsForOwner(w.db, byFirm.id, people['经理']!.userId, people['经理']!.personId, TODAY)).toBe(true);
    expect(await actsForOwner(w.db, byFirm.id, people['主任']!.userId, people['主任']!.personId, TODAY)).toBe(false);
  });

  test('the database refuses a task with two owners', async () => {
    await expect(
      w.db.topicTask.create({
        data: {
          topicId,
          title: '两个负责方',
          responsible: 'x',
          dueOn: day(TODAY),
          createdById: w.staff.jinyangSecretary.id,
          ownerOrganizationId: firmId,
          ownerBodyId: committeeId,
        },
      }),
    ).rejects.toThrow(/TopicTask_one_owner/);
  });
});
