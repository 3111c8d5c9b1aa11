'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { clientOf } from '@/server/auth/client';
import type { TFormState } from '@/components/action-form';
import { formObject } from '@/features/shared/forms';
import { runAction } from '@/features/shared/action-result';
import { actionBy, actionUser } from '@/features/shared/guards';
import { refuse } from '@/server/errors';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { raiseIssue } from '@/server/issues/raise-issue';
import { markInboxRead } from '@/server/issues/read-issues';
import { ZIssueEvent, ZMerge, ZRaiseIssue, ZSplit } from './schemas';
import { mergeIssues, splitIssue } from '@/server/issues/merge-split';

const by = actionBy;

export async function raiseIssueAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZRaiseIssue.parse(formObject(fd));
    const files = fd.getAll('photos').filter((f): f is File => f instanceof File && f.size > 0);
    const photos = await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer())));
    const { id } = await raiseIssue(await by(), { ...input, photos, client: clientOf(await headers()) });
    return { ok: true, message: (await getTranslations('issues.raise'))('done', { id }), data: { id } };
  });
}

export async function issueEventAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { issueId, ...event } = ZIssueEvent.parse(formObject(fd));
    await actOnIssue(await by(), issueId, event);
    revalidatePath('/[locale]/issues/[id]', 'page');
    return { ok: true, message: (await getTranslations('issues.detail'))('done') };
  });
}

export async function markInboxReadAction(): Promise<TFormState> {
  return runAction(async () => {
    const user = (await actionUser()) ?? refuse('auth.signedOut');
    await markInboxRead(user!.id);
    revalidatePath('/[locale]/inbox', 'page');
    return { ok: true };
  });
}

export async function mergeIssuesAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { issueId, ids } = ZMerge.parse(formObject(fd));
    await mergeIssues(await by(), issueId, ids);
    revalidatePath('/[locale]/issues/[id]', 'page');
    return { ok: true, message: (await getTranslations('issues.detail'))('done') };
  });
}

export async function splitIssueAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { issueId, ...input } = ZSplit.parse(formObject(fd));
    const { id } = await splitIssue(await by(), issueId, input);
    return { ok: true, message: (await getTranslations('issues.raise'))('done', { id }) };
  });
}
