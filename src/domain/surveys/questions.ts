/**
 * A survey's questions and the answers given to them (issue 23 part Q, decision 073): what a well-formed question is and
 * whether an answer set fits the questions. Pure: codes, never words.
 */
export const SURVEY_QUESTION_TYPES = ['SINGLE', 'MULTIPLE', 'SCALE', 'TEXT'] as const;
export type TSurveyQuestionType = (typeof SURVEY_QUESTION_TYPES)[number];

export const TEXT_ANSWER_MAX = 1000;
export const OPTIONS_MAX = 20;
export const SCALE_POINTS_MAX = 11;

export type TSurveyQuestion = {
  id: number;
  type: TSurveyQuestionType;
  required: boolean;
  options: readonly string[];
  maxChoices: number | null;
  scaleMin: number | null;
  scaleMax: number | null;
};

/** One answer as sent: option indexes (SINGLE, MULTIPLE), a point (SCALE) or words (TEXT). */
export type TAnswerInput = { questionId: number; choices?: readonly number[]; scale?: number | null; text?: string | null };
/** One answer as kept: only what its type carries, never an empty one. */
export type TAnswer = { questionId: number; choices: number[]; scale: number | null; text: string | null };

export type TAnswerCheck = { ok: true; answers: TAnswer[] } | { ok: false; code: string; position: number };

/** A question as a manager drafts it: the first thing wrong, or null. */
export function questionProblem(q: {
  type: TSurveyQuestionType;
  prompt: string;
  options: readonly string[];
  maxChoices: number | null;
  scaleMin: number | null;
  scaleMax: number | null;
}): string | null {
  if (!q.prompt.trim()) return 'survey.promptEmpty';
  if (q.type === 'SINGLE' || q.type === 'MULTIPLE') {
    const options = q.options.map((o) => o.trim());
    if (options.length < 2 || options.some((o) => !o)) return 'survey.optionsTooFew';
    if (options.length > OPTIONS_MAX) return 'survey.optionsTooMany';
    if (new Set(options).size !== options.length) return 'survey.optionsRepeated';
    if (q.type === 'MULTIPLE' && (q.maxChoices === null || q.maxChoices < 1 || q.maxChoices > options.length))
      return 'survey.maxChoicesRange';
  }
  if (q.type === 'SCALE') {
    const { scaleMin: lo, scaleMax: hi } = q;
    if (lo === null || hi === null || lo >= hi || hi - lo + 1 > SCALE_POINTS_MAX) return 'survey.scaleShape';
  }
  return null;
}

function isEmpty(a: TAnswerInput | undefined): boolean {
  if (!a) return true;
  return !(a.choices && a.choices.length) && (a.scale === null || a.scale === undefined) && !(a.text ?? '').trim();
}

/**
 * Whether an answer set fits the questions (ordered as shown): required answered, options in the list, MULTIPLE at most
 * maxChoices and each once, SCALE in range, TEXT at most 1,000 characters. The first problem is named with the question's
 * position (1-based). An answer to a question not in the survey is refused; a set that answers nothing is refused.
 */
export function checkAnswers(questions: readonly TSurveyQuestion[], given: readonly TAnswerInput[]): TAnswerCheck {
  const byQuestion = new Map<number, TAnswerInput>();
  for (const a of given) {
    if (!questions.some((q) => q.id === a.questionId)) return { ok: false, code: 'survey.unknownQuestion', position: 0 };
    if (byQuestion.has(a.questionId)) return { ok: false, code: 'survey.unknownQuestion', position: 0 };
    byQuestion.set(a.questionId, a);
  }
  const answers: TAnswer[] = [];
  for (const [i, q] of questions.entries()) {
    const position = i + 1;
    const a = byQuestion.get(q.id);
    if (isEmpty(a)) {
      if (q.required) return { ok: false, code: 'survey.required', position };
      continue;
    }
    const choices = [...(a!.choices ?? [])];
    const fail = (code: string): TAnswerCheck => ({ ok: false, code, position });
    switch (q.type) {
      case 'SINGLE':
      case 'MULTIPLE': {
        if (a!.scale !== null && a!.scale !== undefined) return fail('survey.wrongKind');
        if ((a!.text ?? '').trim()) return fail('survey.wrongKind');
        if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= q.options.length)) return fail('survey.notAnOption');
        if (new Set(choices).size !== choices.length) return fail('survey.repeatedChoice');
        if (q.type === 'SINGLE' && choices.length !== 1) return fail('survey.oneChoice');
        if (q.type === 'MULTIPLE' && choices.length > (q.maxChoices ?? q.options.length)) return fail('survey.tooManyChoices');
        answers.push({ questionId: q.id, choices: choices.sort((x, y) => x - y), scale: null, text: null });
        break;
      }
      case 'SCALE': {
        const s = a!.scale;
        if (choices.length || (a!.text ?? '').trim()) return fail('survey.wrongKind');
        if (typeof s !== 'number' || !Number.isInteger(s) || s < q.scaleMin! || s > q.scaleMax!) return fail('survey.scaleRange');
        answers.push({ questionId: q.id, choices: [], scale: s, text: null });
        break;
      }
      case 'TEXT': {
        const text = (a!.text ?? '').trim();
        if (choices.length || (a!.scale !== null && a!.scale !== undefined)) return fail('survey.wrongKind');
        if ([...text].length > TEXT_ANSWER_MAX) return fail('survey.textTooLong');
        answers.push({ questionId: q.id, choices: [], scale: null, text });
        break;
      }
    }
  }
  if (!answers.length) return { ok: false, code: 'survey.nothingAnswered', position: 1 };
  return { ok: true, answers };
}
