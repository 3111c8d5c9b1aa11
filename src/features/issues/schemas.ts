import { z } from 'zod';
import { ZCheck, ZId, ZIdOf, ZName, ZOptional, ZPhone, ZText, ZYuan } from '@/features/shared/forms';

const ZCategory = ZIdOf('field.category');

export const ZRaiseIssue = z
  .object({
    categoryId: ZCategory,
    compoundId: ZId,
    buildingId: z
      .union([z.literal(''), ZId])
      .optional()
      .transform((v) => v || undefined),
    title: z.string().trim().min(2, 'field.issueTitle').max(60, 'field.issueTitle'),
    description: z.string().trim().min(5, 'field.description').max(2000, 'field.description'),
    anonymous: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
    idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/, 'issue.duplicateKey'),
    // Staff entering it for a resident: both or neither.
    reporterName: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined),
    reporterPhone: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined),
  })
  .transform((v, ctx) => {
    const { reporterName, reporterPhone, ...rest } = v;
    if (!reporterName && !reporterPhone) return rest;
    const name = ZName.safeParse(reporterName ?? '');
    const phone = ZPhone.safeParse(reporterPhone ?? '');
    if (!name.success) ctx.addIssue({ code: 'custom', path: ['reporterName'], message: 'field.name' });
    if (!phone.success) ctx.addIssue({ code: 'custom', path: ['reporterPhone'], message: 'field.phone' });
    if (!name.success || !phone.success) return z.NEVER;
    return { ...rest, onBehalfOf: { name: name.data, phone: phone.data } };
  });

export const ZIssueEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ACKNOWLEDGE'), issueId: ZId }),
  z.object({ type: z.literal('START'), issueId: ZId }),
  z.object({ type: z.literal('TAKE_OVER'), issueId: ZId }),
  z.object({ type: z.literal('RESOLVE'), issueId: ZId, message: z.string().trim().min(1, 'field.resolution').max(1000) }),
  z.object({ type: z.literal('CLOSE_UNFIXED'), issueId: ZId, reason: z.string().trim().min(1, 'field.unfixedReason').max(1000) }),
  z.object({ type: z.literal('ESCALATE'), issueId: ZId, reason: z.string().trim().min(1, 'field.escalateReason').max(1000) }),
  z.object({ type: z.literal('REOPEN'), issueId: ZId, reason: z.string().trim().min(1, 'field.reopenReason').max(1000) }),
  z.object({
    type: z.literal('RATE'),
    issueId: ZId,
    rating: z.enum(['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'], { message: 'field.rating' }),
    comment: z.string().trim().max(500).optional(),
  }),
]);

export const ZMerge = z.object({
  issueId: ZId,
  ids: z.string().transform((s) =>
    s
      .split(/[^0-9]+/)
      .filter(Boolean)
      .map(Number),
  ),
});
export const ZSplit = z.object({
  issueId: ZId,
  idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/, 'form.duplicateKey'),
  title: z.string().trim().min(2, 'field.issueTitle').max(60, 'field.issueTitle'),
  description: z.string().trim().min(5, 'field.description').max(2000, 'field.description'),
});

/** Whom an issue is handed to or who is added beside its handler: "firm", "committee" or "user:<id>" (decision 050). */
const ZTarget = z
  .string()
  .regex(/^(firm|committee|user:\d{1,9})$/, 'field.choice')
  .transform((v) => (v.startsWith('user:') ? { kind: 'user' as const, userId: Number(v.slice(5)) } : { kind: v as 'firm' | 'committee' }));

export const ZHandOff = z.object({ issueId: ZId, to: ZTarget, keepPrevious: ZCheck, note: ZOptional(200) });
export const ZCoHandler = z.object({ issueId: ZId, to: ZTarget });
export const ZRemoveCoHandler = z.object({ issueId: ZId, party: z.string().regex(/^(user|org|body):\d{1,9}$/, 'field.choice') });
export const ZEstimate = z.object({ issueId: ZId, amount: ZYuan, note: z.string().trim().max(200).default('') });
export const ZConsultation = z.object({
  issueId: ZId,
  question: ZText(200),
  hours: z.coerce.number({ message: 'issue.consultHours' }).int('issue.consultHours'),
});
export const ZAnswer = z.object({ consultationId: ZId, answer: z.enum(['AGREE', 'DISAGREE', 'NO_VIEW'], { message: 'field.choice' }) });
/** A contact-chain keeper records an issue for a household they keep in touch with (decision 051). */
export const ZRaiseIssueFor = z.object({
  householdId: ZId,
  categoryId: ZCategory,
  title: z.string().trim().min(2, 'field.issueTitle').max(60, 'field.issueTitle'),
  description: z.string().trim().min(5, 'field.description').max(2000, 'field.description'),
  idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/, 'issue.duplicateKey'),
});

/** A keeper records a kept household's view on a topic of its place (decision 051). */
export const ZSuggestFor = z.object({
  householdId: ZId,
  topicId: ZId,
  stance: z.enum(['SUPPORT', 'OPPOSE', 'AMEND'], { message: 'field.choice' }),
  body: z.string().trim().min(2, 'field.suggestion').max(1000, 'field.suggestion'),
});
