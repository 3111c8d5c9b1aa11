'use server';
import { command, say } from '@/features/shared/command';
import { fromChinaLocal } from '@/server/issues/clock';
import { answerSurvey } from '@/server/surveys/answer';
import { addQuestion, createSurvey, removeQuestion, updateSurvey } from '@/server/surveys/drafts';
import { closeSurvey, openSurvey, publishResults } from '@/server/surveys/lifecycle';
import * as S from './schemas';

// Survey commands (issue 23 part Q, decision 073). Managing needs survey.manage somewhere (or is 'signed-in' for the
// branch secretary by position: the use case checks the exact place through requireSurvey); answering is checked by the
// use case against the resident's home.

/** "2026-12-05T14:30" typed in China's time, as an instant. */
const instant = (local: string) =>
  fromChinaLocal({ date: local.slice(0, 10), minute: Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)) });

const settingsOf = (i: {
  kind: 'NEEDS' | 'SATISFACTION';
  title: string;
  intro?: string;
  anonymous: 'YES' | 'NO';
  unit: 'PERSON' | 'HOUSEHOLD';
  closesAt: string;
  topicId?: number;
}) => ({
  kind: i.kind,
  title: i.title,
  intro: i.intro ?? '',
  anonymous: i.anonymous === 'YES',
  unit: i.unit,
  closesAt: instant(i.closesAt),
  topicId: i.topicId ?? null,
});

export const createSurveyAction = command({
  who: 'signed-in',
  input: S.ZCreate,
  run: (by, { place, idempotencyKey, ...rest }) => {
    const [level, id] = place.split(':') as ['community' | 'compound', string];
    return createSurvey(by, { place: { level, id: Number(id) }, idempotencyKey, ...settingsOf(rest) });
  },
  done: async ({ id }) => ({ ...(await say('surveys.form', 'created')), data: { id } }),
});

export const updateSurveyAction = command({
  who: 'signed-in',
  input: S.ZUpdate,
  run: (by, { surveyId, ...rest }) => updateSurvey(by, surveyId, settingsOf(rest)),
  done: () => say('surveys.form', 'saved'),
  refresh: true,
});

export const addQuestionAction = command({
  who: 'signed-in',
  input: S.ZQuestion,
  run: (by, { surveyId, options, minLabel, maxLabel, ...q }) =>
    addQuestion(by, surveyId, { ...q, options: (options ?? '').split('\n'), minLabel: minLabel ?? null, maxLabel: maxLabel ?? null }),
  done: () => say('surveys.form', 'added'),
  refresh: true,
});

export const removeQuestionAction = command({
  who: 'signed-in',
  input: S.ZRemoveQuestion,
  run: (by, { surveyId, questionId }) => removeQuestion(by, surveyId, questionId),
  done: () => say('surveys.form', 'removed'),
  refresh: true,
});

export const openSurveyAction = command({
  who: 'signed-in',
  input: S.ZSurvey,
  run: (by, { surveyId }) => openSurvey(by, surveyId),
  done: () => say('surveys.form', 'opened'),
  refresh: true,
});

export const closeSurveyAction = command({
  who: 'signed-in',
  input: S.ZSurvey,
  run: (by, { surveyId }) => closeSurvey(by, surveyId),
  done: () => say('surveys.form', 'closed'),
  refresh: true,
});

export const publishResultsAction = command({
  who: 'signed-in',
  input: S.ZSurvey,
  run: (by, { surveyId }) => publishResults(by, surveyId),
  done: () => say('surveys.form', 'published'),
  refresh: true,
});

/** The answers from the form: q<id> fields — option indexes (one or several), a scale point, or words. */
function answersOf(form: FormData) {
  const byQuestion = new Map<number, { questionId: number; choices: number[]; scale: number | null; text: string | null }>();
  for (const [key, value] of form.entries()) {
    const m = /^(q|s|t)(\d{1,9})$/.exec(key);
    if (!m || typeof value !== 'string' || value === '') continue;
    const questionId = Number(m[2]);
    const a = byQuestion.get(questionId) ?? { questionId, choices: [], scale: null, text: null };
    if (m[1] === 'q') a.choices.push(Number(value));
    if (m[1] === 's') a.scale = Number(value);
    if (m[1] === 't') a.text = value;
    byQuestion.set(questionId, a);
  }
  return [...byQuestion.values()];
}

export const answerSurveyAction = command({
  who: 'signed-in',
  input: S.ZSurvey,
  run: (by, { surveyId }, { form }) => answerSurvey(by, surveyId, answersOf(form)),
  done: () => say('surveys.answer', 'sent'),
  refresh: true,
});
