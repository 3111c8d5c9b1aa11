'use client';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { markInboxReadAction } from '../actions';

/** Marks every notification read; a plain form, so it works before JavaScript loads. */
export function MarkReadButton({ text }: { text: string }) {
  return (
    <ActionForm action={markInboxReadAction} className="inline">
      {() => <SubmitButton variant="secondary">{text}</SubmitButton>}
    </ActionForm>
  );
}
