import 'server-only';
import type { TSurveyQuestion, TSurveyQuestionType } from '@/domain/surveys/questions';
import { tallySurvey, type TSurveyResults } from '@/domain/surveys/tally';
import { getDb, type TTx } from '@/server/db';

/** A question as pages and exports show it. */
export type TShownQuestion = TSurveyQuestion & { position: number; prompt: string; minLabel: string | null; maxLabel: string | null };

export async function questionsOf(surveyId: number, db: Pick<TTx, 'surveyQuestion'> = getDb()): Promise<TShownQuestion[]> {
  const rows = await db.surveyQuestion.findMany({ where: { surveyId }, orderBy: { position: 'asc' } });
  return rows.map((q) => ({
    id: q.id,
    position: q.position,
    type: q.type as TSurveyQuestionType,
    prompt: q.prompt,
    required: q.required,
    options: Array.isArray(q.options) ? (q.options as string[]) : [],
    maxChoices: q.maxChoices,
    scaleMin: q.scaleMin,
    scaleMax: q.scaleMax,
    minLabel: q.minLabel,
    maxLabel: q.maxLabel,
  }));
}

/**
 * Every response with its answers. Anonymous responses come in the order of their random ids (nothing about who or
 * when); named ones carry the respondent's name and home. Only for callers that already passed the survey's gate.
 */
export async function responsesOf(surveyId: number, db: Pick<TTx, 'surveyResponse'> = getDb()) {
  return db.surveyResponse.findMany({
    where: { surveyId },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      answeredOn: true,
      user: { select: { person: { select: { name: true } } } },
      household: { select: { unitNo: true, roomNo: true, building: { select: { name: true, compound: { select: { name: true } } } } } },
      answers: { select: { questionId: true, choices: true, scale: true, text: true } },
    },
  });
}

export async function tallyOf(surveyId: number, db?: TTx): Promise<{ questions: TShownQuestion[]; results: TSurveyResults }> {
  const [questions, responses] = await Promise.all([questionsOf(surveyId, db), responsesOf(surveyId, db)]);
  return {
    questions,
    results: tallySurvey(
      questions,
      responses.map((r) => r.answers),
    ),
  };
}
