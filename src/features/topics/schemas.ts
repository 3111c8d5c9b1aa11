import { z } from 'zod';
import { ZDate, ZId, ZPhone, ZYuan } from '@/features/shared/forms';
import { parseYuan } from '@/domain/shared/money';

const text = (min: number, max: number, key: string) => z.string().trim().min(min, key).max(max, key);
const ZOptionalYuan = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    return parseYuan(v) ?? (ctx.addIssue({ code: 'custom', message: 'field.yuan' }), z.NEVER);
  });
const ZCount = z.coerce.number({ message: 'field.count' }).int('field.count').min(0, 'field.count').max(100_000, 'field.count');
const ZArea = z
  .string()
  .trim()
  .transform((v, ctx) => {
    // m² with up to two decimals, kept in 0.01 m² (parseYuan has exactly that shape).
    const c = parseYuan(v);
    return c ?? (ctx.addIssue({ code: 'custom', message: 'field.area' }), z.NEVER);
  });
const lines = (s: string) =>
  s
    .split(/[\n,，、]/)
    .map((x) => x.trim())
    .filter(Boolean);

export const ZRaiseTopic = z.object({
  title: text(2, 60, 'field.topicTitle'),
  description: text(5, 4000, 'field.description'),
  // "compound:12" or "community:3"
  place: z.string().regex(/^(compound|community):\d{1,9}$/, 'field.choice'),
  procedureId: ZId,
  // Empty: refused unless the issues taken up all map to one category (decision 072).
  categoryId: ZId.optional().or(z.literal('').transform(() => undefined)),
  assemblyMatter: z.coerce
    .number()
    .int()
    .min(1)
    .max(9)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  issueIds: z.array(z.coerce.number().int().positive()).default([]),
  ownersBuildingIds: z.array(z.coerce.number().int().positive()).default([]),
  idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/, 'form.duplicateKey'),
});

export const ZAdvance = z.object({
  topicId: ZId,
  lockVersion: z.coerce.number().int().min(0),
  type: z.enum(['ADVANCE', 'RETURN', 'WITHDRAW']),
  reason: z.string().trim().max(500).default(''),
});

export const ZInvite = z.object({
  topicId: ZId,
  keys: z.array(z.string().regex(/^(org|body|person|firm):\d+$/)).min(1, 'topic.stakeholderNone'),
});

export const ZSuggestion = z.object({
  topicId: ZId,
  stance: z.enum(['SUPPORT', 'OPPOSE', 'AMEND'], { message: 'field.choice' }),
  body: text(2, 1000, 'field.suggestion'),
  anonymous: z.preprocess((v) => v === 'on', z.boolean()),
  onBehalfOf: z
    .string()
    .trim()
    .max(30, 'field.name')
    .optional()
    .transform((v) => v || undefined),
});

export const ZPlan = z.object({
  topicId: ZId,
  title: text(2, 60, 'field.planTitle'),
  body: text(5, 8000, 'field.description'),
  convention: z.preprocess((v) => v === 'on', z.boolean()),
  budget: ZOptionalYuan,
  // One line an item: "门体 20000"
  budgetLines: z
    .string()
    .default('')
    .transform((s, ctx) =>
      s
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => {
          const m = /^(.+?)[\s:：]+([\d,，.]+)\s*元?$/.exec(l);
          const fen = m ? parseYuan(m[2]!) : null;
          if (!m || fen === null) {
            ctx.addIssue({ code: 'custom', message: 'field.budgetLines' });
            return { item: l, amountFen: 0 };
          }
          return { item: m[1]!.trim(), amountFen: fen };
        }),
    ),
  // One source a line: "公益金 26000"
  funding: z
    .string()
    .default('')
    .transform((s, ctx) =>
      s
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => {
          const m = /^(.+?)[\s:：]+([\d,，.]+)\s*元?$/.exec(l);
          const fen = m ? parseYuan(m[2]!) : null;
          if (!m || fen === null) {
            ctx.addIssue({ code: 'custom', message: 'field.funding' });
            return { source: l, amountFen: 0 };
          }
          return { source: m[1]!.trim(), amountFen: fen };
        }),
    ),
});

export const ZExpense = z.object({ topicId: ZId, item: text(2, 60, 'field.expenseItem'), amount: ZYuan, paidOn: ZDate });

