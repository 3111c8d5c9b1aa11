'use server';
import { z } from 'zod';
import { command, say } from '@/features/shared/command';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { advanceTopic } from '@/server/topics/advance-topic';
import { addBid, addExpense, addTask, chooseBid, publishResultNotice, recordActualCost, updateTask } from '@/server/topics/delivery';
import { editBulletin, publishBulletin, scheduleBulletins } from '@/server/topics/bulletins';
import { recordMotionTally } from '@/server/topics/motions';
import { addSuggestion, inviteStakeholders } from '@/server/topics/participation';
import { addPlanVersion, recordApproval, recordConsensus } from '@/server/topics/plans';
import { appointLiaisonByPhone, recordPartyView, revokeLiaison } from '@/server/topics/party-first';
import { raiseTopic } from '@/server/topics/raise-topic';
import { withdrawRecord, withdrawTask } from '@/server/topics/withdraw';
import * as S from './schemas';

// Raising a topic is topic.raise at the place; every later step is done by the step's actors (the procedure
// names them: staff, body members, stakeholders, residents), which the use case decides from the topic.
const saved =
  (message = 'saved') =>
  () =>
    say('topics.form', message);

/** Fields sent several times (checkboxes): the command's input holds one value per name, these hold all. */
const many = <T extends z.ZodRawShape>(schema: z.ZodObject<T>, form: FormData, names: (keyof T & string)[]) =>
  schema
    .pick(Object.fromEntries(names.map((n) => [n, true])) as never)
    .parse(Object.fromEntries(names.map((n) => [n, form.getAll(n)]))) as z.output<z.ZodObject<T>>;

export const raiseTopicAction = command({
  who: 'topic.raise',
  input: S.ZRaiseTopic.omit({ issueIds: true, ownersBuildingIds: true }),
  run: async (by, input, ctx) => {
    const { issueIds, ownersBuildingIds } = many(S.ZRaiseTopic, ctx.form, ['issueIds', 'ownersBuildingIds']);
    const [level, placeId] = input.place.split(':') as ['compound' | 'community', string];
    const communityId =
      level === 'community'
        ? Number(placeId)
        : ((await ancestryOf({ level, id: Number(placeId) }))?.community ?? refuse('topic.placeUnknown'));
    return raiseTopic(by, {
      title: input.title,
      description: input.description,
      procedureId: input.procedureId,
      category: input.categoryId,
      assemblyMatter: input.assemblyMatter,
      issueIds,
      ownersBuildingIds,
      communityId,
      compoundId: level === 'compound' ? Number(placeId) : undefined,
      idempotencyKey: input.idempotencyKey,
    });
  },
  done: async ({ id }) => ({ ...(await say('topics.form', 'raised')), data: { id } }),
});

export const advanceTopicAction = command({
  who: 'signed-in',
  input: S.ZAdvance,
  run: (by, { topicId, lockVersion, type, reason }) =>
    advanceTopic(by, topicId, type === 'ADVANCE' ? { type } : { type, reason }, lockVersion),
  done: (_, { type }) => say('topics.form', type === 'ADVANCE' ? 'advanced' : 'saved'),
  refresh: true,
});

export const inviteAction = command({
  who: 'signed-in',
  input: S.ZInvite.omit({ keys: true }),
  run: (by, { topicId }, ctx) => inviteStakeholders(by, topicId, many(S.ZInvite, ctx.form, ['keys']).keys),
  done: saved(),
  refresh: true,
});

export const suggestionAction = command({
  who: 'signed-in',
  input: S.ZSuggestion,
  run: (by, { topicId, ...input }) => addSuggestion(by, topicId, input),
  done: saved(),
  refresh: true,
});

export const planAction = command({
  who: 'signed-in',
  input: S.ZPlan,
  run: (by, { topicId, budget, budgetLines, ...input }) => addPlanVersion(by, topicId, { ...input, budgetFen: budget, budgetLines }),
  done: saved(),
  refresh: true,
});

export const recordAction = command({
  who: 'signed-in',
  input: S.ZRecord,
  run: (by, { topicId, ...input }) => recordConsensus(by, topicId, input),
  done: saved(),
  refresh: true,
});

