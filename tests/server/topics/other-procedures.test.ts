import { beforeAll, describe, expect, test } from 'vitest';
import { SEVEN_STEP } from '@/domain/topics/procedure';
import { advanceTopic } from '@/server/topics/advance-topic';
import { addBid, addTask, chooseBid, recordActualCost, updateTask } from '@/server/topics/delivery';
import { recordMotionTally } from '@/server/topics/motions';
import { configureMotion } from '@/server/votes/ballots';
import { addSuggestion, inviteStakeholders, stakeholderCandidates } from '@/server/topics/participation';
import { addPlanVersion, recordApproval, recordConsensus } from '@/server/topics/plans';
import { recordPartyView } from '@/server/topics/party-first';
import { ensureProcedures, proceduresFor, saveDistrictProcedure } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { getTopicForViewer } from '@/server/topics/read-topic';
import { createStaff } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { createBody, createPartyOrg } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { communityByCode } from '../../factories/territory';
import { byUser, inDays } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureProcedures(db);
  const names = new NameSource(11);
  const jinyang = await communityByCode(db, '510107009003');
  const { compound, owners } = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '北苑小区',
    buildings: [{ name: '1栋', floors: 3, perFloor: 4, areasCentiM2: [8950] }],
  });
  const council = await createPeople(db, 37, names);
  await createBody(db, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: jinyang.id,
    seats: 37,
    memberIds: council.map((p) => p.id),
  });
  await createBody(db, {
    kind: 'COURTYARD_COUNCIL',
    name: '北苑院落议事会',
    communityId: jinyang.id,
    compoundId: compound.id,
    memberIds: owners.slice(0, 5).map((p) => p.id),
  });
  await createBody(db, {
    kind: 'OWNERS_COMMITTEE',
    name: '北苑业委会',
    communityId: jinyang.id,
    compoundId: compound.id,
    memberIds: owners.slice(5, 8).map((p) => p.id),
  });
  await createPartyOrg(db, { kind: 'COMPOUND_BRANCH', name: '北苑党支部', communityId: jinyang.id, compoundId: compound.id });
  const pw = 'staff-pass-1';
  const secretary = await createStaff(db, {
    name: '刘书记',
    phone: '13880000001',
    password: pw,
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const branch = await createStaff(db, {
    name: '支部书记',
    phone: '13880000002',
    password: pw,
    role: 'BRANCH_SECRETARY',
    placeLevel: 'COMPOUND',
    placeId: compound.id,
  });
  const admin = await createStaff(db, {
    name: '武侯区管理员',
    phone: '13880000003',
    password: pw,
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: compound.districtId,
  });
  const procs = await proceduresFor(compound.districtId);
  const proc = (code: string) => procs.find((p) => p.code === code)!.id;
  return { db, compound, jinyang, secretary, branch, admin, proc };
}
beforeAll(async () => {
  w = await setup();
});

/** Version 2 of the owners' assembly opens with the party members (decision 052): their view, then the rest as before. */
async function partyMembersFirst(by: Awaited<ReturnType<typeof byUser>>, id: number) {
  await recordPartyView(by, id, { votesFor: 8, votesAgainst: 0, votesAmend: 1, statement: '党员先议：同意提交业委会拟定方案' });
  await advanceTopic(by, id, { type: 'ADVANCE' });
}

describe('S1: the broken back gate, a courtyard project with community roadshow', () => {
  test('courtyard plan agreed and publicised → 25 of 37 passes (24 would not) → three bids compared → budget vs actual published', async () => {
    const { db, compound, jinyang, secretary, proc } = w;
    const sec = await byUser(secretary.id, '刘书记');
    const { id } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '北苑后门维修',
      description: '后门损坏多年，居民出入不便。',
      compoundId: compound.id,
      communityId: jinyang.id,
      procedureId: proc('COURTYARD_ROADSHOW'),
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    const { id: plan } = await addPlanVersion(sec, id, {
      title: '后门维修方案',
      body: '更换门体和门禁',
      convention: false,
      budgetFen: 3_600_000,
      funding: [
        { source: '公益金', amountFen: 2_600_000 },
        { source: '居民自筹', amountFen: 1_000_000 },
      ],
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    await recordConsensus(sec, id, {
      statement: '院落议事会一致同意',
      participants: ['院落议事会 5 人', '居委会', '施工单位'],
      heldOn: '2026-09-01',
      planVersionId: plan,
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    // Publicised to the compound, and the roadshow motion opened on the community council of 37.
    expect((await db.notice.findFirstOrThrow({ where: { topicId: id, kind: 'PLAN' } })).body).toContain('预算：36,000.00 元');
    const t = await getTopicForViewer(sec, id);
    expect(t?.motions.map((m) => [m.body, m.roster])).toEqual([['晋阳社区议事会', 37]]);
    // 24 for fails whatever the abstentions; the topic may go back to the plan.
    const fail = await recordMotionTally(sec, id, { kind: 'BODY', present: 37, for: 24, against: 0, abstain: 13 });
    expect([fail.passed, fail.lines[0]]).toEqual([false, '赞成 24，应到 37，需三分之二以上（至少 25），未达到']);
    expect(await refusal(advanceTopic(sec, id, { type: 'ADVANCE' }))).toBe('topic.gate.MOTION_PASSED');
    await advanceTopic(sec, id, { type: 'RETURN', reason: '差一票，补充资金来源后再议' });
    expect((await getTopicForViewer(sec, id))?.stepIndex).toBe(1);
    // The agreed version is frozen: going back means a new version, which must be agreed again.
    expect(await refusal(advanceTopic(sec, id, { type: 'ADVANCE' }))).toBe('topic.gate.PLAN_VERSION');
    const { id: v2 } = await addPlanVersion(sec, id, {
      title: '后门维修方案（修订）',
      body: '更换门体和门禁，增加社区微基金',
      convention: false,
      budgetFen: 3_600_000,
      funding: [
        { source: '公益金', amountFen: 2_000_000 },
        { source: '社区微基金', amountFen: 600_000 },
        { source: '居民自筹', amountFen: 1_000_000 },
      ],
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    expect(await refusal(advanceTopic(sec, id, { type: 'ADVANCE' }))).toBe('topic.gate.PLAN_AGREED');
    expect(
      await refusal(recordConsensus(sec, id, { statement: 'x', participants: ['x'], heldOn: '2026-10-01', planVersionId: plan })),
    ).toBe('plan.notLatest');
    await recordConsensus(sec, id, {
      statement: '院落议事会同意修订方案',
      participants: ['院落议事会 5 人'],
      heldOn: '2026-10-01',
      planVersionId: v2,
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    // A new motion with a fresh roster; 25 of 37 passes.
    const pass = await recordMotionTally(sec, id, { kind: 'BODY', present: 25, for: 25, against: 0, abstain: 0 });
    expect([pass.passed, pass.lines[0]]).toEqual([true, '赞成 25，应到 37，需三分之二以上（至少 25），达到']);
    expect((await getTopicForViewer(sec, id))?.motions.map((m) => m.status)).toEqual(['FAILED', 'PASSED']);
  });

  test('the money: budget 36,000, chosen bid 34,500, saved 1,500 — published on the finance board', async () => {
    const { db, compound, jinyang, secretary, proc } = w;
    const sec = await byUser(secretary.id, '刘书记');
    const { id } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '北苑后门维修（二）',
      description: '后门损坏。',
      compoundId: compound.id,
      communityId: jinyang.id,
      procedureId: proc('COURTYARD_ROADSHOW'),
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    const { id: plan } = await addPlanVersion(sec, id, {
      title: '后门维修方案',
      body: '更换门体',
      convention: false,
      budgetFen: 3_600_000,
      funding: [],
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    await recordConsensus(sec, id, { statement: '同意', participants: ['院落议事会'], heldOn: '2026-09-01', planVersionId: plan });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    await recordMotionTally(sec, id, { kind: 'BODY', present: 30, for: 25, against: 3, abstain: 2 });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    // Contractors: one bid is no comparison.
    const { id: a } = await addBid(sec, id, { contractor: '甲建筑公司', amountFen: 3_450_000 });
    expect(await refusal(chooseBid(sec, id, a, '最低价'))).toBe('topic.bidsTooFew');
    await addBid(sec, id, { contractor: '乙建筑公司', amountFen: 3_580_000 });
    await addBid(sec, id, { contractor: '丙建筑公司', amountFen: 3_700_000 });
    await chooseBid(sec, id, a, '报价最低、工期最短');
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    const { id: task } = await addTask(sec, id, { title: '更换后门', responsible: '甲建筑公司', dueOn: inDays(30) });
    await updateTask(sec, id, task, { kind: 'DONE', body: '已完工' });
    await updateTask(sec, id, task, { kind: 'ACCEPT', body: '院落议事会验收' });
    expect(await refusal(advanceTopic(sec, id, { type: 'ADVANCE' }))).toBe('topic.gate.ACTUAL_COST');
    await recordActualCost(sec, id, 3_450_000);
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    const finance = await db.notice.findFirstOrThrow({ where: { topicId: id, kind: 'FINANCE' } });
    expect([finance.category, finance.body.includes('预算 36,000.00 元，实际支出 34,500.00 元，节约 1,500.00 元。')]).toEqual([
      'FINANCE',
      true,
    ]);
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    expect((await getTopicForViewer(sec, id))?.status).toBe('DONE');
  });
});

describe('S4: a major matter of the owners’ committee needs the party branch’s approval first', () => {
  test('owners’ assembly topic: community staff cannot skip the branch; the branch approves; owners decide by the double threshold', async () => {
    const { compound, jinyang, secretary, branch, proc } = w;
    const sec = await byUser(secretary.id, '刘书记');
    expect(
      await refusal(
        raiseTopic(sec, {
          category: 'OTHER',
          title: '电梯更换',
          description: '使用维修资金更换电梯',
          compoundId: compound.id,
          communityId: jinyang.id,
          procedureId: proc('OWNERS_ASSEMBLY'),
        }),
      ),
    ).toBe('topic.assemblyMatter');
    const { id } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '使用维修资金更换电梯',
      description: '1栋电梯老化',
      compoundId: compound.id,
      communityId: jinyang.id,
      procedureId: proc('OWNERS_ASSEMBLY'),
      assemblyMatter: 5,
    });
    await partyMembersFirst(sec, id);
    await addPlanVersion(sec, id, {
      title: '电梯更换方案',
      body: '更换 1 部电梯',
      convention: false,
      budgetFen: 50_000_000,
      funding: [{ source: '维修资金', amountFen: 50_000_000 }],
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    expect(await refusal(advanceTopic(sec, id, { type: 'ADVANCE' }))).toBe('topic.gate.PARTY_APPROVED');
    const b = await byUser(branch.id, '支部书记');
    await recordApproval(b, id, { approved: true, comment: '支部委员会讨论同意，提交业主大会表决' });
    await advanceTopic(b, id, { type: 'ADVANCE' });
    const t = await getTopicForViewer(sec, id);
    expect(t?.notices.map((n) => n.kind)).toEqual(['ANNOUNCEMENT']);
    expect(t?.motions[0]?.roster).toBe(12);
    expect(t?.motions[0]?.rule).toEqual({ kind: 'OWNERS_ASSEMBLY', matter: 5, silentFollowMajority: false });
    // A body tally is the wrong kind for owners; the owners' count decides (matter 5: more than half of both).
    expect(await refusal(recordMotionTally(sec, id, { kind: 'BODY', present: 10, for: 9, against: 1, abstain: 0 }))).toBe(
      'topic.tallyKind',
    );
    // The owners vote 15 clear days after the announcement at the earliest; then the count is entered.
    const paper = { kind: 'OWNERS', headsParticipating: 9, areaParticipating: 80_550, headsFor: 5, areaFor: 44_750 } as const;
    // The assembly meets in person and votes by a show of hands (those running the vote choose it).
    const motionId = (await w.db.motion.findFirstOrThrow({ where: { topicId: id } })).id;
    await configureMotion(sec, motionId, {
      mode: 'SHOW_OF_HANDS',
      secret: false,
      hideResults: false,
      allowChange: false,
      closesAt: null,
      meetingId: null,
      proxyLimit: 0,
    });
    expect(await refusal(recordMotionTally(sec, id, paper))).toBe('vote.notYet');
    await w.db.motion.updateMany({ where: { topicId: id }, data: { votingFrom: new Date(Date.now() - 60_000) } });
    const r = await recordMotionTally(sec, id, paper);
    expect(r.passed).toBe(true);
    expect(r.lines).toHaveLength(4);
  });
});

describe('an owners’ vote that failed is announced again before the owners vote again', () => {
  test('failed → back to the plan → revised → approved → a new announcement, and the new vote waits its 15 days', async () => {
    const { db, compound, jinyang, secretary, branch, proc } = w;
    const sec = await byUser(secretary.id, '刘书记');
    const b = await byUser(branch.id, '支部书记');
    const { id } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '更换单元门禁',
      description: '门禁老化',
      compoundId: compound.id,
      communityId: jinyang.id,
      procedureId: proc('OWNERS_ASSEMBLY'),
      assemblyMatter: 9,
    });
    await partyMembersFirst(sec, id);
    const toVote = async (version: string) => {
      await addPlanVersion(sec, id, {
        title: `门禁方案${version}`,
        body: `方案${version}`,
        convention: false,
        budgetFen: 1_000_000,
        funding: [{ source: '公共收益', amountFen: 1_000_000 }],
      });
      await advanceTopic(sec, id, { type: 'ADVANCE' });
      await recordApproval(b, id, { approved: true, comment: '支部同意提交业主大会表决' });
      await advanceTopic(b, id, { type: 'ADVANCE' });
      return db.motion.findFirstOrThrow({ where: { topicId: id }, orderBy: { id: 'desc' } });
    };
    const first = await toVote('一');
    // The 15 days pass; the owners vote by a show of hands and it fails.
    await db.motion.update({ where: { id: first.id }, data: { votingFrom: new Date(Date.now() - 60_000) } });
    await configureMotion(sec, first.id, {
      mode: 'SHOW_OF_HANDS',
      secret: false,
      hideResults: false,
      allowChange: false,
      closesAt: null,
      meetingId: null,
      proxyLimit: 0,
    });
    expect(
      (
        await recordMotionTally(sec, id, {
          kind: 'OWNERS',
          headsParticipating: 12,
          areaParticipating: 107_400,
          headsFor: 2,
          areaFor: 17_900,
        })
      ).passed,
    ).toBe(false);
    await advanceTopic(sec, id, { type: 'RETURN', reason: '业主不同意，修改方案后再表决' });
    const second = await toVote('二');
    const announcements = await db.notice.findMany({ where: { topicId: id, kind: 'ANNOUNCEMENT' }, orderBy: { id: 'asc' } });
    expect(announcements.map((n) => n.round)).toEqual([0, 1]);
    expect(announcements[1]!.body).toContain('门禁方案二');
    expect(second.id).not.toBe(first.id);
    expect(second.votingFrom!.getTime()).toBeGreaterThan(Date.now() + 14 * 86_400_000);
  });
});

describe('a plain consultation records an opinion, never a vote', () => {
  test('ideas → opinion recorded → reported back', async () => {
    const { db, compound, jinyang, secretary, proc } = w;
    const sec = await byUser(secretary.id, '刘书记');
    const { id } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '垃圾分类投放点',
      description: '投放点设在哪里',
      communityId: jinyang.id,
      compoundId: compound.id,
      procedureId: proc('CONSULTATION'),
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    const c = await stakeholderCandidates(sec, id);
    await inviteStakeholders(
      sec,
      id,
      c.filter((x) => x.group === 'BRANCH').map((x) => x.key),
    );
    await addSuggestion(sec, id, { stance: 'SUPPORT', body: '设在东门', anonymous: false, onBehalfOf: '李阿姨' });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    await recordConsensus(sec, id, {
      statement: '多数意见：设在东门，早晚各开放两小时',
      participants: ['居民 12 人'],
      heldOn: '2026-11-01',
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    expect((await db.notice.findFirstOrThrow({ where: { topicId: id, kind: 'OPINION' } })).body).toContain('设在东门');
    expect(await db.motion.count({ where: { topicId: id } })).toBe(0);
  });
});

describe('district admins adjust a procedure; running topics keep their version', () => {
  test('a copy with longer ideas and five suggestions needed; bad steps refused', async () => {
    const { compound, jinyang, secretary, admin, proc } = w;
    const by = await byUser(admin.id, '武侯区管理员');
    const sec = await byUser(secretary.id, '刘书记');
    const { id: before } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '老版本议题',
      description: '按原流程',
      communityId: jinyang.id,
      procedureId: proc('SEVEN_STEP'),
    });
    const steps = SEVEN_STEP.steps.map((s) =>
      s.key === 'ideas'
        ? {
            ...s,
            days: 21,
            gates: [
              { kind: 'STAKEHOLDERS' as const, min: 1 },
              { kind: 'SUGGESTIONS' as const, min: 5 },
            ],
          }
        : s,
    );
    expect(
      await refusal(
        saveDistrictProcedure(
          by,
          compound.districtId,
          proc('SEVEN_STEP'),
          steps.map((s, i) => (i === 0 ? { ...s, actors: [] } : s)),
        ),
      ),
    ).toBe('procedure.noActors');
    expect(await refusal(saveDistrictProcedure(sec, compound.districtId, proc('SEVEN_STEP'), steps))).toBe('auth.forbidden');
    const saved = await saveDistrictProcedure(by, compound.districtId, proc('SEVEN_STEP'), steps);
    expect(saved.version).toBe(1);
    const now = (await proceduresFor(compound.districtId)).find((p) => p.code === 'SEVEN_STEP')!;
    expect(now.id).toBe(saved.id);
    const again = await saveDistrictProcedure(
      by,
      compound.districtId,
      saved.id,
      steps.map((s) => (s.key === 'plan' ? { ...s, days: 30 } : s)),
    );
    expect(again.version).toBe(2);
    // The topic raised before keeps version 1 of the city template: one suggestion still suffices.
    expect((await getTopicForViewer(sec, before))?.procedure.steps[1]?.gates).toEqual(SEVEN_STEP.steps[1]!.gates);
  });
});
