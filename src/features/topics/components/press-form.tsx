'use client';
import { ActionForm, SubmitButton, TextArea } from '@/components/action-form';
import { pressAction } from '../supervise-actions';

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
