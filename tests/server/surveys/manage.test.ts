import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { answerSurvey } from '@/server/surveys/answer';
import { addQuestion, createSurvey, removeQuestion, updateSurvey } from '@/server/surveys/drafts';
import { exportSurvey } from '@/server/surveys/export';
import { closeSurvey, openSurvey, publishResults } from '@/server/surveys/lifecycle';
import { getSurveyView } from '@/server/surveys/read';
import { refusal } from '../refusal';
import { testDb } from '../db';
import { answers, draft, inDays, openedSurvey, QUESTIONS, snapshot, surveyWorld, type TSurveyWorld } from './world';

let w: TSurveyWorld;
beforeAll(async () => {
  w = await surveyWorld();
});

async function readBook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows = (i: number) => {
    const out: unknown[][] = [];
    wb.worksheets[i]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  return { summary: rows(0), responses: rows(1) };
}

describe('drafting and running a survey (decision 073)', () => {
  test('a draft: created once per key, questions added and removed, opened, then frozen', async () => {
    const key = 'c0ffee00-0000-4000-8000-000000000001';
    const [a, b] = await Promise.all([
      createSurvey(w.secretary, draft(w, { idempotencyKey: key })),
      createSurvey(w.secretary, draft(w, { idempotencyKey: key })),
    ]);
    expect(a.id).toBe(b.id);
    const id = a.id;
    expect(await refusal(openSurvey(w.secretary, id))).toBe('survey.noQuestions');
    const q1 = await addQuestion(w.secretary, id, QUESTIONS[0]!);
    const q2 = await addQuestion(w.secretary, id, QUESTIONS[3]!);
    await addQuestion(w.secretary, id, QUESTIONS[2]!);
    await removeQuestion(w.secretary, id, q2.id);
    expect((await getSurveyView(w.secretary, id)).questions.map((q) => [q.position, q.type])).toEqual([
      [1, 'SINGLE'],
      [2, 'SCALE'],
    ]);
    expect(await refusal(addQuestion(w.secretary, id, { ...QUESTIONS[0]!, options: ['只有一个'] }))).toBe('survey.optionsTooFew');
    expect(await refusal(addQuestion(w.secretary, id, { ...QUESTIONS[2]!, scaleMin: 5, scaleMax: 1 }))).toBe('survey.scaleShape');
    expect(await refusal(updateSurvey(w.secretary, id, { ...draft(w), closesAt: inDays(-1) }))).toBe('survey.closesInPast');
    await openSurvey(w.secretary, id);
    const before = await snapshot();
    expect(await refusal(addQuestion(w.secretary, id, QUESTIONS[3]!))).toBe('survey.notDraft');
    expect(await refusal(updateSurvey(w.secretary, id, draft(w)))).toBe('survey.notDraft');
    expect(await refusal(removeQuestion(w.secretary, id, q1.id))).toBe('survey.notDraft');
    expect(await refusal(openSurvey(w.secretary, id))).toBe('survey.notDraft');
    expect(await snapshot()).toEqual(before);
    // The database itself refuses a change to an open survey's questions.
    await expect(testDb().$executeRaw`UPDATE "SurveyQuestion" SET prompt = '改过的题目' WHERE id = ${q1.id}`).rejects.toThrow(/frozen/);
  });

  test('forged manage actions by residents, other places or nobody change nothing and leave no audit row', async () => {
    const s = await openedSurvey(w, { title: '伪造' });
    const { id: draftId } = await createSurvey(w.secretary, draft(w, { title: '草稿' }));
    const before = await snapshot();
    for (const by of [w.r[0]!, w.elsewhere, w.otherSecretary, w.unverified]) {
      expect(await refusal(createSurvey(by, draft(w)))).toBe('auth.forbidden');
      expect(await refusal(addQuestion(by, draftId, QUESTIONS[0]!))).toBe('auth.forbidden');
      expect(await refusal(updateSurvey(by, draftId, draft(w)))).toBe('auth.forbidden');
      expect(await refusal(openSurvey(by, draftId))).toBe('auth.forbidden');
      expect(await refusal(closeSurvey(by, s.id))).toBe('auth.forbidden');
      expect(await refusal(publishResults(by, s.id))).toBe('auth.forbidden');
      expect(await refusal(exportSurvey(by, s.id))).toBe('auth.forbidden');
    }
    // A resident does not even see a draft.
    expect(await refusal(getSurveyView(w.r[0]!, draftId))).toBe('auth.forbidden');
    expect(await snapshot()).toEqual(before);
    // The street above and the compound's branch secretary run it.
    expect((await getSurveyView(w.street, s.id)).can.manage).toBe(true);
    expect((await getSurveyView(w.branchSecretary, s.id)).can.manage).toBe(true);
  });

  test('results: counted for managers, hidden from residents until published; publish once, after closing, on the board', async () => {
    const s = await openedSurvey(w, { title: '结果', anonymous: false, kind: 'SATISFACTION' });
    await answerSurvey(w.r[0]!, s.id, answers(s.q, 0, 5));
    await answerSurvey(w.r[1]!, s.id, answers(s.q, 0, 4));
    await answerSurvey(w.r[2]!, s.id, answers(s.q, 2, 4));
    const view = await getSurveyView(w.secretary, s.id);
    expect(view.results!.questions[0]).toMatchObject({
      answered: 3,
      options: [{ count: 2, percent: '66.7' }, { count: 0 }, { count: 1, percent: '33.3' }],
    });
    expect(view.results!.questions[2]).toMatchObject({ mean: '4.3' });
    expect((await getSurveyView(w.r[0]!, s.id)).results).toBeNull();
    expect(await refusal(publishResults(w.secretary, s.id))).toBe('survey.publishWhenClosed');
    await closeSurvey(w.secretary, s.id);
    const both = await Promise.all([refusal(publishResults(w.secretary, s.id)), refusal(publishResults(w.secretary, s.id))]);
    expect(both.sort()).toEqual(['no refusal', 'survey.published']);
    const survey = await testDb().survey.findUniqueOrThrow({ where: { id: s.id }, include: { resultNotice: true } });
    expect(survey.resultNotice).toMatchObject({ category: 'RESIDENTS', kind: 'RESULT', title: '问卷结果公示：结果' });
    expect(survey.resultNotice!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(survey.resultNotice!.body).toContain('加装电梯：2 份（66.7%）');
    expect(survey.resultNotice!.body).toContain('不作为表决结果');
    expect(survey.resultNotice!.body).not.toContain(w.ownerName(0));
    expect((await getSurveyView(w.r[0]!, s.id)).results).not.toBeNull();
    expect(await testDb().auditLog.count({ where: { action: 'survey.publish', entityId: String(s.id) } })).toBe(1);
  });

  test('the export: counts per question; an anonymous sheet with no name and no home; a named one with both', async () => {
    const anon = await openedSurvey(w, { title: '匿名导出' });
    const named = await openedSurvey(w, { title: '实名导出', anonymous: false });
    for (const [i, s] of [anon, named].entries()) {
      await answerSurvey(w.r[0]!, s.id, answers(s.q, 0, 5, `建议甲${i}`));
      await answerSurvey(w.r[3]!, s.id, answers(s.q, 1, 2, `建议乙${i}`));
    }
    const a = await readBook((await exportSurvey(w.secretary, anon.id)).bytes);
    expect(a.summary).toEqual(expect.arrayContaining([[1, QUESTIONS[0]!.prompt, '加装电梯', 1, '50.0%']]));
    expect(a.summary).toEqual(expect.arrayContaining([[3, QUESTIONS[2]!.prompt, '平均分', '3.5']]));
    expect(a.responses).toHaveLength(3);
    expect(a.responses[0]).toEqual(QUESTIONS.map((q, i) => `${i + 1}. ${q.prompt}`));
    const text = JSON.stringify(a.responses);
    expect(text).toContain('建议甲0');
    for (const i of [0, 3]) expect(text).not.toContain(w.ownerName(i));
    expect(text).not.toContain('北苑小区');
    const n = await readBook((await exportSurvey(w.secretary, named.id)).bytes);
    expect(n.responses[0]!.slice(0, 3)).toEqual(['姓名', '房号', '填写日期']);
    const names = n.responses.slice(1).map((r) => r[0]);
    expect(names.sort()).toEqual([w.ownerName(0), w.ownerName(3)].sort());
    expect(String(n.responses[1]![1])).toContain('北苑小区');
    expect(await testDb().auditLog.count({ where: { action: 'survey.export', entityId: String(anon.id) } })).toBe(1);
  });
});
