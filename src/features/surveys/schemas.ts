import { z } from 'zod';
import { SURVEY_QUESTION_TYPES } from '@/domain/surveys/questions';
import { isCalendarDay, ZCheck, ZId, ZOptional, ZText } from '@/features/shared/forms';

// Forms of surveys (decision 073). Kind, anonymity, unit and question type start unchosen: they decide what is recorded.

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'field.choice' });
/** A date and time typed in China's time (<input type="datetime-local">: "2026-12-05T14:30"). */
export const ZLocalTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'field.date')
  .refine((s) => isCalendarDay(s) && Number(s.slice(11, 13)) < 24 && Number(s.slice(14, 16)) < 60, 'field.date');
const ZSmallInt = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.coerce.number().int('field.choice').min(-10, 'field.choice').max(10, 'field.choice').nullable(),
);
const ZOptionalId = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), ZId.optional());

const settings = {
  kind: choice(['NEEDS', 'SATISFACTION'] as const),
  title: ZText(100),
  intro: ZOptional(2000),
  anonymous: choice(['YES', 'NO'] as const),
  unit: choice(['PERSON', 'HOUSEHOLD'] as const),
  closesAt: ZLocalTime,
  topicId: ZOptionalId,
};

export const ZCreate = z.object({
  place: z.string().regex(/^(community|compound):\d+$/, 'field.choice'),
  ...settings,
  idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/, 'form.duplicateKey'),
});

export const ZSurvey = z.object({ surveyId: ZId });
export const ZUpdate = ZSurvey.extend(settings);

export const ZQuestion = ZSurvey.extend({
  type: choice(SURVEY_QUESTION_TYPES),
  prompt: ZText(300),
  options: ZOptional(2000),
  required: ZCheck,
  maxChoices: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce.number().int('field.choice').min(1, 'field.choice').max(20, 'field.choice').nullable(),
  ),
  scaleMin: ZSmallInt,
  scaleMax: ZSmallInt,
  minLabel: ZOptional(30),
  maxLabel: ZOptional(30),
});
export const ZRemoveQuestion = ZSurvey.extend({ questionId: ZId });
