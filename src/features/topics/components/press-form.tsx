'use client';
import { ActionForm, SubmitButton, TextArea } from '@/components/action-form';
import { pressAction, takeOverStepAction, takeOverTaskAction } from '../supervise-actions';

/** 催办 (decision 049): a late task (taskId) or the topic's current step, with a message to its owner. */
export function PressForm({ topicId, taskId, t }: { topicId: number; taskId?: number; t: { message: string; press: string } }) {
  return (
    <ActionForm action={pressAction}>
      {(state) => (
        <>
          <input type="hidden" name="topicId" value={topicId} />
          {taskId && <input type="hidden" name="taskId" value={taskId} />}
          <TextArea name="message" label={t.message} state={state} />
          <SubmitButton>{t.press}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/**
 * Take over (decision 049): a late task becomes the supervisor's own (the old owner stays on the timeline), or the
 * street's staff run the topic's late step. The use case checks the level and refuses a second take-over.
 */
export function TakeOverForm({ topicId, taskId, userId, label }: { topicId: number; taskId?: number; userId: number; label: string }) {
  return (
    <ActionForm action={taskId ? takeOverTaskAction : takeOverStepAction}>
      {() => (
        <>
          <input type="hidden" name="topicId" value={topicId} />
          {taskId && <input type="hidden" name="taskId" value={taskId} />}
          {taskId && <input type="hidden" name="owner" value={`PERSON:${userId}`} />}
          <SubmitButton>{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
