'use client';
import { ActionForm, Checkbox, Field, Select, SubmitButton } from '@/components/action-form';
import { savePartyMemberAction } from '../actions';

export function PartyMemberForm({ t, orgs }: { t: Record<string, string>; orgs: { value: string; label: string }[] }) {
  return (
    <ActionForm action={savePartyMemberAction}>
      {(s) => (
        <>
          <Select name="partyOrgId" label={t.org!} options={orgs} state={s} />
          <Field name="name" label={t.name!} state={s} />
          <Field name="phone" label={t.phone!} type="tel" inputMode="tel" state={s} />
          <Field name="workUnit" label={t.workUnit!} state={s} required={false} />
          <Checkbox name="dualRegistered" label={t.dualRegistered!} />
          <Checkbox name="mobile" label={t.mobile!} />
          <Field name="servicePost" label={t.servicePost!} state={s} required={false} />
          <Field name="skills" label={t.skills!} state={s} required={false} />
          <Field name="interests" label={t.interests!} state={s} required={false} />
          <Field name="intentions" label={t.intentions!} state={s} required={false} />
          <SubmitButton>{t.save}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
