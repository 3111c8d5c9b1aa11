'use client';
import { unstable_rethrow } from 'next/navigation';
import {
  createContext,
  useActionState,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  useTransition,
  type FormEvent,
  type ReactNode,
} from 'react';
import { chosenFiles, refusalText, SendingNote, useUploadTexts } from './upload-field';

/** `values`: what was typed, sent back with a refusal so that a form posted without JavaScript comes back filled. */
export type TFormState = {
  ok: boolean;
  message?: string;
  fields?: Record<string, string>;
  data?: unknown;
  values?: Record<string, string>;
} | null;
type TAction = (prev: TFormState, fd: FormData) => Promise<TFormState>;

const Pending = createContext(false);

/**
 * A form bound to a server action. It works before JavaScript loads (plain POST: the action's result, with what was
 * typed, comes back in the page); the result message is announced to screen readers; field errors appear under their
 * fields. With JavaScript the action is called by hand, never through React's form action, which resets the form after
 * every action (even a refused one) and sends a failed request to the error page: here nothing typed is lost, whether
 * the server refuses, a file is too big (refused before sending) or the connection fails. A form with files says how
 * much it is sending while it sends (decision 037).
 */
export function ActionForm({
  action,
  children,
  className,
  result,
}: {
  action: TAction;
  children: (state: TFormState) => ReactNode;
  className?: string;
  result?: (state: NonNullable<TFormState>) => ReactNode;
}) {
  const [served, formAction] = useActionState(action, null);
  const [answered, setAnswered] = useState<{ state: TFormState } | null>(null);
  const [pending, startSending] = useTransition();
  const [sending, setSending] = useState(0);
  const texts = useUploadTexts();
  const state = answered ? answered.state : served;
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
    // After a refusal the first field in error takes the focus (issue 20): the keyboard and the screen reader are
    // where the fix is needed, and the message at the foot names that field. Radios (no aria-invalid) say data-invalid.
    else if (state?.fields) form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid]')?.focus();
  }, [state]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    const { bytes, refused } = chosenFiles(e.currentTarget);
    if (refused) {
      const message = refusalText(texts, refused.refusal);
      setAnswered({ state: { ok: false, message } });
      return;
    }
    setSending(bytes);
    startSending(async () => {
      let next: TFormState;
      try {
        next = await action(null, fd);
      } catch (err) {
        // A redirect (e.g. the session ended) is Next's to follow; anything else is the connection or the server.
        unstable_rethrow(err);
        next = { ok: false, message: texts?.sendFailed ?? String(err) };
      }
      startSending(() => setAnswered({ state: next }));
    });
  };
  return (
    <form ref={form} action={formAction} onSubmit={submit} className={className ?? 'space-y-4'} noValidate>
      <Pending.Provider value={pending}>{children(state)}</Pending.Provider>
      {pending && sending > 0 && <SendingNote bytes={sending} />}
      <div role="status" aria-live="polite">
        {state?.message && (
          <p className={`rounded-lg p-3 text-lg ${state.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}>{state.message}</p>
        )}
        {state && result?.(state)}
      </div>
    </form>
  );
}

export function Field({
  name,
  label,
  type = 'text',
  state,
  autoComplete,
  defaultValue,
  inputMode,
  required = true,
}: {
  name: string;
  label: string;
  type?: string;
  state: TFormState;
  autoComplete?: string;
  defaultValue?: string;
  inputMode?: 'numeric' | 'tel' | 'text';
  required?: boolean;
}) {
  const error = state?.fields?.[name];
  // Unique per field instance: several forms on one page may have fields of the same name.
  const id = `f-${name}-${useId()}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-lg font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        // A password is never refilled, whatever came back.
        defaultValue={type === 'password' ? undefined : (state?.values?.[name] ?? defaultValue)}
        inputMode={inputMode}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg aria-invalid:border-red-700"
      />
      {error && (
        <p id={`${id}-error`} className="text-base text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** A multi-line field with its label, an optional hint and its error, like Field. */
export function TextArea({
  name,
  label,
  state,
  rows = 4,
  defaultValue,
  hint,
  required = true,
}: {
  name: string;
  label: string;
  state: TFormState;
  rows?: number;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
}) {
  const error = state?.fields?.[name];
  // Unique per instance: a page may hold several forms with a field of the same name (task updates).
  const id = `t-${name}-${useId()}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-lg font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-base text-stone-700">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={state?.values?.[name] ?? defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        className="w-full rounded-lg border border-stone-400 bg-white p-3 text-lg aria-invalid:border-red-700"
      />
      {error && (
        <p id={`${id}-error`} className="text-base text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** The form's button; several in one form tell the action which was pressed by name and value. */
export function SubmitButton({
  children,
  pendingText,
  name,
  value,
  variant = 'primary',
}: {
  children: ReactNode;
  pendingText?: string;
  name?: string;
  value?: string;
  variant?: 'primary' | 'secondary';
}) {
  const pending = useContext(Pending);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      className={
        variant === 'primary'
          ? 'min-h-12 w-full rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto'
          : 'min-h-12 w-full rounded-lg border border-brand-700 bg-white px-5 text-lg font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60 sm:w-auto'
      }
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

export function Select({
  name,
  label,
  options,
  state,
  defaultValue,
  placeholder,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  state: TFormState;
  defaultValue?: string;
  /**
   * An empty first choice ("请选择"), for choices that give someone a right or decide where something goes (a category,
   * a rating, a relation to a home): nothing is chosen until the person chooses (issue 20, item 8).
   */
  placeholder?: string;
}) {
  const error = state?.fields?.[name];
  const id = `f-${name}-${useId()}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-lg font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={state?.values?.[name] ?? defaultValue ?? (placeholder !== undefined ? '' : undefined)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg aria-invalid:border-red-700"
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="text-base text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** A large checkbox; after a refusal it comes back as it was sent (`state`). */
export function Checkbox({
  name,
  label,
  defaultChecked,
  state,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
  state?: TFormState;
}) {
  const checked = state?.values ? state.values[name] !== undefined : defaultChecked;
  return (
    <label className="flex min-h-12 items-center gap-3 text-lg">
      <input type="checkbox" name={name} defaultChecked={checked} className="size-6 shrink-0" />
      {label}
    </label>
  );
}

/**
 * 128 random bits as hex. `crypto.randomUUID` exists only on HTTPS or localhost; a street office's LAN address
 * over plain HTTP has only `getRandomValues`.
 */
function newFormKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The form's idempotency key (hidden field): a double tap, or a retry after a lost answer, sends the
 * same key and the server makes one record; after a success the next submission gets a new key.
 * Without JavaScript the key comes with the page, so each page load submits once.
 */
export function FormKey({ state }: { state: TFormState }) {
  const [key, setKey] = useState(newFormKey);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setKey(newFormKey());
  }
  return <input type="hidden" name="idempotencyKey" value={key} />;
}

/** A group of large checkboxes under one legend (people to invite, issues to take up, buildings concerned). */
export function CheckboxGroup({
  name,
  legend,
  hint,
  items,
}: {
  name: string;
  legend: string;
  hint?: string;
  items: { value: string | number; label: string; checked?: boolean }[];
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-lg font-medium">{legend}</legend>
      {hint && <p className="text-base text-stone-700">{hint}</p>}
      {items.map((i) => (
        <label key={i.value} className="flex min-h-12 items-center gap-3 text-lg">
          <input type="checkbox" name={name} value={i.value} defaultChecked={i.checked} className="size-6 shrink-0" />
          {i.label}
        </label>
      ))}
    </fieldset>
  );
}
