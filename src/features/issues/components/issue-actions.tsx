'use client';
import { ActionForm, Field, FormKey, Select, SubmitButton } from '@/components/action-form';
import type { TIssueState } from '@/domain/issues/lifecycle';
import { primaryHandlerStep } from '@/domain/issues/primary-step';
import { issueEventAction, mergeIssuesAction, splitIssueAction } from '../actions';

type T = Record<string, string>;

/** One small form per step the viewer may take; the server decides again whether it is allowed. */
function Step({
  issueId,
  type,
  label,
  t,
  text,
  primary,
}: {
  issueId: number;
  type: string;
  label: string;
  t: T;
  text?: 'message' | 'reason';
  primary?: boolean;
}) {
  return (
    <ActionForm action={issueEventAction} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
      {(s) => (
        <>
          <input type="hidden" name="issueId" value={issueId} />
          <input type="hidden" name="type" value={type} />
          {text && <Field name={text} label={text === 'message' ? t.message! : t.reason!} state={s} />}
          <SubmitButton variant={primary === false ? 'secondary' : 'primary'}>{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** The handler's steps: the one expected in this state is the primary button, the others secondary (issue 20). */
export function HandlerActions({ issueId, state, canTakeOver, t }: { issueId: number; state: string; canTakeOver: boolean; t: T }) {
  const primary = primaryHandlerStep(state as TIssueState);
  const step = (type: string, label: string, text?: 'message' | 'reason') => (
    <Step issueId={issueId} type={type} label={label} t={t} text={text} primary={type === primary} />
  );
  return (
    <div className="space-y-2" data-testid="handler-actions">
      {(state === 'SUBMITTED' || state === 'REOPENED') && step('ACKNOWLEDGE', t.acknowledge!)}
      {(state === 'ACKNOWLEDGED' || state === 'REOPENED') && step('START', t.start!)}
      {step('RESOLVE', t.resolve!, 'message')}
      {step('ESCALATE', t.escalate!, 'reason')}
      {step('CLOSE_UNFIXED', t.closeUnfixed!, 'reason')}
      {canTakeOver && step('TAKE_OVER', t.takeOver!)}
    </div>
  );
}

export function RateForm({ issueId, t, ratings }: { issueId: number; t: T; ratings: { value: string; label: string }[] }) {
  return (
    <ActionForm action={issueEventAction} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
      {(s) => (
        <>
          <input type="hidden" name="issueId" value={issueId} />
          <input type="hidden" name="type" value="RATE" />
          <Select name="rating" label={t.rate!} placeholder={t.ratingChoose!} options={ratings} state={s} />
          <Field name="comment" label={t.comment!} state={s} required={false} />
          <SubmitButton>{t.submitRating}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ReopenForm({ issueId, t }: { issueId: number; t: T }) {
  return <Step issueId={issueId} type="REOPEN" label={t.reopen!} t={t} text="reason" />;
}

export function MergeSplitForms({ issueId, t }: { issueId: number; t: T }) {
  return (
    <div className="space-y-2">
      <details className="rounded-lg border border-stone-200 bg-white p-3">
        <summary className="min-h-11 cursor-pointer py-2 text-lg text-brand-700">{t.merge}</summary>
        <ActionForm action={mergeIssuesAction} className="space-y-2">
          {(s) => (
            <>
              <input type="hidden" name="issueId" value={issueId} />
              <Field name="ids" label={t.mergeIds!} state={s} inputMode="numeric" />
              <SubmitButton>{t.mergeSubmit}</SubmitButton>
            </>
          )}
        </ActionForm>
      </details>
      <details className="rounded-lg border border-stone-200 bg-white p-3">
        <summary className="min-h-11 cursor-pointer py-2 text-lg text-brand-700">{t.split}</summary>
        <ActionForm action={splitIssueAction} className="space-y-2">
          {(s) => (
            <>
              <input type="hidden" name="issueId" value={issueId} />
              <FormKey state={s} />
              <Field name="title" label={t.splitTitle!} state={s} />
              <Field name="description" label={t.splitDescription!} state={s} />
              <SubmitButton>{t.splitSubmit}</SubmitButton>
            </>
          )}
        </ActionForm>
      </details>
    </div>
  );
}
