'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import type { TFormState } from '@/components/action-form';
import { formObject } from '@/features/shared/forms';
import { runAction } from '@/features/shared/action-result';
import { actionBy } from '@/features/shared/guards';
import { refuse } from '@/server/errors';
import { advanceTopic } from '@/server/topics/advance-topic';
import { addBid, addExpense, addTask, chooseBid, publishResultNotice, recordActualCost, updateTask } from '@/server/topics/delivery';
import { recordMotionTally } from '@/server/topics/motions';
import { addSuggestion, inviteStakeholders } from '@/server/topics/participation';
import { addPlanVersion, recordApproval, recordConsensus } from '@/server/topics/plans';
import { raiseTopic } from '@/server/topics/raise-topic';
import { withdrawRecord, withdrawTask } from '@/server/topics/withdraw';
import { getDb } from '@/server/db';
import * as S from './schemas';

// Every action is a public HTTP endpoint: it parses its input; the use case checks who may do it.
const by = actionBy;
async function saved(message = 'saved') {
  revalidatePath('/[locale]/topics/[id]', 'page');
  return { ok: true, message: (await getTranslations('topics.form'))(message as 'saved') };
}
const parse = <T,>(schema: { parse: (v: unknown) => T }, fd: FormData, extra: Record<string, unknown> = {}) => schema.parse({ ...formObject(fd), ...extra });

export async function raiseTopicAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = parse(S.ZRaiseTopic, fd, { issueIds: fd.getAll('issueIds'), ownersBuildingIds: fd.getAll('ownersBuildingIds') });
    const [level, placeId] = input.place.split(':') as ['compound' | 'community', string];
    const communityId = level === 'community' ? Number(placeId) : (await getDb().compound.findUnique({ where: { id: Number(placeId) }, select: { communityId: true } }))?.communityId ?? refuse('topic.placeUnknown');
    const { id } = await raiseTopic(await by(), {
      title: input.title, description: input.description, procedureId: input.procedureId, assemblyMatter: input.assemblyMatter, issueIds: input.issueIds,
      ownersBuildingIds: input.ownersBuildingIds, communityId: communityId as number, compoundId: level === 'compound' ? Number(placeId) : undefined,
      idempotencyKey: input.idempotencyKey,
    });
    return { ok: true, message: (await getTranslations('topics.form'))('raised'), data: { id } };
  });
}

export async function advanceTopicAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, lockVersion, type, reason } = parse(S.ZAdvance, fd);
    await advanceTopic(await by(), topicId, type === 'ADVANCE' ? { type } : { type, reason }, lockVersion);
    return saved(type === 'ADVANCE' ? 'advanced' : 'saved');
  });
}

export async function inviteAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, keys } = parse(S.ZInvite, fd, { keys: fd.getAll('keys') });
    await inviteStakeholders(await by(), topicId, keys);
    return saved();
  });
}

export async function suggestionAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, ...input } = parse(S.ZSuggestion, fd);
    await addSuggestion(await by(), topicId, input);
    return saved();
  });
}

export async function planAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, budget, budgetLines, ...input } = parse(S.ZPlan, fd);
    await addPlanVersion(await by(), topicId, { ...input, budgetFen: budget, budgetLines });
    return saved();
  });
}

export async function recordAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, ...input } = parse(S.ZRecord, fd);
    await recordConsensus(await by(), topicId, input);
    return saved();
  });
}

export async function approvalAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, decision, comment } = parse(S.ZApproval, fd);
    await recordApproval(await by(), topicId, { approved: decision === 'approve', comment });
    return saved();
  });
}

export async function bodyTallyAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, ...t } = parse(S.ZBodyTally, fd);
    await recordMotionTally(await by(), topicId, { kind: 'BODY', ...t });
    return saved();
  });
}

export async function ownersTallyAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, ...t } = parse(S.ZOwnersTally, fd);
    await recordMotionTally(await by(), topicId, { kind: 'OWNERS', ...t });
    return saved();
  });
}

export async function bidAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, contractor, amount, note } = parse(S.ZBid, fd);
    await addBid(await by(), topicId, { contractor, amountFen: amount, note });
    return saved();
  });
}

export async function chooseBidAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, bidId, reason } = parse(S.ZChooseBid, fd);
    await chooseBid(await by(), topicId, bidId, reason);
    return saved();
  });
}

export async function actualCostAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, amount } = parse(S.ZActualCost, fd);
    await recordActualCost(await by(), topicId, amount);
    return saved();
  });
}

export async function taskAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, ...input } = parse(S.ZTask, fd);
    await addTask(await by(), topicId, input);
    return saved();
  });
}

export async function taskUpdateAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, taskId, kind, body } = parse(S.ZTaskUpdate, fd);
    const files = fd.getAll('photos').filter((f): f is File => f instanceof File && f.size > 0);
    const photos = await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer())));
    await updateTask(await by(), topicId, taskId, { kind, body, photos });
    return saved();
  });
}

export async function withdrawAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, entry, entryId, reason } = parse(S.ZWithdraw, fd);
    await (entry === 'task' ? withdrawTask : withdrawRecord)(await by(), topicId, entryId, reason);
    return saved('withdrawn');
  });
}

export async function resultNoticeAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId } = parse(S.ZTopicOnly, fd);
    await publishResultNotice(await by(), topicId);
    return saved();
  });
}

export async function expenseAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { topicId, item, amount, paidOn } = parse(S.ZExpense, fd);
    const file = fd.get('receipt');
    const receipt = file instanceof File && file.size > 0 ? { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) } : undefined;
    await addExpense(await by(), topicId, { item, amountFen: amount, paidOn, receipt });
    return saved();
  });
}
