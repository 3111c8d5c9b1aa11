import { beforeAll, describe, expect, test } from 'vitest';
import { createCategory, categoriesFor, renameCategory, retireCategory } from '@/server/consultation/categories';
import { addItem, createList, retireItem } from '@/server/consultation/lists';
import { publishList } from '@/server/consultation/publish';
import { readLists } from '@/server/consultation/read';
import { linkTopic, setTopicCategory } from '@/server/consultation/topic-links';
import { ensureIssueCategories } from '@/server/issues/categories';
import { topicsByCategory } from '@/server/stats/topics-by-category';
import { listTopicsBehind } from '@/server/stats/drill';
import { ensureProcedures, proceduresFor } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { today } from '@/server/today';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { createIssueWithHistory } from '../../factories/issues';
import { NameSource } from '../../factories/names';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

// Issue 23 part C (decision 072): every topic has a category; the community's yearly consultation list.
let w: Awaited<ReturnType<typeof setup>>;
const YEAR = Number(today().slice(0, 4));
async function setup() {
  const db = testDb();
  await ensureIssueCategories(db);
  await ensureProcedures(db);
  const names = new NameSource(72);
  const jinyang = await communityByCode(db, '510107009003');
  const other = await communityByCode(db, '510116001001');
  const here = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '目录小区',
    buildings: [{ name: '1栋', floors: 2, perFloor: 2, areasCentiM2: [9000] }],
  });
  const there = await createPopulatedCompound(db, names, {
    communityId: other.id,
    name: '邻社区小区',
    buildings: [{ name: '1栋', floors: 1, perFloor: 2, areasCentiM2: [9000] }],
  });
  const staff = (
    name: string,
    phone: string,
    role: 'COMMUNITY_SECRETARY' | 'STREET_STAFF' | 'DISTRICT_ADMIN',
    level: 'COMMUNITY' | 'STREET' | 'DISTRICT',
    placeId: number,
  ) => createStaff(db, { name, phone, password: 'staff-pass-1', role, placeLevel: level, placeId });
  const secretary = await staff('目录书记', '13872000001', 'COMMUNITY_SECRETARY', 'COMMUNITY', jinyang.id);
  const otherSecretary = await staff('邻书记', '13872000002', 'COMMUNITY_SECRETARY', 'COMMUNITY', other.id);
  const street = await staff('街道统计', '13872000003', 'STREET_STAFF', 'STREET', jinyang.streetId);
  const admin = await staff('区管理员', '13872000004', 'DISTRICT_ADMIN', 'DISTRICT', jinyang.street.districtId);
  const resident = await createVerifiedResident(db, {
    personId: here.owners[0]!.id,
    phone: '13872000009',
    password: 'x-pass-1234',
    householdId: here.households[0]!.id,
  });
  const proc = (await proceduresFor(jinyang.street.districtId)).find((p) => p.code === 'SEVEN_STEP')!.id;
  const cat = async (code: string) => (await db.topicCategory.findFirstOrThrow({ where: { code, districtId: null } })).id;
  return { db, jinyang, other, here, there, secretary, otherSecretary, street, admin, resident, proc, cat };
}
beforeAll(async () => {
  w = await setup();
});

const sec = () => byUser(w.secretary.id, '目录书记');
const raise = async (title: string, category?: number | string | null, issueIds?: number[]) =>
  raiseTopic(await sec(), {
    title,
    description: '议题说明文字',
    communityId: w.jinyang.id,
    compoundId: w.here.compound.id,
    procedureId: w.proc,
    category,
    issueIds,
  });
const counts = async () => ({ topics: await w.db.topic.count(), audit: await w.db.auditLog.count() });
const issue = (categoryCode: string, title: string) =>
  createIssueWithHistory(w.db, {
    categoryCode,
    title,
    description: '居民反映',
    compoundId: w.here.compound.id,
    authorUserId: w.resident.id,
    createdAt: new Date(),
    acknowledgeBy: new Date(Date.now() + 86_400_000),
    resolveBy: new Date(Date.now() + 5 * 86_400_000),
    steps: [],
  });

