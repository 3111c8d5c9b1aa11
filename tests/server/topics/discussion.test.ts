import { beforeAll, describe, expect, test } from 'vitest';
import { ensureIssueCategories } from '@/server/issues/categories';
import { advanceTopic } from '@/server/topics/advance-topic';
import { hideComment, postComment, summariseDiscussion } from '@/server/topics/discussion';
import { discussionFor } from '@/server/topics/discussion-read';
import { ensureProcedures, proceduresFor } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { createStaff, createUser, createVerifiedResident } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { createPartyOrg, registerPartyMember } from '../../factories/organisation';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureProcedures(db);
  await ensureIssueCategories(db);
  const jinyang = await communityByCode(db, '510107009003');
  const { compound } = await createPopulatedCompound(db, new NameSource(59), {
    communityId: jinyang.id,
    name: '南苑小区',
    buildings: [{ name: '1栋', floors: 3, perFloor: 4, areasCentiM2: [8950] }],
  });
  const households = await db.household.findMany({
    where: { building: { compoundId: compound.id } },
    orderBy: { id: 'asc' },
    include: { ownerships: true },
  });
  const resident = (i: number, phone: string) =>
    createVerifiedResident(db, { personId: households[i]!.ownerships[0]!.personId, phone, password: 'pw', householdId: households[i]!.id });
  const anna = await resident(0, '13885900001');
  const bo = await resident(1, '13885900002');
  const member = await resident(2, '13885900003');
  const more = [];
  for (const i of [3, 4, 5, 6, 7]) more.push(await resident(i, `1388590001${i}`));
  const [cara, dan, eve, fay, gus] = more;
  const branch = await createPartyOrg(db, {
    kind: 'COMPOUND_BRANCH',
    name: '南苑党支部',
    communityId: jinyang.id,
    compoundId: compound.id,
  });
  await registerPartyMember(db, { personId: member.personId, partyOrgId: branch.id });
  const outsider = await createUser(db, { name: '外人', phone: '13885900004', password: 'pw', verified: true });
  const secretary = await createStaff(db, {
    name: '周书记',
    phone: '13885900009',
    password: 'pw',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const procs = await proceduresFor(compound.districtId);
  const by = {
    sec: await byUser(secretary.id, '周书记'),
    anna: await byUser(anna.id, '安娜'),
    bo: await byUser(bo.id, '薄波'),
    member: await byUser(member.id, '党员'),
    outsider: await byUser(outsider.id, '外人'),
    cara: await byUser(cara!.id, '曹拉'),
    dan: await byUser(dan!.id, '丹'),
    eve: await byUser(eve!.id, '伊芙'),
    fay: await byUser(fay!.id, '费'),
    gus: await byUser(gus!.id, '古斯'),
  };
  const raise = async (title: string, code = 'SEVEN_STEP') => {
    const { id } = await raiseTopic(by.sec, {
      category: 'OTHER',
      title,
      description: '北门加装充电桩',
      compoundId: compound.id,
      communityId: jinyang.id,
      procedureId: procs.find((p) => p.code === code)!.id,
      assemblyMatter: code === 'OWNERS_ASSEMBLY' ? 5 : undefined,
    });
    await db.topicFollower.createMany({ data: [bo.id, anna.id].map((userId) => ({ topicId: id, userId })) });
    return id;
  };
  return { db, by, raise, users: { anna, bo, eve: eve! } };
}
beforeAll(async () => {
  w = await setup();
});

const say = (body: string, extra: { anonymous?: boolean; parentId?: number; stepIndex?: number } = {}) => ({
  body,
  anonymous: extra.anonymous ?? false,
  parentId: extra.parentId,
  stepIndex: extra.stepIndex ?? 0,
});
const count = (topicId: number) => w.db.topicComment.count({ where: { topicId } });

describe('线上协商: residents of the place post comments and replies', () => {
  test('an anonymous comment names nobody: not on the page, the notifications, the audit or the row', async () => {
    const { db, by } = w;
    const id = await w.raise('北门充电桩');
    const { id: cid } = await postComment(by.anna, id, say('希望装在北门东侧', { anonymous: true }));
    await postComment(by.bo, id, say('同意，注意消防通道', { parentId: cid }));
    const seenByBo = (await discussionFor(by.bo, id))!;
    expect(seenByBo.comments.map((c) => [c.by, c.body, c.replies.map((r) => r.by)])).toEqual([['匿名居民', '希望装在北门东侧', ['薄波']]]);
    expect(JSON.stringify(seenByBo)).not.toContain('安娜');
    expect((await discussionFor(by.sec, id))!.comments[0]!.by).toBe('匿名居民');
    expect((await discussionFor(by.anna, id))!.comments[0]!.by).toBe('匿名居民（我）');
    const row = await db.topicComment.findUniqueOrThrow({ where: { id: cid } });
    expect(row.authorLabel).toBe('');
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'topic.comment', entityId: String(cid) } });
    expect([audit.actorId, audit.actorLabel]).toEqual([null, '匿名居民']);
    const told = await db.notification.findMany({ where: { topicId: id, kind: { in: ['topic.comment', 'topic.reply'] } } });
    expect(told.some((n) => n.userId === w.users.bo.id && n.body === '匿名居民：希望装在北门东侧')).toBe(true);
    expect(told.every((n) => !n.body.includes('安娜'))).toBe(true);
    // The anonymous author hears of the reply, and is told nothing naming them.
    expect(told.some((n) => n.userId === w.users.anna.id && n.kind === 'topic.reply' && n.body === '薄波：同意，注意消防通道')).toBe(true);
  });

  test('bad input is refused in words and writes nothing', async () => {
    const { by } = w;
    const id = await w.raise('垃圾分类点');
    const { id: cid } = await postComment(by.cara, id, say('建议挪到西门'));
    const { id: rid } = await postComment(by.dan, id, say('赞成', { parentId: cid }));
    const before = await count(id);
    expect(await refusal(postComment(by.cara, id, say('   ')))).toBe('discussion.empty');
    expect(await refusal(postComment(by.cara, id, say('议'.repeat(1001))))).toBe('discussion.tooLong');
    expect(await refusal(postComment(by.outsider, id, say('路过')))).toBe('auth.forbidden');
    expect(await refusal(postComment(by.cara, id, say('回复的回复', { parentId: rid })))).toBe('discussion.badParent');
    expect(await refusal(postComment(by.cara, id, say('上一步', { stepIndex: 1 })))).toBe('discussion.stepClosed');
    await advanceTopic(by.sec, id, { type: 'ADVANCE' });
    // The page was loaded in step 0: the step has moved on, and so has its discussion.
    expect(await refusal(postComment(by.cara, id, say('还在第一步')))).toBe('discussion.stepClosed');
    expect(await refusal(postComment(by.cara, id, say('回复旧步骤', { parentId: cid, stepIndex: 1 })))).toBe('discussion.badParent');
    await advanceTopic(by.sec, id, { type: 'WITHDRAW', reason: '重复议题' });
    expect(await refusal(postComment(by.cara, id, say('撤回之后', { stepIndex: 1 })))).toBe('topic.closed');
    expect(await count(id)).toBe(before);
  });

  test('a party-members-first step: only those who may see the topic take part', async () => {
    const { by } = w;
    const id = await w.raise('更换电梯', 'OWNERS_ASSEMBLY');
    expect(await refusal(postComment(by.bo, id, say('我也想说')))).toBe('auth.forbidden');
    await postComment(by.member, id, say('先做安全评估'));
    expect((await discussionFor(by.member, id))!.mayPost).toBe(true);
    expect(await discussionFor(by.bo, id)).toBeNull();
  });

  test('five posts at once by one person (staff too): three go through (three a minute), the rest are refused', async () => {
    const { by } = w;
    const id = await w.raise('楼道灯');
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => refusal(postComment(by.sec, id, say(`第 ${n} 条`)))));
    expect(results.filter((r) => r === 'no refusal')).toHaveLength(3);
    expect(results.filter((r) => r === 'discussion.tooMany')).toHaveLength(2);
    expect(await count(id)).toBe(3);
  });
});

