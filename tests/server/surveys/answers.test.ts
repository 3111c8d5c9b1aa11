import { beforeAll, describe, expect, test } from 'vitest';
import { answerSurvey } from '@/server/surveys/answer';
import { closeSurvey } from '@/server/surveys/lifecycle';
import { getSurveyView, listSurveys } from '@/server/surveys/read';
import { refusal } from '../refusal';
import { testDb } from '../db';
import { answers, openedSurvey, snapshot, surveyWorld, type TSurveyWorld } from './world';

let w: TSurveyWorld;
beforeAll(async () => {
  w = await surveyWorld();
});

describe('answering a survey (decision 073)', () => {
  test('a resident answers once; a second answer is refused in words and writes nothing', async () => {
    const s = await openedSurvey(w);
    expect(await answerSurvey(w.r[0]!, s.id, answers(s.q))).toEqual({ surveyId: s.id });
    const before = await snapshot();
    expect(await refusal(answerSurvey(w.r[0]!, s.id, answers(s.q, 1)))).toBe('survey.answered');
    expect(await snapshot()).toEqual(before);
    expect((await getSurveyView(w.r[0]!, s.id)).answered).toBe(true);
    expect((await getSurveyView(w.r[1]!, s.id)).can.answer).toBe(true);
  });

  test('outside the place, unverified, closed, bad answers: refused, nothing written', async () => {
    const s = await openedSurvey(w);
    const before = await snapshot();
    const outside = await answerSurvey(w.elsewhere, s.id, answers(s.q)).catch((e) => e);
    expect(outside).toMatchObject({ code: 'survey.outsidePlace', values: { place: '北苑小区' } });
    expect(await refusal(answerSurvey(w.unverified, s.id, answers(s.q)))).toBe('survey.unverified');
    // Staff of the place do not live there: they do not answer.
    expect(await refusal(answerSurvey(w.secretary, s.id, answers(s.q)))).toBe('survey.outsidePlace');
    const noScale = answers(s.q).filter((a) => a.questionId !== s.q[2]);
    expect(await answerSurvey(w.r[1]!, s.id, noScale).catch((e) => e)).toMatchObject({ code: 'survey.required', values: { no: 3 } });
    expect(await refusal(answerSurvey(w.r[1]!, s.id, answers(s.q, 7)))).toBe('survey.notAnOption');
    expect(await refusal(answerSurvey(w.r[1]!, s.id, answers(s.q, 0, 9)))).toBe('survey.scaleRange');
    expect(await refusal(answerSurvey(w.r[1]!, s.id, answers(s.q, 0, 3, '字'.repeat(1001))))).toBe('survey.textTooLong');
    expect(await refusal(answerSurvey(w.r[1]!, 999_999, answers(s.q)))).toBe('auth.forbidden');
    expect(await snapshot()).toEqual(before);
    await closeSurvey(w.secretary, s.id);
    expect(await refusal(answerSurvey(w.r[1]!, s.id, answers(s.q)))).toBe('survey.closed');
    expect(await refusal(getSurveyView(w.elsewhere, s.id))).toBe('auth.forbidden');
  });

  test('past its closing time a survey takes no answers, though nobody closed it', async () => {
    const s = await openedSurvey(w);
    await testDb().$executeRaw`UPDATE "Survey" SET "closesAt" = now() - interval '1 minute' WHERE id = ${s.id}`;
    expect(await refusal(answerSurvey(w.r[0]!, s.id, answers(s.q)))).toBe('survey.closed');
    expect((await getSurveyView(w.secretary, s.id)).survey.status).toBe('CLOSED');
  });

  test('two submits at once make one answer', async () => {
    const s = await openedSurvey(w);
    const r = await Promise.all([0, 1, 2].map(() => refusal(answerSurvey(w.r[2]!, s.id, answers(s.q)))));
    expect(r.sort()).toEqual(['no refusal', 'survey.answered', 'survey.answered']);
    expect(await testDb().surveyResponse.count({ where: { surveyId: s.id } })).toBe(1);
    expect(await testDb().surveyRespondent.count({ where: { surveyId: s.id } })).toBe(1);
  });

  test('a household survey: one answer per household, by any adult of it; two of a household at once make one', async () => {
    const s = await openedSurvey(w, { unit: 'HOUSEHOLD', anonymous: false, title: '每户一份' });
    await answerSurvey(w.r[0]!, s.id, answers(s.q));
    // r4 lives with r0.
    expect(await refusal(answerSurvey(w.r[4]!, s.id, answers(s.q)))).toBe('survey.answered');
    expect((await getSurveyView(w.r[4]!, s.id)).answered).toBe(true);
    const both = await Promise.all([w.r[1]!, w.r[5]!].map((by) => refusal(answerSurvey(by, s.id, answers(s.q)))));
    expect(both.sort()).toEqual(['no refusal', 'survey.answered']);
    const rows = await testDb().surveyResponse.findMany({ where: { surveyId: s.id }, select: { householdId: true, userId: true } });
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.householdId)).size).toBe(2);
    expect(rows.every((r) => r.userId !== null)).toBe(true);
  });

  test('lists: a resident sees the open surveys of their place and whether they answered; others do not', async () => {
    const s = await openedSurvey(w, { title: '列表里的问卷' });
    await answerSurvey(w.r[3]!, s.id, answers(s.q));
    expect((await listSurveys(w.r[3]!)).open).toEqual(expect.arrayContaining([expect.objectContaining({ id: s.id, answered: true })]));
    expect((await listSurveys(w.r[1]!)).open).toEqual(expect.arrayContaining([expect.objectContaining({ id: s.id, answered: false })]));
    expect((await listSurveys(w.elsewhere)).open.map((x) => x.id)).not.toContain(s.id);
    expect((await listSurveys(w.secretary)).managed.map((x) => x.id)).toContain(s.id);
    expect((await listSurveys(w.otherSecretary)).managed.map((x) => x.id)).not.toContain(s.id);
  });
});