export const approvalAction = command({
  who: 'signed-in',
  input: S.ZApproval,
  run: (by, { topicId, decision, comment }) => recordApproval(by, topicId, { approved: decision === 'approve', comment }),
  done: saved(),
  refresh: true,
});

export const bodyTallyAction = command({
  who: 'signed-in',
  input: S.ZBodyTally,
  run: (by, { topicId, ...t }) => recordMotionTally(by, topicId, { kind: 'BODY', ...t }),
  done: saved(),
  refresh: true,
});

export const ownersTallyAction = command({
  who: 'signed-in',
  input: S.ZOwnersTally,
  run: (by, { topicId, ...t }) => recordMotionTally(by, topicId, { kind: 'OWNERS', ...t }),
  done: saved(),
  refresh: true,
});

export const bidAction = command({
  who: 'signed-in',
  input: S.ZBid,
  run: (by, { topicId, contractor, amount, note }) => addBid(by, topicId, { contractor, amountFen: amount, note }),
  done: saved(),
  refresh: true,
});

export const chooseBidAction = command({
  who: 'signed-in',
  input: S.ZChooseBid,
  run: (by, { topicId, bidId, reason }) => chooseBid(by, topicId, bidId, reason),
  done: saved(),
  refresh: true,
});

export const actualCostAction = command({
  who: 'signed-in',
  input: S.ZActualCost,
  run: (by, { topicId, amount }) => recordActualCost(by, topicId, amount),
  done: saved(),
  refresh: true,
});

export const taskAction = command({
  who: 'signed-in',
  input: S.ZTask,
  run: (by, { topicId, ...input }) => addTask(by, topicId, input),
  done: saved(),
  refresh: true,
});

export const taskUpdateAction = command({
  who: 'signed-in',
  input: S.ZTaskUpdate,
  files: { photos: 'photo' },
  run: (by, { topicId, taskId, kind, body }, ctx) =>
    updateTask(by, topicId, taskId, { kind, body, photos: ctx.files.photos!.map((f) => f.bytes) }),
  done: saved(),
  refresh: true,
});

export const withdrawAction = command({
  who: 'signed-in',
  input: S.ZWithdraw,
  run: (by, { topicId, entry, entryId, reason }) => (entry === 'task' ? withdrawTask : withdrawRecord)(by, topicId, entryId, reason),
  done: saved('withdrawn'),
  refresh: true,
});

export const resultNoticeAction = command({
  who: 'signed-in',
  input: S.ZTopicOnly,
  run: (by, { topicId }) => publishResultNotice(by, topicId),
  done: saved(),
  refresh: true,
});

export const expenseAction = command({
  who: 'signed-in',
  input: S.ZExpense,
  files: { receipt: 'receipt' },
  run: (by, { topicId, item, amount, paidOn }, ctx) =>
    addExpense(by, topicId, { item, amountFen: amount, paidOn, receipt: ctx.files.receipt![0] }),
  done: saved(),
  refresh: true,
});

export const partyViewAction = command({
  who: 'signed-in',
  input: S.ZPartyView,
  run: (by, { topicId, ...v }) => recordPartyView(by, topicId, v),
  done: saved(),
  refresh: true,
});

export const appointLiaisonAction = command({
  who: 'signed-in',
  input: S.ZAppointLiaison,
  run: (by, { topicId, phone }) => appointLiaisonByPhone(by, topicId, phone),
  done: saved(),
  refresh: true,
});

export const revokeLiaisonAction = command({
  who: 'signed-in',
  input: S.ZRevokeLiaison,
  run: (by, { topicId }) => revokeLiaison(by, topicId),
  done: saved(),
  refresh: true,
});

export const bulletinScheduleAction = command({
  who: 'signed-in',
  input: S.ZBulletinSchedule,
  run: (by, { topicId, ...input }) => scheduleBulletins(by, topicId, input),
  done: saved(),
  refresh: true,
});

export const bulletinEditAction = command({
  who: 'signed-in',
  input: S.ZBulletinEdit,
  run: (by, { topicId, bulletinId, body }) => editBulletin(by, topicId, bulletinId, body),
  done: saved(),
  refresh: true,
});

export const bulletinPublishAction = command({
  who: 'signed-in',
  input: S.ZBulletinPublish,
  run: (by, { topicId, bulletinId }) => publishBulletin(by, topicId, bulletinId),
  done: saved('published'),
  refresh: true,
});
