'use client';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { TFormState } from '@/components/action-form';
import { chosenFiles, refusalText, useUploadTexts } from '@/components/upload-field';

type TAction = (prev: TFormState, fd: FormData) => Promise<TFormState>;

/**
 * The two steps of every import (the roster and each bulk import): "检查文件" previews, "确认导入" imports. React resets a
 * form after an action, which would empty the file input between the two: the form is dispatched by hand instead (the
 * buttons' formAction still serves browsers without JavaScript). A file over the limit is refused before it is sent.
 */
export function useImportSteps(previewAction: TAction, importAction: TAction) {
  const [preview, previewDispatch, previewPending] = useActionState<TFormState, FormData>(previewAction, null);
  const [imported, importDispatch, importPending] = useActionState<TFormState, FormData>(importAction, null);
  const [refused, setRefused] = useState<string | null>(null);
  const texts = useUploadTexts();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const which = (e.nativeEvent as SubmitEvent).submitter?.dataset.step;
    const chosen = chosenFiles(e.currentTarget).refused;
    setRefused(chosen && refusalText(texts, chosen.refusal));
    if (chosen) return;
    startTransition(() => (which === 'import' ? importDispatch(fd) : previewDispatch(fd)));
  };
  return { preview, imported, refused, submit, previewDispatch, importDispatch, pending: previewPending || importPending };
}

/** The two buttons (import only after a preview without errors) and the progress line while either runs. */
export function ImportButtons({
  t,
  steps,
}: {
  t: Record<string, string>;
  steps: Pick<ReturnType<typeof useImportSteps>, 'preview' | 'previewDispatch' | 'importDispatch' | 'pending'>;
}) {
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <button
          formAction={steps.previewDispatch}
          data-step="preview"
          className="min-h-12 rounded-lg border border-brand-700 bg-white px-5 text-lg font-semibold text-brand-700"
        >
          {t.preview}
        </button>
        <button
          formAction={steps.importDispatch}
          data-step="import"
          disabled={!steps.preview?.ok}
          className="min-h-12 rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white disabled:opacity-50"
        >
          {t.import}
        </button>
      </div>
      {steps.pending && (
        <p className="flex items-center gap-3 text-lg">
          <progress className="h-3 w-48" aria-label={t.importing} />
          {t.importing}
        </p>
      )}
    </>
  );
}
