'use client';
import { ActionForm, Field, SubmitButton, TextArea } from '@/components/action-form';
import * as O from '../open-actions';

type TT = Record<string, string>;

/** 同意 with optional guidance (指导意见); the button says when the whole series is approved with it. */
export function ApproveForm({ meetingId, label, t }: { meetingId: number; label: string; t: TT }) {
  return (
    <ActionForm action={O.approveAction}>
      {(s) => (
        <>
          <input type="hidden" name="meetingId" value={meetingId} />
          <TextArea name="guidance" label={t.guidance!} rows={3} state={s} required={false} />
          <SubmitButton>{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** 退回 with a reason the branch will read. */
export function ReturnForm({ meetingId, label, t }: { meetingId: number; label: string; t: TT }) {
  return (
    <ActionForm action={O.returnAction}>
      {(s) => (
        <>
          <input type="hidden" name="meetingId" value={meetingId} />
          <TextArea name="reason" label={t.reason!} rows={3} state={s} />
          <button type="submit" className="min-h-12 rounded-lg border border-stone-400 bg-white px-5 text-lg">
            {label}
          </button>
        </>
      )}
    </ActionForm>
  );
}

/** The branch changes a returned proposal and proposes it again. */
export function ProposeAgainForm({
  meetingId,
  values,
  t,
}: {
  meetingId: number;
  values: { title: string; location: string; date: string; time: string };
  t: TT;
}) {
  return (
    <ActionForm action={O.proposeAgainAction}>
      {(s) => (
        <>
          <input type="hidden" name="meetingId" value={meetingId} />
          <Field name="title" label={t.titleField!} defaultValue={values.title} state={s} />
          <Field name="location" label={t.location!} defaultValue={values.location} state={s} />
          <div className="grid grid-cols-2 gap-3">
            <Field name="date" type="date" label={t.date!} defaultValue={values.date} state={s} />
            <Field name="time" type="time" label={t.time!} defaultValue={values.time} state={s} />
          </div>
          <SubmitButton>{t.proposeAgain}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
