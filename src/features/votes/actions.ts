'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { TFormState } from '@/components/action-form';
import { formObject } from '@/features/shared/forms';
import { runAction } from '@/features/shared/action-result';
import { actionBy } from '@/features/shared/guards';
import { refuse } from '@/server/errors';
import { castBallot, closeMotion, configureMotion, enterPaperBallot, recheckMotion } from '@/server/votes/ballots';

const ZId = z.coerce.number({ message: 'field.choice' }).int('field.choice').positive('field.choice');
const ZChoice = z.enum(['FOR', 'AGAINST', 'ABSTAIN'], { message: 'vote.badChoice' });
const on = z.preprocess((v) => v === 'on', z.boolean());

const by = actionBy;
async function done(key: string, values?: Record<string, string>) {
  revalidatePath('/[locale]/motions/[id]', 'page');
  return { ok: true, message: (await getTranslations('votes.form'))(key as 'saved', values) };
}

export async function configureAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const i = z.object({
      motionId: ZId, mode: z.enum(['ELECTRONIC', 'SHOW_OF_HANDS', 'WRITTEN']), secret: on, hideResults: on, allowChange: on,
      closesAt: z.string().optional().transform((v, ctx) => {
        if (!v) return null;
        const d = new Date(`${v}:00+08:00`);
        return Number.isNaN(d.getTime()) ? (ctx.addIssue({ code: 'custom', message: 'field.date' }), z.NEVER) : d;
      }),
      meetingId: z.union([z.literal(''), ZId]).optional().transform((v) => v || null),
      proxyLimit: z.coerce.number({ message: 'field.count' }).int('field.count').min(0, 'field.count').max(20, 'field.count'),
    }).parse(formObject(fd));
    const { motionId, ...settings } = i;
    await configureMotion(await by(), motionId, settings);
    return done('saved');
  });
}

export async function castAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { motionId, choice } = z.object({ motionId: ZId, choice: ZChoice }).parse(formObject(fd));
    const { receipt } = await castBallot(await by(), motionId, choice);
    return done('cast', { receipt: String(receipt) });
  });
}

export async function paperAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const i = z.object({
      motionId: ZId, voterKey: z.coerce.number().int().min(0), choice: ZChoice,
      holder: z.union([z.literal(''), ZId]).optional().transform((v) => v || undefined),
      document: z.string().trim().max(100).optional(),
    }).parse(formObject(fd));
    if (i.holder && !i.document) refuse('vote.proxyDocument');
    await enterPaperBallot(await by(), i.motionId, { voterKey: i.voterKey, choice: i.choice, proxy: i.holder ? { holderPersonId: i.holder, document: i.document! } : undefined });
    return done('entered');
  });
}

export async function closeVoteAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const i = z.object({ motionId: ZId, confirmed: on, reason: z.string().trim().max(500).optional() }).parse(formObject(fd));
    await closeMotion(await by(), i.motionId, { confirmed: i.confirmed, reason: i.reason });
    return done('closed');
  });
}

export async function recheckAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { motionId } = z.object({ motionId: ZId }).parse(formObject(fd));
    const r = await recheckMotion(await by(), motionId);
    return r?.same ? done('recheckSame') : { ok: false, message: (await getTranslations('votes.form'))('recheckDiffers') };
  });
}
