'use client';
import { ActionForm, Checkbox, Field, FormKey, Select, SubmitButton, type TFormState } from '@/components/action-form';
import * as O from '../open-actions';

type TT = Record<string, string>;
type TOption = { value: string; label: string };

/** The schedule form's "open" box (decision 067): residents of the place sign in without an invitation. */
export function OpenCheckbox({ label, state }: { label: string; state: TFormState }) {
  return <Checkbox name="open" label={label} state={state} />;
}

/** Staff record a walk-in by name: counted in 参与人次. A double tap records one (the form's key). */
export function WalkInForm({ meetingId, t }: { meetingId: number; t: TT }) {
  return (
    <ActionForm action={O.walkInAction}>
      {(s) => (
        <>
          <FormKey state={s} />
          <input type="hidden" name="meetingId" value={meetingId} />
          <Field name="name" label={t.walkInName!} state={s} autoComplete="off" />
          <SubmitButton>{t.add}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Staff pick a resident of the chosen building from the roster (the building is chosen by a plain GET form first). */
export function RosterPickForm({ meetingId, people, t }: { meetingId: number; people: TOption[]; t: TT }) {
  return (
    <ActionForm action={O.walkInAction}>
      {(s) => (
        <>
          <FormKey state={s} />
          <input type="hidden" name="meetingId" value={meetingId} />
          <Select name="personId" label={t.person!} options={people} placeholder={t.person!} state={s} />
          <SubmitButton>{t.addResident}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
