'use server';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { command, say } from '@/features/shared/command';
import { refuse } from '@/server/errors';
import { castBallot, closeMotion, configureMotion, enterPaperBallot, recheckMotion } from '@/server/votes/ballots';

const ZId = z.coerce.number({ message: 'field.choice' }).int('field.choice').positive('field.choice');
const ZChoice = z.enum(['FOR', 'AGAINST', 'ABSTAIN'], { message: 'vote.badChoice' });
const on = z.preprocess((v) => v === 'on', z.boolean());

const ZConfigure = z.object({
  motionId: ZId,
  mode: z.enum(['ELECTRONIC', 'SHOW_OF_HANDS', 'WRITTEN']),
  secret: on,
  hideResults: on,
  allowChange: on,
  closesAt: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const d = new Date(`${v}:00+08:00`);
      return Number.isNaN(d.getTime()) ? (ctx.addIssue({ code: 'custom', message: 'field.date' }), z.NEVER) : d;
    }),
  meetingId: z
    .union([z.literal(''), ZId])
    .optional()
    .transform((v) => v || null),
  proxyLimit: z.coerce.number({ message: 'field.count' }).int('field.count').min(0, 'field.count').max(20, 'field.count'),
});

const ZPaper = z.object({
  motionId: ZId,
  voterKey: z.coerce.number().int().min(0),
  choice: ZChoice,
  holder: z
    .union([z.literal(''), ZId])
    .optional()
    .transform((v) => v || undefined),
  document: z.string().trim().max(100).optional(),
});

// Who runs a vote is the step's actors, decided by the use case from the topic (topic.advance is not a
// matrix permission of its own); every such command needs a signed-in account first.
export const configureAction = command({
  who: 'signed-in',
  input: ZConfigure,
  run: (by, { motionId, ...settings }) => configureMotion(by, motionId, settings),
  done: () => say('votes.form', 'saved'),
  refresh: true,
});

/** A ballot answers with its receipt; the page is not rendered again (issue 16: O(1) per ballot). */
export const castAction = command({
  who: 'vote.cast',
  input: z.object({ motionId: ZId, choice: ZChoice }),
  run: (by, { motionId, choice }) => castBallot(by, motionId, choice),
  done: async ({ receipt, secret }, { choice }) => {
    const t = await getTranslations('votes');
    const text = secret ? t('page.receiptSecret', { id: receipt }) : t('page.receipt', { id: receipt, choice: t(`form.choice_${choice}`) });
    return { ok: true, data: { receipt: text } };
  },
});

export const paperAction = command({
  who: 'signed-in',
  input: ZPaper,
  run: async (by, i) => {
    if (i.holder && !i.document) refuse('vote.proxyDocument');
    const proxy = i.holder ? { holderPersonId: i.holder, document: i.document! } : undefined;
    return enterPaperBallot(by, i.motionId, { voterKey: i.voterKey, choice: i.choice, proxy });
  },
  done: () => say('votes.form', 'entered'),
  refresh: true,
});

export const closeVoteAction = command({
  who: 'signed-in',
  input: z.object({ motionId: ZId, confirmed: on, reason: z.string().trim().max(500).optional() }),
  run: (by, i) => closeMotion(by, i.motionId, { confirmed: i.confirmed, reason: i.reason }),
  done: () => say('votes.form', 'closed'),
  refresh: true,
});

export const recheckAction = command({
  who: 'signed-in',
  input: z.object({ motionId: ZId }),
  run: (by, { motionId }) => recheckMotion(by, motionId),
  done: async (r) =>
    r?.same ? say('votes.form', 'recheckSame') : { ok: false, message: (await getTranslations('votes.form'))('recheckDiffers') },
  refresh: true,
});