export const ZRecord = z.object({
  topicId: ZId,
  statement: text(2, 4000, 'field.statement'),
  participants: z
    .string()
    .transform(lines)
    .pipe(z.array(z.string().max(60)).min(1, 'record.noParticipants')),
  heldOn: ZDate,
  planVersionId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export const ZApproval = z.object({
  topicId: ZId,
  decision: z.enum(['approve', 'reject']),
  comment: text(2, 1000, 'field.approvalComment'),
});

export const ZBodyTally = z.object({ topicId: ZId, present: ZCount, for: ZCount, against: ZCount, abstain: ZCount });
export const ZOwnersTally = z.object({
  topicId: ZId,
  headsParticipating: ZCount,
  areaParticipating: ZArea,
  headsFor: ZCount,
  areaFor: ZArea,
});

export const ZBid = z.object({
  topicId: ZId,
  contractor: text(2, 60, 'field.contractor'),
  amount: ZYuan,
  note: z.string().trim().max(200).optional(),
});
export const ZChooseBid = z.object({ topicId: ZId, bidId: ZId, reason: text(2, 200, 'field.bidReason') });
export const ZActualCost = z.object({ topicId: ZId, amount: ZYuan });
/** Withdrawing a task or a record entered by mistake, with the reason. */
export const ZWithdraw = z.object({
  topicId: ZId,
  entry: z.enum(['task', 'record']),
  entryId: ZId,
  reason: text(2, 200, 'field.withdrawReason'),
});
const blank = (v: unknown) => (v === '' ? undefined : v);
/** The owner picked on the task form: "p:<person>", "o:<organisation>" or "b:<body>" (nothing preselected). */
const ZOwner = z
  .string()
  .regex(/^[pob]:\d{1,9}$/, 'field.owner')
  .transform((v) => {
    const id = Number(v.slice(2));
    return v[0] === 'p'
      ? { kind: 'PERSON' as const, personId: id }
      : v[0] === 'o'
        ? { kind: 'ORGANIZATION' as const, organizationId: id }
        : { kind: 'BODY' as const, bodyId: id };
  });
/** A deadline as a day or as "N 个工作日" (the form sends one of the two). */
export const ZTask = z
  .object({
    topicId: ZId,
    title: text(2, 60, 'field.taskTitle'),
    owner: ZOwner,
    dueOn: z.preprocess(blank, ZDate.optional()),
    workingDays: z.preprocess(
      blank,
      z.coerce.number('field.workingDays').int('field.workingDays').min(1, 'field.workingDays').max(250, 'field.workingDays').optional(),
    ),
  })
  .transform(({ dueOn, workingDays, ...rest }) => ({
    ...rest,
    ...(typeof workingDays === 'number' ? { workingDays } : { dueOn: dueOn || undefined }),
  }));
export const ZTaskUpdate = z.object({
  topicId: ZId,
  taskId: ZId,
  kind: z.enum(['PROGRESS', 'DONE', 'COMMENT', 'ACCEPT', 'SEND_BACK']),
  body: text(1, 1000, 'field.update'),
});
export const ZTopicOnly = z.object({ topicId: ZId });
/** Progress bulletins (decision 053): the schedule, a draft's reviewed text, publishing it. */
export const ZBulletinSchedule = z.object({
  topicId: ZId,
  cadence: z.enum(['MONTHLY', 'BIWEEKLY'], 'field.choice'),
  startsOn: ZDate,
  endsOn: z.preprocess(blank, ZDate.optional()),
});
export const ZBulletinEdit = z.object({ topicId: ZId, bulletinId: ZId, body: text(10, 5000, 'field.bulletinBody') });
export const ZBulletinPublish = z.object({ topicId: ZId, bulletinId: ZId });

export const ZProcedureSteps = z.object({
  districtId: ZId,
  procedureId: ZId,
});

/** The party members' view at the end of a party-members-first step (decision 052). */
export const ZPartyView = z.object({
  topicId: ZId,
  votesFor: ZCount,
  votesAgainst: ZCount,
  votesAmend: ZCount,
  statement: text(2, 1000, 'field.partyViewStatement'),
});

/** The topic's 协商联络人, named by the phone of their account. */
export const ZAppointLiaison = z.object({ topicId: ZId, phone: ZPhone });
export const ZRevokeLiaison = z.object({ topicId: ZId });

/** 催办 (decision 049): a task, or else the topic's current step, and the message. */
export const ZPress = z.object({
  taskId: z.coerce.number().int().positive().optional(),
  topicId: ZId,
  message: text(2, 200, 'field.pressMessage'),
});
export const ZPressAnswer = z.object({ pressId: ZId, answer: text(1, 200, 'field.pressAnswer') });
/** A take-over names the new owner: a staff account (the supervisor themself) or an organisation. */
export const ZTakeOverTask = z.object({ taskId: ZId, owner: z.string().regex(/^(PERSON|ORGANIZATION):\d+$/, 'field.choice') });
export const ZTakeOverStep = z.object({ topicId: ZId });

// 线上协商 (decision 059): the texts' limits are the use case's (its refusals name them); the form only carries them.
const ZLongText = z.string().max(5000, 'discussion.tooLong');
export const ZComment = z.object({
  topicId: ZId,
  stepIndex: z.coerce.number().int().min(0).max(100),
  parentId: z
    .union([z.literal(''), ZId])
    .optional()
    .transform((v) => v || undefined),
  body: ZLongText,
  anonymous: z.preprocess((v) => v === 'on', z.boolean()),
});
export const ZHideComment = z.object({ commentId: ZId, reason: z.string().max(1000, 'discussion.reasonTooLong') });
export const ZDiscussionSummary = z.object({ topicId: ZId, stepIndex: z.coerce.number().int().min(0).max(100), summary: ZLongText });
