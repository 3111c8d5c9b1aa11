'use client';
import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { megabytes, uploadRefusal, type TUploadKind, type TUploadRefusal } from '@/domain/files/upload-limits';
import { fillMessage } from '@/lib/fill-message';
import type { TFormState } from './action-form';

/** What the browser says about files, translated on the server (raw templates; no next-intl runtime in the browser). */
export type TUploadTexts = { tooLarge: string; tooMany: string; sendFailed: string; sending: string };

const Texts = createContext<TUploadTexts | null>(null);

/** Provided once by the layout, for every form of the page. */
export function UploadTexts({ value, children }: { value: TUploadTexts; children: ReactNode }) {
  return <Texts.Provider value={value}>{children}</Texts.Provider>;
}

export const useUploadTexts = () => useContext(Texts);

export const refusalText = (texts: TUploadTexts | null, r: TUploadRefusal): string =>
  fillMessage(texts ? texts[r.code === 'upload.tooLarge' ? 'tooLarge' : 'tooMany'] : r.code, r.values);

/** The files chosen in a form's file fields: how many bytes they make, and the first field over its limit. */
export function chosenFiles(form: HTMLFormElement): { bytes: number; refused: { field: string; refusal: TUploadRefusal } | null } {
  let bytes = 0;
  let refused: { field: string; refusal: TUploadRefusal } | null = null;
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="file"][data-upload]')) {
    const sizes = Array.from(input.files ?? [], (f) => f.size);
    bytes += sizes.reduce((a, b) => a + b, 0);
    const refusal = uploadRefusal(input.dataset.upload as TUploadKind, sizes);
    if (refusal && !refused) refused = { field: input.name, refusal };
  }
  return { bytes, refused };
}

/**
 * A file input with its form's limits (one table, src/domain/files/upload-limits.ts): a file too big, or too many, is
 * refused as soon as it is chosen, in the user's language, before anything is sent; the form refuses to send it too.
 */
export function FileField({
  name,
  kind,
  label,
  accept,
  multiple,
  required,
  state,
  id,
}: {
  name: string;
  kind: TUploadKind;
  label: string;
  accept?: string;
  multiple?: boolean;
  required?: boolean;
  state?: TFormState;
  id?: string;
}) {
  const texts = useUploadTexts();
  const [chosenError, setChosenError] = useState<string | null>(null);
  const auto = useId();
  const inputId = `${id ?? `file-${name}`}-${auto}`;
  const error = chosenError ?? state?.fields?.[name];
  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="block text-lg font-medium">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        type="file"
        accept={accept}
        multiple={multiple}
        required={required}
        data-upload={kind}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onChange={(e) => {
          const r = uploadRefusal(
            kind,
            Array.from(e.currentTarget.files ?? [], (f) => f.size),
          );
          setChosenError(r ? refusalText(texts, r) : null);
        }}
        className="block min-h-12 w-full text-lg"
      />
      {error && (
        <p id={`${inputId}-error`} className="text-base text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** While a form with files is being sent: how much, and for how long (server actions report no upload progress). */
export function SendingNote({ bytes }: { bytes: number }) {
  const texts = useUploadTexts();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p data-testid="form-sending" className="flex items-center gap-3 rounded-lg bg-stone-100 p-3 text-lg">
      <progress className="h-3 w-24 shrink-0" aria-hidden />
      {fillMessage(texts?.sending ?? '{size} MB', { size: megabytes(bytes), seconds })}
    </p>
  );
}
