import type { TSurveyQuestion } from './questions';

/**
 * A survey's results (decision 073): exact counts first; percentages and means only as words to one decimal, computed
 * from the integers (round half up), never summed or compared. A survey decides nothing: these are not a vote's result.
 */
export type TResponseAnswer = { questionId: number; choices: readonly number[]; scale: number | null; text: string | null };

export type TQuestionResult =
  | { questionId: number; type: 'SINGLE' | 'MULTIPLE'; answered: number; options: { count: number; percent: string }[] }
  | {
      questionId: number;
      type: 'SCALE';
      answered: number;
      points: { point: number; count: number; percent: string }[];
      mean: string | null;
    }
  | { questionId: number; type: 'TEXT'; answered: number; texts: string[] };

export type TSurveyResults = { responses: number; questions: TQuestionResult[] };

/** n / d in tenths, rounded half up (d > 0). */
const tenths = (n: number, d: number) => Math.floor((20 * n + d) / (2 * d));

/** Tenths as words: 333 → "33.3", -5 → "-0.5". */
export function oneDecimal(t: number): string {
  const sign = t < 0 ? '-' : '';
  const a = Math.abs(t);
  return `${sign}${Math.floor(a / 10)}.${a % 10}`;
}

/** count of answered as a percentage to one decimal; "0.0" when nobody answered. */
export const percentOf = (count: number, answered: number) => (answered ? oneDecimal(tenths(100 * count, answered)) : '0.0');

export function tallySurvey(questions: readonly TSurveyQuestion[], responses: readonly (readonly TResponseAnswer[])[]): TSurveyResults {
  const results = questions.map((q): TQuestionResult => {
    const given = responses.flatMap((r) => r.filter((a) => a.questionId === q.id));
    const answered = given.length;
    switch (q.type) {
      case 'SINGLE':
      case 'MULTIPLE': {
        const counts = q.options.map((_, i) => given.filter((a) => a.choices.includes(i)).length);
        return {
          questionId: q.id,
          type: q.type,
          answered,
          options: counts.map((count) => ({ count, percent: percentOf(count, answered) })),
        };
      }
      case 'SCALE': {
        const lo = q.scaleMin ?? 0;
        const hi = q.scaleMax ?? lo;
        const points = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).map((point) => {
          const count = given.filter((a) => a.scale === point).length;
          return { point, count, percent: percentOf(count, answered) };
        });
        const sum = given.reduce((s, a) => s + (a.scale ?? 0), 0);
        return { questionId: q.id, type: 'SCALE', answered, points, mean: answered ? oneDecimal(tenths(sum, answered)) : null };
      }
      case 'TEXT':
        return { questionId: q.id, type: 'TEXT', answered, texts: given.map((a) => a.text ?? '').filter(Boolean) };
    }
  });
  return { responses: responses.length, questions: results };
}
