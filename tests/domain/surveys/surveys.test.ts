import { describe, expect, test } from 'vitest';
import { checkAnswers, questionProblem, type TAnswerInput, type TSurveyQuestion } from '@/domain/surveys/questions';
import { surveyStatusAt, surveyTransition, type TSurveyEvent, type TSurveyStatus } from '@/domain/surveys/status';
import { oneDecimal, percentOf, tallySurvey } from '@/domain/surveys/tally';

const Q: TSurveyQuestion[] = [
  {
    id: 1,
    type: 'SINGLE',
    required: true,
    options: ['加装电梯', '改造管网', '增设停车位'],
    maxChoices: null,
    scaleMin: null,
    scaleMax: null,
  },
  {
    id: 2,
    type: 'MULTIPLE',
    required: false,
    options: ['照明', '绿化', '健身器材', '适老扶手'],
    maxChoices: 2,
    scaleMin: null,
    scaleMax: null,
  },
  { id: 3, type: 'SCALE', required: true, options: [], maxChoices: null, scaleMin: 1, scaleMax: 5 },
  { id: 4, type: 'TEXT', required: false, options: [], maxChoices: null, scaleMin: null, scaleMax: null },
];
const good: TAnswerInput[] = [
  { questionId: 1, choices: [0] },
  { questionId: 2, choices: [3, 1] },
  { questionId: 3, scale: 4 },
  { questionId: 4, text: ' 希望尽快动工 ' },
];
const replace = (id: number, a: Partial<TAnswerInput> | null) =>
  a === null ? good.filter((g) => g.questionId !== id) : good.map((g) => (g.questionId === id ? { questionId: id, ...a } : g));

describe('checkAnswers', () => {
  test.each<[string, TAnswerInput[], string | null, number?]>([
    ['everything answered', good, null],
    ['optional questions left out', replace(2, null).filter((g) => g.questionId !== 4), null],
    ['required single left out', replace(1, null), 'survey.required', 1],
    ['required single with no option chosen', replace(1, { choices: [] }), 'survey.required', 1],
    ['required scale left out', replace(3, null), 'survey.required', 3],
    ['single with two options', replace(1, { choices: [0, 1] }), 'survey.oneChoice', 1],
    ['single option not in the list', replace(1, { choices: [3] }), 'survey.notAnOption', 1],
    ['negative option', replace(1, { choices: [-1] }), 'survey.notAnOption', 1],
    ['multiple within maxChoices', replace(2, { choices: [0] }), null],
    ['multiple over maxChoices', replace(2, { choices: [0, 1, 2] }), 'survey.tooManyChoices', 2],
    ['multiple with an option twice', replace(2, { choices: [1, 1] }), 'survey.repeatedChoice', 2],
    ['scale below the range', replace(3, { scale: 0 }), 'survey.scaleRange', 3],
    ['scale above the range', replace(3, { scale: 6 }), 'survey.scaleRange', 3],
    ['scale at both ends', replace(3, { scale: 5 }), null],
    ['scale not a whole number', replace(3, { scale: 2.5 }), 'survey.scaleRange', 3],
    ['text of 1,000 characters', replace(4, { text: '字'.repeat(1000) }), null],
    ['text of 1,001 characters', replace(4, { text: '字'.repeat(1001) }), 'survey.textTooLong', 4],
    ['a choice given to a text question', replace(4, { choices: [0] }), 'survey.wrongKind', 4],
    ['a question of another survey', [...good, { questionId: 99, text: 'x' }], 'survey.unknownQuestion', 0],
    ['a question answered twice', [...good, { questionId: 4, text: 'again' }], 'survey.unknownQuestion', 0],
  ])('%s', (_, answers, code, position) => {
    const r = checkAnswers(Q, answers);
    if (code === null) expect(r.ok).toBe(true);
    else expect(r).toEqual({ ok: false, code, position });
  });

  test('keeps only what each type carries, choices in order, text trimmed', () => {
    const r = checkAnswers(Q, good);
    expect(r).toEqual({
      ok: true,
      answers: [
        { questionId: 1, choices: [0], scale: null, text: null },
        { questionId: 2, choices: [1, 3], scale: null, text: null },
        { questionId: 3, choices: [], scale: 4, text: null },
        { questionId: 4, choices: [], scale: null, text: '希望尽快动工' },
      ],
    });
  });

  test('a survey of optional questions answered with nothing is refused', () => {
    const optional = Q.map((q) => ({ ...q, required: false }));
    expect(checkAnswers(optional, [])).toEqual({ ok: false, code: 'survey.nothingAnswered', position: 1 });
  });
});