describe('anonymity that holds', () => {
  test('what was answered cannot be joined to who answered', async () => {
    const s = await openedSurvey(w, { title: '匿名' });
    for (const i of [0, 1, 2, 3]) await answerSurvey(w.r[i]!, s.id, answers(s.q, i % 3, 5 - i));
    const db = testDb();
    // The columns: a random id, the survey, no account, no household, the day only.
    const cols = await db.$queryRaw<{ table_name: string; column_name: string; data_type: string }[]>`
      SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name IN ('SurveyResponse', 'SurveyAnswer') ORDER BY table_name, ordinal_position`;
    const types = Object.fromEntries(cols.map((c) => [`${c.table_name}.${c.column_name}`, c.data_type]));
    expect(types['SurveyResponse.id']).toBe('uuid');
    expect(types['SurveyAnswer.id']).toBe('uuid');
    expect(types['SurveyResponse.answeredOn']).toBe('date');
    expect(cols.filter((c) => /timestamp|time/.test(c.data_type))).toEqual([]);
    const respondentCols = await db.$queryRaw<{ column_name: string; data_type: string }[]>`
      SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'SurveyRespondent'`;
    expect(respondentCols.map((c) => c.column_name).sort()).toEqual(['answeredOn', 'householdId', 'surveyId', 'userId']);
    expect(respondentCols.find((c) => c.column_name === 'answeredOn')!.data_type).toBe('date');
    // The rows: nobody named; random ids (version-4 UUIDs), so their order says nothing about the order of answering.
    const responses = await db.surveyResponse.findMany({ where: { surveyId: s.id } });
    expect(responses).toHaveLength(4);
    expect(responses.every((r) => r.userId === null && r.householdId === null)).toBe(true);
    expect(responses.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.id))).toBe(true);
    // The audit rows of answers name the survey, never a response.
    const audit = await db.auditLog.findMany({ where: { action: 'survey.answer', entityId: String(s.id) } });
    expect(audit).toHaveLength(4);
    const ids = new Set(responses.map((r) => r.id));
    for (const a of audit) {
      const text = JSON.stringify([a.entityId, a.before, a.after]);
      expect([...ids].some((id) => text.includes(id))).toBe(false);
    }
    // The database refuses a response that names someone on an anonymous survey, and any change afterwards.
    await expect(
      db.$executeRaw`INSERT INTO "SurveyResponse" (id, "surveyId", "userId", "answeredOn") VALUES (gen_random_uuid(), ${s.id}, ${w.r[0]!.userId}, CURRENT_DATE)`,
    ).rejects.toThrow(/names nobody/);
    await expect(db.$executeRaw`UPDATE "SurveyResponse" SET "answeredOn" = CURRENT_DATE WHERE "surveyId" = ${s.id}`).rejects.toThrow(
      /never changed/,
    );
    await expect(db.$executeRaw`DELETE FROM "SurveyRespondent" WHERE "surveyId" = ${s.id}`).rejects.toThrow(/never changed/);
  });

  test('the database holds one answer per person and per household', async () => {
    const s = await openedSurvey(w, { unit: 'HOUSEHOLD', title: '唯一' });
    await answerSurvey(w.r[0]!, s.id, answers(s.q));
    const db = testDb();
    const [row] = await db.surveyRespondent.findMany({ where: { surveyId: s.id } });
    await expect(
      db.$executeRaw`INSERT INTO "SurveyRespondent" ("surveyId", "userId", "householdId", "answeredOn") VALUES (${s.id}, ${w.r[4]!.userId}, ${row!.householdId}, CURRENT_DATE)`,
    ).rejects.toThrow(/unique|duplicate/i);
  });
});