describe('线上协商: moderation and the summary', () => {
  test('staff hide with a reason: the author reads why, others see it hidden without its text, the audit keeps it', async () => {
    const { db, by } = w;
    const id = await w.raise('广场舞音量');
    const { id: cid } = await postComment(by.eve, id, say('某某家太吵，电话 138xxxx', { anonymous: true }));
    expect(await refusal(hideComment(by.gus, cid, '含个人信息'))).toBe('auth.forbidden');
    expect(await refusal(hideComment(by.sec, cid, '  '))).toBe('discussion.reasonNeeded');
    const twice = await Promise.all([refusal(hideComment(by.sec, cid, '含个人信息')), refusal(hideComment(by.sec, cid, '含个人信息'))]);
    expect(twice.sort()).toEqual(['discussion.alreadyHidden', 'no refusal']);
    const forBo = (await discussionFor(by.gus, id))!.comments[0]!;
    expect([forBo.body, forBo.hidden]).toEqual([null, { reason: '' }]);
    const forAnna = (await discussionFor(by.eve, id))!.comments[0]!;
    expect([forAnna.body, forAnna.hidden]).toEqual(['某某家太吵，电话 138xxxx', { reason: '含个人信息' }]);
    const audit = await db.auditLog.findMany({ where: { action: 'topic.hideComment', entityId: String(cid) } });
    expect(audit.map((a) => [a.actorLabel, (a.after as { reason: string }).reason])).toEqual([['周书记', '含个人信息']]);
    expect(await db.notification.count({ where: { userId: w.users.eve.id, kind: 'topic.commentHidden', body: '含个人信息' } })).toBe(1);
  });

  test('the runner summarises the step into its record with the counts; the thread closes; one summary a step', async () => {
    const { db, by } = w;
    const id = await w.raise('自行车棚');
    expect(await refusal(summariseDiscussion(by.sec, id, { stepIndex: 0, summary: '无' }))).toBe('discussion.nothingToSummarise');
    const { id: a } = await postComment(by.fay, id, say('加雨棚', { anonymous: true }));
    await postComment(by.gus, id, say('同意', { parentId: a }));
    const { id: b } = await postComment(by.gus, id, say('广告'));
    await hideComment(by.sec, b, '广告');
    expect(await refusal(summariseDiscussion(by.gus, id, { stepIndex: 0, summary: '大家同意' }))).toBe('topic.notYourStep');
    expect(await refusal(summariseDiscussion(by.sec, id, { stepIndex: 0, summary: ' ' }))).toBe('discussion.summaryEmpty');
    const both = await Promise.all([
      refusal(summariseDiscussion(by.sec, id, { stepIndex: 0, summary: '多数赞成加装雨棚' })),
      refusal(summariseDiscussion(by.sec, id, { stepIndex: 0, summary: '多数赞成加装雨棚' })),
    ]);
    expect(both.sort()).toEqual(['discussion.alreadySummarised', 'no refusal']);
    const records = await db.topicRecord.findMany({ where: { topicId: id, kind: 'DISCUSSION' } });
    expect(records.map((r) => [r.stepIndex, r.statement])).toEqual([
      [0, '线上协商共 2 条发言（回复 1 条）：实名 1 人发言 1 条，匿名发言 1 条；另有 1 条被隐藏。\n多数赞成加装雨棚'],
    ]);
    expect(await db.topicEvent.count({ where: { topicId: id, type: 'DISCUSSION_SUMMARY' } })).toBe(1);
    expect(await refusal(postComment(by.fay, id, say('还想补充')))).toBe('discussion.stepClosed');
    expect((await discussionFor(by.fay, id))!.mayPost).toBe(false);
  });

  test('one person posting named and anonymously: the summary, timeline and notice count people among named posts only', async () => {
    const { db, by } = w;
    const id = await w.raise('快递柜位置');
    await postComment(by.dan, id, say('放在南门'));
    await postComment(by.dan, id, say('其实北门更好', { anonymous: true }));
    await summariseDiscussion(by.sec, id, { stepIndex: 0, summary: '南门北门各有意见' });
    const counts = '线上协商共 2 条发言（回复 0 条）：实名 1 人发言 1 条，匿名发言 1 条；另有 0 条被隐藏。';
    const record = await db.topicRecord.findFirstOrThrow({ where: { topicId: id, kind: 'DISCUSSION' } });
    expect(record.statement).toBe(`${counts}\n南门北门各有意见`);
    const event = await db.topicEvent.findFirstOrThrow({ where: { topicId: id, type: 'DISCUSSION_SUMMARY' } });
    expect(event.message).toBe(record.statement);
    const told = await db.notification.findMany({ where: { topicId: id, kind: 'topic.discussionSummary' } });
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((n) => n.body === counts)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'topic.discussionSummary', entityId: String(record.id) } });
    expect(audit.after).not.toHaveProperty('people');
  });

  test('a step entered again (back after a failed vote) opens a new thread: posts, a second summary; the round keeps one', async () => {
    const { db, by } = w;
    const id = await w.raise('小区大门改造');
    const { id: old } = await postComment(by.cara, id, say('第一轮意见'));
    await summariseDiscussion(by.sec, id, { stepIndex: 0, summary: '第一轮小结' });
    await advanceTopic(by.sec, id, { type: 'ADVANCE' });
    // As a RETURN after a failed vote writes it (advance-topic.ts; other-procedures.test.ts walks a real one): the topic is
    // back in an earlier step, entered anew.
    await db.topic.update({ where: { id }, data: { stepIndex: 0, stepStartedAt: new Date(), lockVersion: { increment: 1 } } });
    const back = (await discussionFor(by.anna, id))!;
    expect([back.open, back.mayPost, back.maySummarise]).toEqual([true, true, false]);
    expect(back.comments.map((c) => [c.id, c.current])).toEqual([[old, false]]);
    expect(await refusal(postComment(by.anna, id, say('回复上一轮', { parentId: old })))).toBe('discussion.badParent');
    await postComment(by.anna, id, say('第二轮意见'));
    expect((await discussionFor(by.sec, id))!.maySummarise).toBe(true);
    await summariseDiscussion(by.sec, id, { stepIndex: 0, summary: '第二轮小结' });
    const records = await db.topicRecord.findMany({ where: { topicId: id, kind: 'DISCUSSION' }, orderBy: { id: 'asc' } });
    expect(records.map((r) => r.statement.split('\n')[1])).toEqual(['第一轮小结', '第二轮小结']);
    expect(records[1]!.statement).toContain('共 1 条发言');
    expect(await refusal(postComment(by.anna, id, say('第二轮之后')))).toBe('discussion.stepClosed');
    // The database holds one summary a step round too.
    const again = db.topicRecord.create({ data: { ...records[1]!, id: undefined, statement: '重复' } });
    await expect(again).rejects.toMatchObject({ code: 'P2002' });
  });
});
