'use server';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { calendarWarning } from '@/features/shared/calendar-warning';
import { command, say } from '@/features/shared/command';
import { answerObjection, concludeNotice, fileObjection, publishManualNotice } from '@/server/notices/board';
import { recheckChain } from '@/server/notices/chain-check';

const ZId = z.coerce.number({ message: 'field.choice' }).int('field.choice').positive('field.choice');
const ZNotice = z.object({
  place: z.string().regex(/^(compound|community|street):\d{1,9}$/, 'field.choice'),
  category: z.enum(['PARTY', 'RESIDENTS', 'FINANCE'], { message: 'field.choice' }),
  title: z.string().trim().min(2, 'field.noticeTitle').max(80, 'field.noticeTitle'),
  html: z.string().max(50_000, 'field.noticeBody'),
  days: z.coerce.number({ message: 'field.periodDays' }).int('field.periodDays').min(1, 'field.periodDays').max(90, 'field.periodDays'),
  unit: z.enum(['CALENDAR', 'WORKING'], { message: 'field.choice' }),
  supersedesId: z
    .union([z.literal(''), ZId])
    .optional()
    .transform((v) => v || undefined),
});
const ZObjection = z.object({
  noticeId: ZId,
  body: z.string().trim().min(5, 'field.objection').max(2000, 'field.objection'),
  anonymous: z.preprocess((v) => v === 'on', z.boolean()),
});
const ZAnswer = z.object({ objectionId: ZId, answer: z.string().trim().min(2, 'field.answer').max(2000, 'field.answer') });

const saved = (key: string, data?: unknown) => async () => ({ ...(await say('board.form', key)), data });

export const publishNoticeAction = command({
  who: 'notice.publish',
  input: ZNotice,
  files: { files: 'attachment' },
  run: (by, { days, unit, ...input }, ctx) => publishManualNotice(by, { ...input, period: { days, unit }, files: ctx.files.files! }),
  // A period in working days reaching a year the district's calendar does not know: said, with its calendar's link.
  done: async ({ id, uncovered, districtId }) => saved('published', { id, warning: await calendarWarning(uncovered, districtId) })(),
  refresh: true,
});

// Residents object to notices of the places around their home: the use case checks notice.object there and
// answers an unverified account with its own message ("only verified residents"), so no early refusal here.
export const objectionAction = command({
  who: 'signed-in',
  input: ZObjection,
  run: (by, { noticeId, ...input }) => fileObjection(by, noticeId, input),
  done: saved('objected'),
  refresh: true,
});

export const answerAction = command({
  who: 'notice.publish',
  input: ZAnswer,
  run: (by, { objectionId, answer }) => answerObjection(by, objectionId, answer),
  done: saved('answered'),
  refresh: true,
});

export const concludeAction = command({
  who: 'notice.publish',
  input: z.object({ noticeId: ZId }),
  run: (by, { noticeId }) => concludeNotice(by, noticeId),
  done: saved('concluded'),
  refresh: true,
});

export const recheckChainAction = command({
  who: 'notice.publish',
  input: z.object({}),
  run: (by) => recheckChain(by),
  done: async (r) => ({ ok: r.ok, message: (await getTranslations('board.chain'))(r.ok ? 'recomputedIntact' : 'recomputedBroken') }),
  refresh: true,
});
