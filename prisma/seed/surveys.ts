// Issue 23 part Q (decision 073): 龙躺梁's open anonymous needs survey "老旧小区改造需求调查" (single, multiple, scale and
// text questions) with a few answers from seeded residents — not from 孙丽, 钱明 or 周建国, who can still answer in the
// tour — and 北苑小区's named satisfaction survey, closed, its results on the board. Through the use cases.
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import type { TQuestionDraft } from '../../src/server/surveys/drafts.ts';
import { addQuestion, createSurvey } from '../../src/server/surveys/drafts.ts';
import { answerSurvey } from '../../src/server/surveys/answer.ts';
import { closeSurvey, openSurvey, publishResults } from '../../src/server/surveys/lifecycle.ts';
import { createVerifiedResident } from '../../tests/factories/accounts.ts';
import { DEMO_LOGINS } from './logins.ts';
import { seedActor } from './seed-by.ts';

export const SURVEYS_FLAG = 'demo-surveys';
const DAY = 86_400_000;
const base = { required: true, options: [], maxChoices: null, scaleMin: null, scaleMax: null, minLabel: null, maxLabel: null };

export const LONGTANGLIANG_QUESTIONS: TQuestionDraft[] = [
  { ...base, type: 'SINGLE', prompt: '您最希望优先改造哪一项？', options: ['加装电梯', '雨污管网改造', '增设停车位', '外墙及屋面防水'] },
  {
    ...base,
    type: 'MULTIPLE',
    prompt: '您还希望增加哪些设施？（最多选两项）',
    options: ['路灯照明', '绿化休闲', '健身器材', '适老扶手', '充电桩'],
    maxChoices: 2,
  },
  {
    ...base,
    type: 'SCALE',
    prompt: '您对小区目前的居住环境满意吗？',
    scaleMin: 1,
    scaleMax: 5,
    minLabel: '非常不满意',
    maxLabel: '非常满意',
  },
  { ...base, type: 'TEXT', prompt: '其他意见和建议', required: false },
];

/** Verified accounts for roster owners of a compound who have none (phones given), to answer in the demo. */
async function residentsOf(db: PrismaClient, compound: string, phones: string[]) {
  const owned = await db.ownership.findMany({
    where: { household: { building: { compound: { name: compound } } }, person: { user: { is: null } } },
    orderBy: { householdId: 'asc' },
    select: { personId: true, householdId: true },
  });
  const free = [...new Map(owned.map((o) => [o.householdId, o])).values()];
  const seen = new Set<number>();
  const people = free.filter((o) => !seen.has(o.personId) && seen.add(o.personId)).slice(0, phones.length);
  const out = [];
  for (const [i, o] of people.entries()) {
    await createVerifiedResident(db, {
      personId: o.personId,
      phone: phones[i]!,
      password: DEMO_LOGINS.password,
      householdId: o.householdId,
    });
    out.push(await seedActor(db, phones[i]!));
  }
  return out;
}

const pick = (questions: number[], n: number) => [
  { questionId: questions[0]!, choices: [n % 3] },
  { questionId: questions[1]!, choices: [n % 5, (n + 2) % 5] },
  { questionId: questions[2]!, scale: [2, 3, 4, 2, 5][n % 5]! },
  ...(n % 2 ? [] : [{ questionId: questions[3]!, text: ['楼道灯经常坏，希望一并更换', '希望改造期间保证老人出行'][n % 4 === 0 ? 0 : 1]! }]),
];

export async function seedSurveys(db: PrismaClient, now = new Date()): Promise<boolean> {
  if (await db.systemFlag.findUnique({ where: { key: SURVEYS_FLAG } })) return false;
  if (!(await db.systemFlag.findUnique({ where: { key: 'demo-accounts' } }))) return false;
  const holder = globalThis as unknown as { yishiDb?: PrismaClient };
  const had = holder.yishiDb;
  holder.yishiDb = db;
  try {
    // 龙躺梁: the open anonymous needs survey, by the community's secretary 赵桂芳.
    const zhao = await seedActor(db, '13900007001');
    const ltl = await db.compound.findFirstOrThrow({ where: { name: '龙躺梁老旧小区' }, select: { id: true } });
    const needs = await createSurvey(zhao, {
      place: { level: 'compound', id: ltl.id },
      kind: 'NEEDS',
      title: '老旧小区改造需求调查',
      intro: '龙躺梁老旧小区即将纳入老旧小区改造计划，请各位居民说说最需要改什么。结果将作为制定改造方案的参考。',
      anonymous: true,
      unit: 'PERSON',
      closesAt: new Date(now.getTime() + 21 * DAY),
    });
    const nq = [];
    for (const q of LONGTANGLIANG_QUESTIONS) nq.push((await addQuestion(zhao, needs.id, q)).id);
    await openSurvey(zhao, needs.id);
    const ltlResidents = await residentsOf(db, '龙躺梁老旧小区', ['13900007301', '13900007302', '13900007303', '13900007304']);
    for (const [i, by] of ltlResidents.entries()) await answerSurvey(by, needs.id, pick(nq, i));

    // 北苑小区: the named satisfaction survey of the property service, closed, its results on the board.
    const liu = await seedActor(db, '13900001001');
    const beiyuan = await db.compound.findFirstOrThrow({ where: { name: '北苑小区' }, select: { id: true } });
    const sat = await createSurvey(liu, {
      place: { level: 'compound', id: beiyuan.id },
      kind: 'SATISFACTION',
      title: '北苑小区物业服务满意度调查',
      intro: '请对过去一年的物业服务打分。',
      anonymous: false,
      unit: 'HOUSEHOLD',
      closesAt: new Date(now.getTime() + 7 * DAY),
    });
    const sq = [];
    for (const q of [
      {
        ...base,
        type: 'SCALE' as const,
        prompt: '您对物业服务总体满意吗？',
        scaleMin: 1,
        scaleMax: 5,
        minLabel: '非常不满意',
        maxLabel: '非常满意',
      },
      { ...base, type: 'SINGLE' as const, prompt: '您最希望物业改进哪一项？', options: ['保洁', '安保门禁', '维修响应', '收费公开'] },
    ])
      sq.push((await addQuestion(liu, sat.id, q)).id);
    await openSurvey(liu, sat.id);
    const beiyuanResidents = await residentsOf(db, '北苑小区', ['13900001301', '13900001302', '13900001303']);
    for (const [i, by] of beiyuanResidents.entries())
      await answerSurvey(by, sat.id, [
        { questionId: sq[0]!, scale: [4, 3, 5][i]! },
        { questionId: sq[1]!, choices: [[2, 2, 3][i]!] },
      ]);
    await closeSurvey(liu, sat.id);
    await publishResults(liu, sat.id);
  } finally {
    holder.yishiDb = had;
  }
  await db.systemFlag.create({ data: { key: SURVEYS_FLAG, value: '龙躺梁 needs survey open, 北苑 satisfaction survey published' } });
  return true;
}
