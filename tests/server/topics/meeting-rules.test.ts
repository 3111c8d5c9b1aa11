import { beforeAll, describe, expect, test } from 'vitest';
import { advanceTopic } from '@/server/topics/advance-topic';
import { recordMotionTally } from '@/server/topics/motions';
import { addPlanVersion, recordConsensus } from '@/server/topics/plans';
import { withDecider } from '@/domain/topics/deciders';
import { addSuggestion, inviteStakeholders, stakeholderCandidates } from '@/server/topics/participation';
import { ensureProcedures, procedureOf, proceduresFor, saveDistrictProcedure, setOwnersCommitteeRule } from '@/server/topics/procedures';
import { raiseTopic } from '@/server/topics/raise-topic';
import { getTopicForViewer } from '@/server/topics/read-topic';
import { createStaff } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { createBody, createPartyOrg } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

// Residents' meetings and owners' committees decide topics through shipped procedures (issue #14 item 7),
// walked with the rules.md vectors 9, 11 and 12.
let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  await ensureProcedures(db);
  const names = new NameSource(71);
  const jinyang = await communityByCode(db, '510107009003');
  // 420 households, each with its representative (户代表).
  const big = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '东苑小区',
    buildings: [{ name: '1栋', units: 6, floors: 10, perFloor: 7, areasCentiM2: [8000] }],
  });
  const seven = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '西苑小区',
    buildings: [{ name: '1栋', floors: 2, perFloor: 4, areasCentiM2: [9000] }],
  });
  const six = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '南苑小区',
    buildings: [{ name: '1栋', floors: 2, perFloor: 3, areasCentiM2: [9000] }],
  });
  await createBody(db, {
    kind: 'OWNERS_COMMITTEE',
    name: '西苑业委会',
    communityId: jinyang.id,
    compoundId: seven.compound.id,
    memberIds: seven.owners.slice(0, 7).map((p) => p.id),
  });
  await createBody(db, {
    kind: 'OWNERS_COMMITTEE',
    name: '南苑业委会',
    communityId: jinyang.id,
    compoundId: six.compound.id,
    memberIds: (await createPeople(db, 6, names)).map((p) => p.id),
  });
  const secretary = await createStaff(db, {
    name: '刘书记',
    phone: '13890000001',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const procs = await proceduresFor(big.compound.districtId);
  const proc = (code: string) => procs.find((p) => p.code === code)!.id;
  return { db, jinyang, big, seven, six, secretary, proc, districtId: big.compound.districtId };
}
beforeAll(async () => {
  w = await setup();
});

/** Raises a topic on the procedure, adds a plan and leaves the plan step, which opens the motion. */
async function toTheVote(code: string, compoundId: number, title: string) {
  const sec = await byUser(w.secretary.id, '刘书记');
  const { id } = await raiseTopic(sec, {
    category: 'OTHER',
    title,
    description: '议题说明',
    communityId: w.jinyang.id,
    compoundId,
    procedureId: w.proc(code),
  });
  await addPlanVersion(sec, id, { title: `${title}方案`, body: '方案内容', convention: false, funding: [] });
  await advanceTopic(sec, id, { type: 'ADVANCE' });
  return { sec, id };
}

describe('a residents’ meeting decides (rules.md vector 9: 420 households)', () => {
  test.each([
    [210, 200, false, 'noQuorum', '出席 210（210/420），应到 420，需过半数（至少 211），出席人数不足，未通过'],
    [211, 106, true, 'passed', '赞成 106（106/211），实到 211，需过半数（至少 106），通过'],
    [211, 105, false, 'failed', '赞成 105（105/211），实到 211，需过半数（至少 106），未通过'],
  ])('%i attend, %i for: passed %s', async (present, yes, passed, outcome, sentence) => {
    const { sec, id } = await toTheVote('RESIDENTS_MEETING', w.big.compound.id, `居民会议 ${present}/${yes}`);
    const t = await getTopicForViewer(sec, id);
    expect(t?.motions.map((m) => [m.voters, m.rule, m.roster])).toEqual([[{ kind: 'HOUSEHOLDS' }, { kind: 'RESIDENTS_MEETING' }, 420]]);
    const r = await recordMotionTally(sec, id, { kind: 'BODY', present, for: yes, against: present - yes, abstain: 0 });
    expect(r.passed).toBe(passed);
    const view = (await getTopicForViewer(sec, id))?.motions[0]?.view;
    expect(view).toMatchObject({ outcome, voters: 'HOUSEHOLDS', counts: { present, absent: 420 - present } });
    if (!passed) return;
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    const notice = await w.db.notice.findFirstOrThrow({ where: { topicId: id, kind: 'DECISION' } });
    expect(notice.body).toContain('表决：居民会议，420 户，每户一名代表');
    expect(notice.body).toContain(sentence);
  });

  test('the sentence of a failed meeting names what failed', async () => {
    const { sec, id } = await toTheVote('RESIDENTS_MEETING', w.big.compound.id, '居民会议（未达法定人数）');
    await recordMotionTally(sec, id, { kind: 'BODY', present: 210, for: 200, against: 10, abstain: 0 });
    const event = (await getTopicForViewer(sec, id))?.events.find((e) => e.type === 'MOTION_RESULT');
    expect(event?.message).toContain('出席 210（210/420），应到 420，需过半数（至少 211），出席人数不足，未通过');
  });
});

describe('an owners’ committee decides (rules.md vectors 11 and 12)', () => {
  test('a committee decides for its compound: a topic of the whole community is refused when raised, not when the vote opens', async () => {
    const sec = await byUser(w.secretary.id, '刘书记');
    expect(
      await refusal(
        raiseTopic(sec, {
          category: 'OTHER',
          title: '社区议题',
          description: 'x',
          communityId: w.jinyang.id,
          procedureId: w.proc('OWNERS_COMMITTEE'),
        }),
      ),
    ).toBe('topic.committeeNeedsCompound');
  });

  test.each([
    ['seven', 4, 4, 'NATIONAL', 'passed'],
    ['seven', 4, 3, 'NATIONAL', 'failed'],
    ['seven', 3, 3, 'NATIONAL', 'noQuorum'],
    ['six', 4, 3, 'NATIONAL', 'passed'],
    ['six', 4, 3, 'BEIJING_SHANGHAI', 'failed'],
  ] as const)('committee of %s: %i present, %i for, %s setting → %s', async (which, present, yes, setting, outcome) => {
    const { db, districtId } = w;
    const compound = (which === 'seven' ? w.seven : w.six).compound;
    await db.district.update({ where: { id: districtId }, data: { ownersCommitteeRule: setting } });
    try {
      const { sec, id } = await toTheVote('OWNERS_COMMITTEE', compound.id, `业委会 ${which} ${present}/${yes} ${setting}`);
      const t = await getTopicForViewer(sec, id);
      expect(t?.motions.map((m) => [m.body, m.rule, m.roster])).toEqual([
        [which === 'seven' ? '西苑业委会' : '南苑业委会', { kind: 'OWNERS_COMMITTEE', jurisdiction: setting }, which === 'seven' ? 7 : 6],
      ]);
      // The setting is frozen with the motion: changing the district's setting later does not change this vote.
      await db.district.update({
        where: { id: districtId },
        data: { ownersCommitteeRule: setting === 'NATIONAL' ? 'BEIJING_SHANGHAI' : 'NATIONAL' },
      });
      const r = await recordMotionTally(sec, id, { kind: 'BODY', present, for: yes, against: present - yes, abstain: 0 });
      expect([r.passed, (await getTopicForViewer(sec, id))?.motions[0]?.view?.outcome]).toEqual([outcome === 'passed', outcome]);
      if (outcome !== 'passed') return;
      await advanceTopic(sec, id, { type: 'ADVANCE' });
      await advanceTopic(sec, id, { type: 'ADVANCE' });
      expect((await getTopicForViewer(sec, id))?.status).toBe('DONE');
    } finally {
      await db.district.update({ where: { id: districtId }, data: { ownersCommitteeRule: 'NATIONAL' } });
    }
  });
});

describe('the procedure editor chooses who decides', () => {
  test('the district admin sets the owners’ committee rule of the district; a community secretary may not', async () => {
    const { db, districtId } = w;
    const admin = await createStaff(db, {
      name: '区管理员乙',
      phone: '13890000010',
      password: 'staff-pass-1',
      role: 'DISTRICT_ADMIN',
      placeLevel: 'DISTRICT',
      placeId: districtId,
    });
    expect(await refusal(setOwnersCommitteeRule(await byUser(w.secretary.id), districtId, 'BEIJING_SHANGHAI'))).toBe('auth.forbidden');
    await setOwnersCommitteeRule(await byUser(admin.id, '区管理员乙'), districtId, 'BEIJING_SHANGHAI');
    expect((await db.district.findUniqueOrThrow({ where: { id: districtId } })).ownersCommitteeRule).toBe('BEIJING_SHANGHAI');
    expect((await db.auditLog.findFirst({ where: { action: 'district.ownersCommitteeRule' }, orderBy: { id: 'desc' } }))?.after).toEqual({
      rule: 'BEIJING_SHANGHAI',
    });
    await setOwnersCommitteeRule(await byUser(admin.id, '区管理员乙'), districtId, 'NATIONAL');
  });

  test('a district admin has the seven-step method decided by a residents’ meeting; an owners’ assembly cannot be chosen there', async () => {
    const { db, jinyang, big, districtId } = w;
    const admin = await createStaff(db, {
      name: '区管理员',
      phone: '13890000009',
      password: 'staff-pass-1',
      role: 'DISTRICT_ADMIN',
      placeLevel: 'DISTRICT',
      placeId: districtId,
    });
    const by = await byUser(admin.id, '区管理员');
    const seven = (await proceduresFor(districtId)).find((p) => p.code === 'SEVEN_STEP')!;
    const steps = procedureOf(seven).steps;
    expect(
      await refusal(
        saveDistrictProcedure(
          by,
          districtId,
          seven.id,
          steps.map((s) => withDecider(s, 'OWNERS_ASSEMBLY')),
        ),
      ),
    ).toBe('procedure.decider');
    const { id: procedureId } = await saveDistrictProcedure(
      by,
      districtId,
      seven.id,
      steps.map((s) => withDecider(s, 'RESIDENTS_MEETING')),
    );
    await createPartyOrg(db, { kind: 'COMPOUND_BRANCH', name: '东苑党支部', communityId: jinyang.id, compoundId: big.compound.id });
    const sec = await byUser(w.secretary.id, '刘书记');
    const { id } = await raiseTopic(sec, {
      category: 'OTHER',
      title: '东苑停车管理',
      description: '停车难',
      communityId: jinyang.id,
      compoundId: big.compound.id,
      procedureId,
    });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    const c = await stakeholderCandidates(sec, id);
    await inviteStakeholders(
      sec,
      id,
      c.filter((x) => x.group === 'BRANCH').map((x) => x.key),
    );
    await addSuggestion(sec, id, { stance: 'SUPPORT', body: '划线停车', anonymous: false, onBehalfOf: '李阿姨' });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    const { id: plan } = await addPlanVersion(sec, id, { title: '停车方案', body: '划线停车', convention: false, funding: [] });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    await recordConsensus(sec, id, { statement: '同意', participants: ['居民 10 人'], heldOn: '2026-11-01', planVersionId: plan });
    await advanceTopic(sec, id, { type: 'ADVANCE' });
    expect((await getTopicForViewer(sec, id))?.motions.map((m) => [m.voters, m.rule, m.roster])).toEqual([
      [{ kind: 'HOUSEHOLDS' }, { kind: 'RESIDENTS_MEETING' }, 420],
    ]);
    expect((await recordMotionTally(sec, id, { kind: 'BODY', present: 211, for: 106, against: 105, abstain: 0 })).passed).toBe(true);
  });
});