describe('questionProblem', () => {
  const base = { prompt: '您最希望改造哪一项？', options: ['甲', '乙'], maxChoices: null, scaleMin: null, scaleMax: null };
  test.each<[string, Parameters<typeof questionProblem>[0], string | null]>([
    ['a single choice', { ...base, type: 'SINGLE' }, null],
    ['no prompt', { ...base, type: 'TEXT', prompt: '  ' }, 'survey.promptEmpty'],
    ['one option', { ...base, type: 'SINGLE', options: ['甲'] }, 'survey.optionsTooFew'],
    ['a blank option', { ...base, type: 'SINGLE', options: ['甲', ' '] }, 'survey.optionsTooFew'],
    ['an option twice', { ...base, type: 'SINGLE', options: ['甲', '甲'] }, 'survey.optionsRepeated'],
    ['21 options', { ...base, type: 'SINGLE', options: Array.from({ length: 21 }, (_, i) => `${i}`) }, 'survey.optionsTooMany'],
    ['multiple without a limit', { ...base, type: 'MULTIPLE' }, 'survey.maxChoicesRange'],
    ['multiple over its options', { ...base, type: 'MULTIPLE', maxChoices: 3 }, 'survey.maxChoicesRange'],
    ['multiple of two', { ...base, type: 'MULTIPLE', maxChoices: 2 }, null],
    ['scale 1 to 5', { ...base, type: 'SCALE', scaleMin: 1, scaleMax: 5 }, null],
    ['scale 0 to 10', { ...base, type: 'SCALE', scaleMin: 0, scaleMax: 10 }, null],
    ['scale 0 to 11', { ...base, type: 'SCALE', scaleMin: 0, scaleMax: 11 }, 'survey.scaleShape'],
    ['scale backwards', { ...base, type: 'SCALE', scaleMin: 5, scaleMax: 1 }, 'survey.scaleShape'],
    ['scale without ends', { ...base, type: 'SCALE' }, 'survey.scaleShape'],
  ])('%s', (_, q, code) => expect(questionProblem(q)).toBe(code));
});

