'use client';
import { ActionForm, SubmitButton, TextArea } from '@/components/action-form';
import { answerPressAction } from '../supervise-actions';

/** The owner's answer to a press (催办), once. */
export function AnswerPressForm({ pressId, t }: { pressId: number; t: { label: string; answer: string } }) {
  return (
    <ActionForm action={answerPressAction}>
      {(state) => (
        <>
          <input type="hidden" name="pressId" value={pressId} />
          <TextArea name="answer" label={t.label} state={state} />
          <SubmitButton>{t.answer}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
