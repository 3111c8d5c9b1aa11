'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { TFormState } from '@/components/action-form';
import { formObject } from '@/features/shared/forms';
import { runAction } from '@/features/shared/action-result';
import { actionBy } from '@/features/shared/guards';

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
  supersedesId: z.union([z.literal(''), ZId]).optional().transform((v) => v || undefined),
});
const ZObjection = z.object({ noticeId: ZId, body: z.string().trim().min(5, 'field.objection').max(2000, 'field.objection'), anonymous: z.preprocess((v) => v === 'on', z.boolean()) });
const ZAnswer = z.object({ objectionId: ZId, answer: z.string().trim().min(2, 'field.answer').max(2000, 'field.answer') });

const by = actionBy;
async function done(key: string, data?: unknown) {
  revalidatePath('/[locale]/board/n/[id]', 'page');
  return { ok: true, message: (await getTranslations('board.form'))(key as 'published'), data };
}

export async function publishNoticeAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { days, unit, ...input } = ZNotice.parse(formObject(fd));
    const files = await Promise.all(fd.getAll('files').filter((f): f is File => f instanceof File && f.size > 0).map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })));
    const { id } = await publishManualNotice(await by(), { ...input, period: { days, unit }, files });
    return done('published', { id });
  });
}

export async function objectionAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { noticeId, ...input } = ZObjection.parse(formObject(fd));
    await fileObjection(await by(), noticeId, input);
    return done('objected');
  });
}

export async function answerAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { objectionId, answer } = ZAnswer.parse(formObject(fd));
    await answerObjection(await by(), objectionId, answer);
    return done('answered');
  });
}

export async function concludeAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    await concludeNotice(await by(), ZId.parse(fd.get('noticeId')));
    return done('concluded');
  });
}

export async function recheckChainAction(): Promise<TFormState> {
  return runAction(async () => {
    const r = await recheckChain(await by());
    revalidatePath('/[locale]/board/verify', 'page');
    return { ok: r.ok, message: (await getTranslations('board.chain'))(r.ok ? 'recomputedIntact' : 'recomputedBroken') };
  });
}