describe('every topic has a category', () => {
  test('raised without one: refused in words, nothing written; with one: kept and audited', async () => {
    const before = await counts();
    expect(await refusal(raise('没有类别的议题'))).toBe('consultation.categoryMissing');
    expect(await refusal(raise('没有类别的议题', ''))).toBe('consultation.categoryMissing');
    expect(await refusal(raise('未知类别的议题', 999_999))).toBe('consultation.categoryUnknown');
    expect(await counts()).toEqual(before);
    const { id } = await raise('小区绿化整治', await w.cat('ENVIRONMENT'));
    const t = await w.db.topic.findUniqueOrThrow({ where: { id }, include: { category: true } });
    expect(t.category.code).toBe('ENVIRONMENT');
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: 'topic.raise', entityId: String(id) } });
    expect(audit.after).toMatchObject({ category: 'ENVIRONMENT' });
  });

  test('taken up from issues: their category where it obviously fits, else the form must ask', async () => {
    const parking = await issue('PARKING', '夜间乱停车');
    const { id } = await raise('停车秩序整治', undefined, [parking.id]);
    expect((await w.db.topic.findUniqueOrThrow({ where: { id }, include: { category: true } })).category.code).toBe('PARKING');
    const vague = await issue('OTHER', '其他问题');
    const before = await counts();
    expect(await refusal(raise('其他问题议题', null, [vague.id]))).toBe('consultation.categoryMissing');
    expect(await counts()).toEqual(before);
    expect((await w.db.issue.findUniqueOrThrow({ where: { id: vague.id } })).topicId).toBeNull();
    const { id: chosen } = await raise('其他问题议题', await w.cat('CULTURE'), [vague.id]);
    expect((await w.db.topic.findUniqueOrThrow({ where: { id: chosen } })).categoryId).toBe(await w.cat('CULTURE'));
  });

  test('staff with topic.manage change it (audited); a resident or another community forging it changes nothing', async () => {
    const { id } = await raise('改类别的议题', 'OTHER');
    const before = await counts();
    const safety = await w.cat('SAFETY');
    expect(await refusal(setTopicCategory(await byUser(w.resident.id), id, safety))).toBe('auth.forbidden');
    expect(await refusal(setTopicCategory(await byUser(w.otherSecretary.id), id, safety))).toBe('auth.forbidden');
    expect(await counts()).toEqual(before);
    await setTopicCategory(await sec(), id, safety);
    expect((await w.db.topic.findUniqueOrThrow({ where: { id } })).categoryId).toBe(safety);
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: 'consultationList.categorise', entityId: String(id) } });
    expect(audit).toMatchObject({ before: { category: 'OTHER' }, after: { category: 'SAFETY' } });
  });
});

describe("a district's own categories", () => {
  test('added, renamed and retired by its administrator; the built-ins stay; a retired one is no longer offered', async () => {
    const admin = await byUser(w.admin.id, '区管理员');
    const district = w.jinyang.street.districtId;
    expect(await refusal(createCategory(await sec(), district, { nameZh: '加装电梯', nameEn: 'Lifts' }))).toBe('auth.forbidden');
    expect(await refusal(createCategory(admin, district, { nameZh: '停车管理', nameEn: 'Parking' }))).toBe('consultation.categoryTaken');
    const { id } = await createCategory(admin, district, { nameZh: '加装电梯', nameEn: 'Lifts' });
    await renameCategory(admin, id, { nameZh: '老旧电梯加装', nameEn: 'Adding lifts' });
    expect((await categoriesFor(district)).map((c) => c.nameZh)).toContain('老旧电梯加装');
    expect(
      (await categoriesFor(w.other.street.districtId === district ? -1 : w.other.street.districtId)).map((c) => c.nameZh),
    ).not.toContain('老旧电梯加装');
    const { id: topicId } = await raise('加装电梯议题', id);
    await retireCategory(admin, id);
    expect((await categoriesFor(district)).map((c) => c.id)).not.toContain(id);
    expect(await refusal(raise('再用停用类别', id))).toBe('consultation.categoryUnknown');
    expect((await w.db.topic.findUniqueOrThrow({ where: { id: topicId } })).categoryId).toBe(id);
    expect(await refusal(retireCategory(admin, await w.cat('OTHER')))).toBe('consultation.categoryBuiltIn');
    expect(await w.db.auditLog.count({ where: { entityType: 'TopicCategory', entityId: String(id) } })).toBe(3);
  });
});

