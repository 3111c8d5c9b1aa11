import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedLongtangliang } from '../../../prisma/seed/longtangliang';
import { ensureIssueCategories } from '@/server/issues/categories';
import { raiseIssue } from '@/server/issues/raise-issue';
import { getIssueForViewer, listInbox } from '@/server/issues/read-issues';
import { advanceTopic } from '@/server/topics/advance-topic';
import { addTask, updateTask } from '@/server/topics/delivery';
import { recordMotionTally } from '@/server/topics/motions';
import { addSuggestion, inviteStakeholders, stakeholderCandidates } from '@/server/topics/participation';
import { addPlanVersion, correctPlanVersion, recordConsensus } from '@/server/topics/plans';
import { ensureProcedures, proceduresFor } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { getTaskPhoto, getTopicForViewer, listTopics } from '@/server/topics/read-topic';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { NameSource } from '../../factories/names';
import { byUser, inDays } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  process.env.YISHI_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'yishi-topic-files-'));
  await ensureIssueCategories(db);
  await ensureProcedures(db);
  const { compoundId } = await seedLongtangliang(db as never, new NameSource(7));
  const compound = await db.compound.findUniqueOrThrow({
    where: { id: compoundId },
    include: { buildings: { include: { households: { include: { ownerships: true } } } } },
  });
  const households = compound.buildings.flatMap((b) => b.households);
  // Residents living in the compound who are not on the representatives' roster.
  const resident = async (i: number, name: string, phone: string) => {
    const h = households[40 + i]!;
    const personId = h.ownerships[0]!.personId;
    await db.person.update({ where: { id: personId }, data: { name, phone } });
    return createVerifiedResident(db, { personId, phone, password: 'x-pass-1234', householdId: h.id });
  };
  const online = await resident(0, '网上反映人', '13870000001');
  const anon = await resident(1, '匿名反映人', '13870000002');
  const neighbour = await resident(2, '邻居丙', '13870000003');
  const secretary = await createStaff(db, {
    name: '龙书记',
    phone: '13870000010',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: compound.communityId,
  });
  const outsider = await createStaff(db, {
    name: '别处书记',
    phone: '13870000011',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: (await db.community.findFirstOrThrow({ where: { code: '510107009003' } })).id,
  });
  const parking = await db.issueCategory.findFirstOrThrow({ where: { code: 'PARKING', districtId: null } });
  const sevenStep = (await proceduresFor(compound.districtId)).find((p) => p.code === 'SEVEN_STEP')!;
  return { db, compound, online, anon, neighbour, secretary, outsider, parking, sevenStep };
}
beforeAll(async () => {
  w = await setup();
});
afterAll(() => rmSync(process.env.YISHI_DATA_DIR!, { recursive: true, force: true }));