describe('survey life', () => {
  const NOW = new Date('2026-12-04T02:00:00Z');
  const later = new Date('2026-12-20T15:59:00Z');
  const earlier = new Date('2026-12-01T00:00:00Z');
  test.each<[string, TSurveyStatus, Date, TSurveyEvent, string]>([
    ['edit a draft', 'DRAFT', later, { type: 'EDIT' }, 'DRAFT'],
    ['edit an open survey', 'OPEN', later, { type: 'EDIT' }, 'survey.notDraft'],
    ['open with questions', 'DRAFT', later, { type: 'OPEN', questions: 3, closesAt: later }, 'OPEN'],
    ['open without questions', 'DRAFT', later, { type: 'OPEN', questions: 0, closesAt: later }, 'survey.noQuestions'],
    ['open closing in the past', 'DRAFT', earlier, { type: 'OPEN', questions: 3, closesAt: earlier }, 'survey.closesInPast'],
    ['open twice', 'OPEN', later, { type: 'OPEN', questions: 3, closesAt: later }, 'survey.notDraft'],
    ['answer an open survey', 'OPEN', later, { type: 'ANSWER' }, 'OPEN'],
    ['answer past its closing time', 'OPEN', earlier, { type: 'ANSWER' }, 'survey.closed'],
    ['answer at its closing instant', 'OPEN', NOW, { type: 'ANSWER' }, 'survey.closed'],
    ['answer a draft', 'DRAFT', later, { type: 'ANSWER' }, 'survey.notOpen'],
    ['answer a closed survey', 'CLOSED', later, { type: 'ANSWER' }, 'survey.closed'],
    ['close an open survey', 'OPEN', later, { type: 'CLOSE' }, 'CLOSED'],
    ['close one past its time', 'OPEN', earlier, { type: 'CLOSE' }, 'CLOSED'],
    ['close a draft', 'DRAFT', later, { type: 'CLOSE' }, 'survey.notOpen'],
    ['publish a closed survey', 'CLOSED', later, { type: 'PUBLISH', published: false }, 'CLOSED'],
    ['publish one past its time', 'OPEN', earlier, { type: 'PUBLISH', published: false }, 'CLOSED'],
    ['publish while open', 'OPEN', later, { type: 'PUBLISH', published: false }, 'survey.publishWhenClosed'],
    ['publish twice', 'CLOSED', later, { type: 'PUBLISH', published: true }, 'survey.published'],
  ])('%s', (_, status, closesAt, event, expected) => {
    const t = surveyTransition({ status, closesAt }, event, NOW);
    expect(t.ok ? t.next : t.code).toBe(expected);
  });

  test('an open survey past its time reads as closed', () => {
    expect(surveyStatusAt({ status: 'OPEN', closesAt: earlier }, NOW)).toBe('CLOSED');
    expect(surveyStatusAt({ status: 'OPEN', closesAt: later }, NOW)).toBe('OPEN');
  });
});

describe('tallySurvey', () => {
  test.each<[number, number, string]>([
    [1, 3, '33.3'],
    [2, 3, '66.7'],
    [1, 8, '12.5'],
    [1, 16, '6.3'],
    [0, 7, '0.0'],
    [7, 7, '100.0'],
    [0, 0, '0.0'],
  ])('%i of %i is %s %%', (n, d, p) => expect(percentOf(n, d)).toBe(p));

  test.each([
    [-5, '-0.5'],
    [0, '0.0'],
    [42, '4.2'],
  ])('tenths %i read %s', (t, s) => expect(oneDecimal(t)).toBe(s));

  test('counts options, scale points and mean, and lists the texts', () => {
    const r = tallySurvey(Q, [
      [
        { questionId: 1, choices: [0], scale: null, text: null },
        { questionId: 2, choices: [1, 3], scale: null, text: null },
        { questionId: 3, choices: [], scale: 5, text: null },
        { questionId: 4, choices: [], scale: null, text: '希望尽快动工' },
      ],
      [
        { questionId: 1, choices: [0], scale: null, text: null },
        { questionId: 3, choices: [], scale: 4, text: null },
      ],
      [
        { questionId: 1, choices: [2], scale: null, text: null },
        { questionId: 2, choices: [3], scale: null, text: null },
        { questionId: 3, choices: [], scale: 4, text: null },
      ],
    ]);
    expect(r.responses).toBe(3);
    expect(r.questions[0]).toEqual({
      questionId: 1,
      type: 'SINGLE',
      answered: 3,
      options: [
        { count: 2, percent: '66.7' },
        { count: 0, percent: '0.0' },
        { count: 1, percent: '33.3' },
      ],
    });
    expect(r.questions[1]).toMatchObject({
      answered: 2,
      options: [{ count: 0 }, { count: 1, percent: '50.0' }, { count: 0 }, { count: 2, percent: '100.0' }],
    });
    expect(r.questions[2]).toMatchObject({
      answered: 3,
      mean: '4.3',
      points: [{ point: 1, count: 0 }, {}, {}, { point: 4, count: 2 }, { point: 5, count: 1 }],
    });
    expect(r.questions[3]).toEqual({ questionId: 4, type: 'TEXT', answered: 1, texts: ['希望尽快动工'] });
  });

  test('nothing answered: zero counts and no mean', () => {
    const r = tallySurvey(Q, []);
    expect(r.questions[2]).toMatchObject({ answered: 0, mean: null });
  });
});
