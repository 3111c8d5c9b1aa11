'use client';
import { ActionForm, Checkbox, Field, SubmitButton, TextArea } from '@/components/action-form';
import { commentAction, discussionSummaryAction, hideCommentAction } from '../discussion-actions';

type TT = Record<string, string>;

/** A comment, or a reply to one (parentId): the step it is posted in goes with it, so a step that moved on refuses it. */
export function CommentForm({ topicId, stepIndex, parentId, t }: { topicId: number; stepIndex: number; parentId?: number; t: TT }) {
  return (
    <ActionForm action={commentAction}>
      {(s) => (
        <>
          <input type="hidden" name="topicId" value={topicId} />
          <input type="hidden" name="stepIndex" value={stepIndex} />
          {parentId && <input type="hidden" name="parentId" value={parentId} />}
          <TextArea name="body" label={parentId ? t.replyBody! : t.body!} state={s} rows={parentId ? 2 : 3} />
          <Checkbox name="anonymous" label={t.anonymous!} state={s} />
          <SubmitButton>{parentId ? t.replySubmit : t.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function HideCommentForm({ commentId, t }: { commentId: number; t: TT }) {
  return (
    <ActionForm action={hideCommentAction}>
      {(s) => (
        <>
          <input type="hidden" name="commentId" value={commentId} />
          <Field name="reason" label={t.hideReason!} state={s} />
          <SubmitButton>{t.hideSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function SummaryForm({ topicId, stepIndex, t }: { topicId: number; stepIndex: number; t: TT }) {
  return (
    <ActionForm action={discussionSummaryAction}>
      {(s) => (
        <>
          <input type="hidden" name="topicId" value={topicId} />
          <input type="hidden" name="stepIndex" value={stepIndex} />
          <TextArea name="summary" label={t.summaryBody!} state={s} rows={4} />
          <SubmitButton>{t.summarySubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