describe('S2: parking in an old compound, taken through the seven steps', () => {
  test('three reports → one topic → ideas → plan revised → consensus → vote of the representatives → tasks supervised → published → done', async () => {
    const { db, compound, online, anon, neighbour, secretary, parking, sevenStep } = w;
    const sec = await byUser(secretary.id, '龙书记');
    const report = (by: Parameters<typeof raiseIssue>[0], key: string, extra = {}) =>
      raiseIssue(by, {
        categoryId: parking.id,
        title: '小区停车乱',
        description: '晚上车停满消防通道，老人出行不便',
        compoundId: compound.id,
        anonymous: false,
        idempotencyKey: key,
        ...extra,
      });
    // 1. 提议题: online, anonymously, and at the reception desk.
    const i1 = await report(await byUser(online.id, '网上反映人'), 's2-online');
    const i2 = await report(await byUser(anon.id, '匿名反映人'), 's2-anon', { anonymous: true });
    const i3 = await report(sec, 's2-desk', { onBehalfOf: { name: '王大爷', phone: '13870000099' } });
    const { id } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '龙躺梁小区停车秩序',
      description: '三位居民反映停车乱，拟规划车位、收费和夜间停车规则。',
      compoundId: compound.id,
      communityId: compound.communityId,
      procedureId: sevenStep.id,
      issueIds: [i1.id, i2.id, i3.id],
    });
    // The issues show it; their reporters follow the topic.
    expect((await getIssueForViewer(await byUser(online.id), i1.id))?.topicId).toBe(id);
    expect((await listTopics(await byUser(anon.id))).map((t) => t.id)).toContain(id);

    // Skipping is refused: step 1 → 2 is fine, but 2 → 3 needs stakeholders and suggestions.
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    expect(await refusal(advanceTopic(sec, id, { type: 'ADVANCE' }))).toBe('topic.gate.STAKEHOLDERS');
    // A resident may not move the topic; staff of another community may not even see it.
    expect(await refusal(advanceTopic(await byUser(neighbour.id), id, { type: 'ADVANCE' }))).toBe('topic.notYourStep');
    expect(await refusal(advanceTopic(await byUser(w.outsider.id), id, { type: 'ADVANCE' }))).toBe('auth.forbidden');

    // 2. 出主意: the "1+4+X" stakeholders.
    const candidates = await stakeholderCandidates(sec, id);
    const groups = new Set(candidates.map((c) => c.group));
    expect([...groups].sort()).toEqual(['BRANCH', 'CO_BUILDING', 'OWNERS_COMMITTEE', 'PARTY_REPS', 'PROPERTY_FIRM', 'RESIDENT_REPS']);
    await inviteStakeholders(
      sec,
      id,
      candidates.filter((c) => c.group !== 'PARTY_REPS' || c.label.includes('停车')).map((c) => c.key),
    );
    expect(await refusal(advanceTopic(sec, id, { type: 'ADVANCE' }))).toBe('topic.gate.SUGGESTIONS');
    await addSuggestion(await byUser(online.id, '网上反映人'), id, { stance: 'SUPPORT', body: '划线编号，一户一位', anonymous: false });
    await addSuggestion(await byUser(anon.id, '匿名反映人'), id, { stance: 'AMEND', body: '收费要低，老人车辆优惠', anonymous: true });
    await addSuggestion(sec, id, { stance: 'AMEND', body: '夜间22点后禁止外来车辆进入', anonymous: false, onBehalfOf: '交警城区大队' });
    await advanceTopic(sec, id, { type: 'ADVANCE' });

    // 3. 出方案: a plan, revised once; versions kept with the change visible.
    await addPlanVersion(sec, id, {
      title: '停车方案',
      body: '划定 60 个车位，每月 60 元。',
      convention: false,
      budgetFen: 1_200_000,
      funding: [{ source: '停车费', amountFen: 1_200_000 }],
    });
    expect(
      await refusal(
        addPlanVersion(sec, id, { title: 'x', body: 'y', convention: false, budgetFen: 100, funding: [{ source: 'a', amountFen: 99 }] }),
      ),
    ).toBe('plan.fundingSum');
    const { id: v2 } = await addPlanVersion(sec, id, {
      title: '停车方案（修订）',
      body: '划定 64 个车位，每月 50 元，22 点后外来车辆不得进入。',
      convention: true,
      budgetFen: 1_200_000,
      funding: [],
    });
    const mid = await getTopicForViewer(sec, id);
    expect(mid?.plans.map((p) => p.version)).toEqual([1, 2]);
    expect(mid?.plans[1]?.diff?.some((d) => d.op === 'add' && d.text.includes('22'))).toBe(true);
    await advanceTopic(sec, id, { type: 'ADVANCE' });

    // 4. 达共识: the consultation meeting agrees version 2, which is then frozen.
    expect(await refusal(advanceTopic(sec, id, { type: 'ADVANCE' }))).toBe('topic.gate.PLAN_AGREED');
    await recordConsensus(sec, id, {
      statement: '与会各方同意修订后的停车公约',
      participants: ['龙书记', '居民代表 6 人', '安居物业', '交警城区大队'],
      heldOn: '2026-11-20',
      planVersionId: v2,
    });
    expect(await refusal(correctPlanVersion(sec, id, v2, { title: '改', body: '改', convention: true, funding: [] }))).toBe('topic.notNow');
    await advanceTopic(sec, id, { type: 'ADVANCE' });

    // 5. 定结果: the motion is open on the representatives' meeting with its roster of 21 frozen.
    const atVote = await getTopicForViewer(sec, id);
    expect(atVote?.motions.map((m) => [m.status, m.roster, m.body])).toEqual([['OPEN', 21, '龙躺梁社区居民代表会议']]);
    expect(await refusal(advanceTopic(sec, id, { type: 'ADVANCE' }))).toBe('topic.gate.MOTION_PASSED');
    expect(await refusal(recordMotionTally(sec, id, { kind: 'BODY', present: 22, for: 14, against: 0, abstain: 0 }))).toBe(
      'topic.tallyInconsistent',
    );
    const result = await recordMotionTally(sec, id, { kind: 'BODY', present: 19, for: 14, against: 3, abstain: 2 });
    expect(result.passed).toBe(true);
    expect(result.lines).toEqual(['赞成 14，应到 21，需三分之二以上（至少 14），达到']);
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    const decision = await db.notice.findFirstOrThrow({ where: { topicId: id, kind: 'DECISION' } });
    expect(decision.body).toContain('赞成 14，应到 21');

    // 6. 抓落实: tasks; progress with a photo; the reporters supervise and accept.
    const { id: paint } = await addTask(sec, id, { title: '施划车位并编号', responsible: '阳泉市安居物业管理有限公司', dueOn: inDays(12) });
    const { id: fees } = await addTask(sec, id, { title: '收取停车费并公示', responsible: '龙躺梁小区业主委员会', dueOn: inDays(28) });
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    await updateTask(sec, id, paint, { kind: 'PROGRESS', body: '已完成一半', photos: [photo] });
    // The progress photo, re-encoded, is served to those who may read the topic only.
    const update = await db.taskUpdate.findFirstOrThrow({ where: { taskId: paint, kind: 'PROGRESS' } });
    expect((await getTaskPhoto(await byUser(online.id), id, update.id, 0))?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(await getTaskPhoto(await byUser(w.outsider.id), id, update.id, 0)).toBeNull();
    expect(await refusal(updateTask(await byUser(online.id), id, paint, { kind: 'ACCEPT', body: '好' }))).toBe('topic.taskNotDone');
    expect(await refusal(updateTask(await byUser(online.id), id, paint, { kind: 'DONE', body: '好' }))).toBe('topic.notYourStep');
    await updateTask(await byUser(online.id, '网上反映人'), id, paint, { kind: 'COMMENT', body: '3号楼前的线画歪了' });
    for (const task of [paint, fees]) {
      await updateTask(sec, id, task, { kind: 'DONE', body: '完成' });
      expect(await refusal(advanceTopic(sec, id, { type: 'ADVANCE' }))).toBe('topic.gate.TASKS_ACCEPTED');
      await updateTask(await byUser(online.id, '网上反映人'), id, task, { kind: 'ACCEPT', body: '验收合格' });
    }
    await advanceTopic(sec, id, { type: 'ADVANCE' });

    // 7. 受监督: the result is published; leaving the last step closes the topic.
    expect((await db.notice.findMany({ where: { topicId: id }, select: { kind: true } })).map((n) => n.kind)).toEqual([
      'DECISION',
      'RESULT',
    ]);
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    const done = await getTopicForViewer(sec, id);
    expect(done?.status).toBe('DONE');
    expect(await refusal(addSuggestion(await byUser(online.id), id, { stance: 'SUPPORT', body: 'x', anonymous: false }))).toBe(
      'topic.closed',
    );
    expect(await refusal(advanceTopic(sec, id, { type: 'ADVANCE' }))).toBe('topic.closed');
    // The three issues are resolved and their reporters asked to rate; they heard of every step.
    expect(
      (await db.issue.findMany({ where: { id: { in: [i1.id, i2.id, i3.id] } }, select: { state: true } })).map((i) => i.state),
    ).toEqual(['RESOLVED', 'RESOLVED', 'RESOLVED']);
    const inbox = (await listInbox(online.id)).items.map((n) => n.kind);
    expect(inbox).toEqual(
      expect.arrayContaining([
        'issue.takenUp',
        'topic.step',
        'topic.plan',
        'topic.consensus',
        'topic.motion',
        'topic.task',
        'topic.done',
        'issue.rate',
      ]),
    );
    // Every step change is audited and on the timeline.
    expect(done?.events.filter((e) => e.type === 'ADVANCED' || e.type === 'COMPLETED')).toHaveLength(7);
    expect(await db.auditLog.count({ where: { entityType: 'Topic', entityId: String(id), action: 'topic.advance' } })).toBe(7);
  });

  test('an anonymous suggestion: nobody but its author learns who gave it', async () => {
    const { compound, anon, secretary, sevenStep, db } = w;
    const sec = await byUser(secretary.id, '龙书记');
    const { id } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '楼道堆物',
      description: '楼道堆放杂物，影响消防安全。',
      compoundId: compound.id,
      communityId: compound.communityId,
      procedureId: sevenStep.id,
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    await addSuggestion(await byUser(anon.id, '匿名反映人'), id, { stance: 'OPPOSE', body: '不同意一刀切清理', anonymous: true });
    const seen = JSON.stringify(
      [
        await getTopicForViewer(sec, id),
        await db.auditLog.findMany({ where: { entityType: 'Suggestion' } }),
        await db.topicEvent.findMany({ where: { topicId: id } }),
      ],
      (_, v) => (typeof v === 'bigint' ? String(v) : v),
    );
    for (const secret of ['匿名反映人', '13870000002', `"authorUserId":${anon.id}`, `"actorUserId":${anon.id}`, `"actorId":${anon.id}`])
      expect(seen).not.toContain(secret);
    expect((await getTopicForViewer(await byUser(anon.id), id))?.suggestions[0]?.by).toBe('匿名居民（我）');
  });

  test('two secretaries moving the same topic at once: one wins, the other is told it moved on', async () => {
    const { compound, secretary, sevenStep, db } = w;
    const sec = await byUser(secretary.id, '龙书记');
    const { id } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '健身器材',
      description: '健身器材老化需要更换。',
      compoundId: compound.id,
      communityId: compound.communityId,
      procedureId: sevenStep.id,
    });
    const results = await Promise.allSettled([
      advanceTopic(sec, id, { type: 'ADVANCE' }, 0),
      advanceTopic(sec, id, { type: 'ADVANCE' }, 0),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []))).toEqual(['topic.movedOn']);
    expect((await db.topic.findUniqueOrThrow({ where: { id } })).stepIndex).toBe(1);
  });
});
