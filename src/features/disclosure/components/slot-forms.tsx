'use client';
import { ActionForm, Field, SubmitButton, TextArea } from '@/components/action-form';
import { FileField } from '@/components/upload-field';
import { boardPhotoAction, publishSlotAction, waiveSlotAction } from '../actions';

type TWords = Record<string, string>;

/** The filled template, for editing, then published to the board in the item's category. */
export function PublishForm({
  slot,
  title,
  body,
  t,
  noticeHref,
}: {
  slot: string;
  title: string;
  body: string;
  t: TWords;
  noticeHref: string;
}) {
  return (
    <ActionForm
      action={publishSlotAction}
      result={(s) =>
        s.ok && s.data ? (
          <a
            href={noticeHref.replace('ID', String((s.data as { noticeId: number }).noticeId))}
            className="mt-2 inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline"
          >
            {t.notice}
          </a>
        ) : null
      }
    >
      {(state) => (
        <>
          <input type="hidden" name="slot" value={slot} />
          <Field name="title" label={t.titleLabel!} state={state} defaultValue={state?.values?.title ?? title} />
          <TextArea name="body" label={t.bodyLabel!} state={state} rows={10} defaultValue={state?.values?.body ?? body} />
          <SubmitButton>{t.publish}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Nothing to disclose this time, with the reason (a waiver after the due day counts as late). */
export function WaiveForm({ slot, t }: { slot: string; t: TWords }) {
  return (
    <ActionForm action={waiveSlotAction}>
      {(state) => (
        <>
          <input type="hidden" name="slot" value={slot} />
          <Field name="reason" label={t.reason!} state={state} />
          <SubmitButton variant="secondary">{t.waive}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** The photo of the physical notice board: proof of posting offline (replaces an earlier one). */
export function PhotoForm({ slot, t }: { slot: string; t: TWords }) {
  return (
    <ActionForm action={boardPhotoAction}>
      {(state) => (
        <>
          <input type="hidden" name="slot" value={slot} />
          <FileField name="photo" kind="photo" label={t.photoLabel!} accept="image/jpeg,image/png" required state={state} />
          <SubmitButton variant="secondary">{t.photoSend}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