describe('the consultation list', () => {
  test('drawn up, published to the board; a line added later is published as a correction; two publishes at once publish once', async () => {
    const s = await sec();
    expect(await refusal(createList(await byUser(w.resident.id), w.jinyang.id, YEAR))).toBe('auth.forbidden');
    const [a, b] = await Promise.all([createList(s, w.jinyang.id, YEAR), createList(s, w.jinyang.id, YEAR)]);
    expect(a.id).toBe(b.id);
    expect(await refusal(publishList(s, a.id, 0))).toBe('consultation.listEmpty');
    const line = (title: string, code: string, extra: Partial<{ quarter: number; month: number }> = {}) =>
      w.cat(code).then((categoryId) =>
        addItem(s, a.id, {
          title,
          description: '',
          categoryId,
          quarter: extra.quarter ?? null,
          month: extra.month ?? null,
          source: 'COMMITTEES',
        }),
      );
    expect((await line('小区环境整治', 'ENVIRONMENT', { quarter: 2 })).line).toBe(1);
    expect((await line('物业费收取和使用', 'PROPERTY')).line).toBe(2);
    expect(await refusal(line('物业费收取和使用', 'PROPERTY'))).toBe('consultation.itemTaken');
    expect(await refusal(line('治安防范', 'SAFETY', { quarter: 1, month: 3 }))).toBe('consultation.whenBoth');
    const both = await Promise.all([refusal(publishList(s, a.id, 0)), refusal(publishList(s, a.id, 0))]);
    expect(both.sort()).toEqual(['consultation.listChanged', 'no refusal']);
    const first = await w.db.consultationList.findUniqueOrThrow({ where: { id: a.id }, include: { notice: true } });
    expect(first.status).toBe('PUBLISHED');
    expect(first.notice).toMatchObject({ category: 'RESIDENTS', communityId: w.jinyang.id, supersedesId: null });
    expect(first.notice!.body).toContain('1. 小区环境整治（第2季度）〔环境整治·两委〕');
    expect(first.notice!.hash).toBeTruthy();
    expect(await w.db.notice.count({ where: { title: { contains: '年度协商目录' }, communityId: w.jinyang.id } })).toBe(1);
    await line('居民纠纷调解', 'DISPUTES', { month: 9 });
    await publishList(s, a.id, first.lockVersion);
    const second = await w.db.consultationList.findUniqueOrThrow({ where: { id: a.id }, include: { notice: true } });
    expect(second.notice).toMatchObject({ supersedesId: first.noticeId });
    expect(second.notice!.title).toContain('（更正）');
    expect(await w.db.auditLog.count({ where: { action: 'consultationList.publish', entityId: String(a.id) } })).toBe(2);
  });

  test('a topic is linked to a line of its own community only; the public list shows it under its line', async () => {
    const s = await sec();
    const list = await w.db.consultationList.findUniqueOrThrow({ where: { communityId_year: { communityId: w.jinyang.id, year: YEAR } } });
    const item = await w.db.consultationItem.findFirstOrThrow({ where: { listId: list.id, line: 1 } });
    const { id: otherList } = await createList(await byUser(w.otherSecretary.id), w.other.id, YEAR);
    const { id: foreign } = await addItem(await byUser(w.otherSecretary.id), otherList, {
      title: '邻社区停车',
      description: '',
      categoryId: await w.cat('PARKING'),
      quarter: null,
      month: null,
      source: 'RESIDENTS',
    });
    const { id } = await raise('垃圾分类点位调整', 'ENVIRONMENT');
    const before = await counts();
    expect(await refusal(linkTopic(s, id, foreign))).toBe('consultation.itemOtherCommunity');
    expect(await refusal(linkTopic(await byUser(w.resident.id), id, item.id))).toBe('auth.forbidden');
    expect(await counts()).toEqual(before);
    // The database keeps the rule whatever path writes the link.
    await expect(w.db.topic.update({ where: { id }, data: { consultationItemId: foreign } })).rejects.toThrow(/another community/);
    await linkTopic(s, id, item.id);
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: 'consultationList.link', entityId: String(id) } });
    expect(audit.after).toMatchObject({ item: item.id, year: YEAR, line: 1 });
    const [shown] = await readLists(w.jinyang.id);
    expect(shown!.items.find((i) => i.line === 1)!.topics.map((t) => t.title)).toEqual(['垃圾分类点位调整']);
    // A line struck off is left off the public list and cannot be linked any more.
    const spare = await w.db.consultationItem.findFirstOrThrow({ where: { listId: list.id, line: 3 } });
    await retireItem(s, spare.id);
    expect(await refusal(linkTopic(s, id, spare.id))).toBe('consultation.itemRetired');
    expect((await readLists(w.jinyang.id))[0]!.items.map((i) => i.line)).toEqual([1, 2]);
    await linkTopic(s, id, null);
    expect((await w.db.topic.findUniqueOrThrow({ where: { id } })).consultationItemId).toBeNull();
  });
});

describe('topics by category on the dashboard', () => {
  test('the figures equal a plain count, and the list behind each number is those topics', async () => {
    const by = await byUser(w.street.id, '街道统计');
    const period = { from: `${YEAR}-01`, to: `${YEAR}-12` };
    const unit = { level: 'street' as const, id: w.jinyang.streetId };
    const withdrawn = await raise('撤回的停车议题', 'PARKING');
    await w.db.topic.update({ where: { id: withdrawn.id }, data: { status: 'WITHDRAWN' } });
    const { rows } = await topicsByCategory(by, { unit, period });
    const plain = await w.db.topic.groupBy({ by: ['categoryId'], where: { streetId: w.jinyang.streetId }, _count: true });
    for (const p of plain) expect(rows.find((r) => r.id === p.categoryId)?.RAISED).toBe(p._count);
    const parking = rows.find((r) => r.code === 'PARKING')!;
    const openParking = await w.db.topic.count({ where: { streetId: w.jinyang.streetId, status: 'OPEN', category: { code: 'PARKING' } } });
    expect(parking.OPEN).toBe(openParking);
    expect(parking.ENDED).toBe(1);
    const behind = await listTopicsBehind(by, { unit, period, step: 'ENDED', categoryId: parking.id });
    expect(behind.rows.map((r) => r.id)).toEqual([withdrawn.id]);
    const raised = await listTopicsBehind(by, { unit, period, step: 'RAISED', categoryId: parking.id });
    expect(raised.total).toBe(parking.RAISED);
    expect(await refusal(topicsByCategory(await sec(), { unit, period }))).toBe('auth.forbidden');
  });
});
