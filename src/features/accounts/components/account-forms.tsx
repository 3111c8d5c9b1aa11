'use client';
import { ActionForm, Checkbox, Field, Select, SubmitButton } from '@/components/action-form';
import {
  changePasswordAction,
  channelsAction,
  claimAction,
  confirmRegistrationAction,
  emailAction,
  registerAction,
  resetPasswordAction,
} from '../actions';

type TLabels = Record<string, string>;

/** Registration step 1: details and the compound; a code goes to the number (decision 030). */
export function RegisterForm({ t, compounds }: { t: TLabels; compounds: { value: string; label: string }[] }) {
  return (
    <ActionForm action={registerAction}>
      {(s) => (
        <>
          <Field name="name" label={t.name!} state={s} autoComplete="name" />
          <Field name="phone" label={t.phone!} type="tel" inputMode="tel" state={s} autoComplete="tel" />
          <Field name="password" label={t.password!} type="password" state={s} autoComplete="new-password" />
          <Field name="confirm" label={t.confirm!} type="password" state={s} autoComplete="new-password" />
          <Select name="compoundId" label={t.compound!} placeholder={t.compoundChoose!} options={compounds} state={s} />
          <SubmitButton>{t.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Registration step 2: the code from the text message. */
export function RegisterCodeForm({ t }: { t: TLabels }) {
  return (
    <ActionForm action={confirmRegistrationAction}>
      {(s) => (
        <>
          <Field name="phone" label={t.phone!} type="tel" inputMode="tel" state={s} autoComplete="tel" />
          <Field name="code" label={t.code!} inputMode="numeric" state={s} autoComplete="one-time-code" />
          <SubmitButton>{t.finish}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ResetForm({ t }: { t: TLabels }) {
  return (
    <ActionForm action={resetPasswordAction}>
      {(s) => (
        <>
          <Field name="phone" label={t.phone!} type="tel" inputMode="tel" state={s} autoComplete="tel" />
          <Field name="code" label={t.code!} state={s} autoComplete="one-time-code" />
          <Field name="password" label={t.password!} type="password" state={s} autoComplete="new-password" />
          <Field name="confirm" label={t.confirm!} type="password" state={s} autoComplete="new-password" />
          <SubmitButton>{t.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** The relation to the home starts unchosen (it decides voting rights: issue 20, item 8); a refusal keeps what was chosen. */
export function ClaimForm({ t, relations }: { t: TLabels; relations: { value: string; label: string }[] }) {
  return (
    <ActionForm action={claimAction}>
      {(s) => (
        <>
          <Field name="code" label={t.code!} state={s} autoComplete="one-time-code" />
          <fieldset className="space-y-2" aria-describedby={s?.fields?.relation ? 'claim-relation-error' : undefined}>
            <legend className="text-lg font-medium">{t.relation}</legend>
            <div className="flex flex-wrap gap-2">
              {relations.map((r) => (
                <label key={r.value} className="flex min-h-12 items-center gap-2 rounded-lg border border-stone-300 bg-white px-4 text-lg">
                  <input
                    type="radio"
                    name="relation"
                    value={r.value}
                    defaultChecked={s?.values?.relation === r.value}
                    data-invalid={s?.fields?.relation ? true : undefined}
                    className="size-5"
                  />
                  {r.label}
                </label>
              ))}
            </div>
            {s?.fields?.relation && (
              <p id="claim-relation-error" className="text-base text-red-800">
                {s.fields.relation}
              </p>
            )}
          </fieldset>
          <SubmitButton>{t.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ChangePasswordForm({ t }: { t: TLabels }) {
  return (
    <ActionForm action={changePasswordAction}>
      {(s) => (
        <>
          <Field name="current" label={t.current!} type="password" state={s} autoComplete="current-password" />
          <Field name="password" label={t.password!} type="password" state={s} autoComplete="new-password" />
          <Field name="confirm" label={t.confirm!} type="password" state={s} autoComplete="new-password" />
          <SubmitButton>{t.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function EmailForm({ t, current }: { t: TLabels; current: string | null }) {
  return (
    <ActionForm action={emailAction}>
      {(s) => (
        <>
          <Field name="email" label={t.label!} type="email" state={s} autoComplete="email" defaultValue={current ?? ''} required={false} />
          <SubmitButton>{t.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/**
 * Channels per group of messages (decision 056): two boxes a group, plus the digest for staff. A plain form post: works
 * without JavaScript. After a refusal the boxes come back as they were sent.
 */
export function ChannelsForm({
  t,
  groups,
  channels,
  digest,
}: {
  t: TLabels;
  groups: { key: string; label: string; on: Record<string, boolean> }[];
  channels: { key: string; label: string }[];
  digest: { checked: boolean } | null;
}) {
  return (
    <ActionForm action={channelsAction}>
      {(s) => (
        <>
          {groups.map((g) => (
            <fieldset key={g.key} className="rounded-lg border border-stone-200 bg-white p-3">
              <legend className="px-1 text-lg font-medium">{g.label}</legend>
              <div className="flex flex-wrap gap-x-8">
                {channels.map((c) => (
                  <Checkbox key={c.key} name={`${g.key}.${c.key}`} label={c.label} defaultChecked={g.on[c.key]} state={s} />
                ))}
              </div>
            </fieldset>
          ))}
          {digest && <Checkbox name="digest" label={t.digest!} defaultChecked={digest.checked} state={s} />}
          <SubmitButton>{t.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
