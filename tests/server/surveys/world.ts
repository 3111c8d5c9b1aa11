import { electionWorld } from '../elections/nomination-world';
import { createUser } from '../../factories/accounts';
import { asUser } from '../../factories/mediation';
import { addQuestion, createSurvey, type TQuestionDraft, type TSurveyDraft } from '@/server/surveys/drafts';
import { openSurvey } from '@/server/surveys/lifecycle';
import { testDb } from '../db';

/**
 * The people of the survey tests: the election tests' 北苑小区 (金阳社区) — residents r0–r3 owning the four homes,
 * r4–r5 living with r0 and r1 — the community's secretary, the branch's secretary (a position), the street, a resident of
 * 欧城花园 in another community and its secretary; plus an unverified account. Phones 1380097xxxx, 1380098xxxx.
 */
export async function surveyWorld() {
  const w = await electionWorld();
  const unverifiedUser = await createUser(w.db, { name: '未核验用户', phone: '13800980001', password: 'pass-1234', verified: false });
  return { ...w, unverified: await asUser(unverifiedUser.id, '未核验用户') };
}
export type TSurveyWorld = Awaited<ReturnType<typeof surveyWorld>>;

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

export const draft = (w: TSurveyWorld, over: Partial<TSurveyDraft> = {}): TSurveyDraft => ({
  place: { level: 'compound', id: w.a.compound.id },
  kind: 'NEEDS',
  title: '北苑改造需求调查',
  intro: '',
  anonymous: true,
  unit: 'PERSON',
  closesAt: inDays(14),
  ...over,
});

const base = { required: true, options: [], maxChoices: null, scaleMin: null, scaleMax: null, minLabel: null, maxLabel: null };
export const QUESTIONS: TQuestionDraft[] = [
  { ...base, type: 'SINGLE', prompt: '最希望先改造哪一项？', options: ['加装电梯', '管网改造', '停车位'] },
  { ...base, type: 'MULTIPLE', prompt: '还希望增加哪些设施？', options: ['照明', '绿化', '健身器材'], maxChoices: 2, required: false },
  { ...base, type: 'SCALE', prompt: '对小区现状满意吗？', scaleMin: 1, scaleMax: 5, minLabel: '非常不满意', maxLabel: '非常满意' },
  { ...base, type: 'TEXT', prompt: '其他建议', required: false },
];

/** A survey with the four questions, opened: its id and its questions' ids in order. */
export async function openedSurvey(w: TSurveyWorld, over: Partial<TSurveyDraft> = {}) {
  const { id } = await createSurvey(w.secretary, draft(w, over));
  const q = [];
  for (const question of QUESTIONS) q.push((await addQuestion(w.secretary, id, question)).id);
  await openSurvey(w.secretary, id);
  return { id, q };
}

/** A full answer set: option `pick` of the first question, scale `scale`, some text. */
export const answers = (q: number[], pick = 0, scale = 4, text = '希望早日动工') => [
  { questionId: q[0]!, choices: [pick] },
  { questionId: q[1]!, choices: [0, 2] },
  { questionId: q[2]!, scale },
  { questionId: q[3]!, text },
];

/** Counts of every survey table and the audit log: a refused call leaves them as they were. */
export async function snapshot() {
  const db = testDb();
  return Promise.all([
    db.survey.count(),
    db.surveyQuestion.count(),
    db.surveyRespondent.count(),
    db.surveyResponse.count(),
    db.surveyAnswer.count(),
    db.auditLog.count(),
    db.notice.count(),
  ]);
}
