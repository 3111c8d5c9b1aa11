'use client';
import { ActionForm, Select, SubmitButton } from '@/components/action-form';
import { placeIntakeAction } from '../actions';

/** One unplaced hotline request: choose its compound and store it as an issue. Works without JavaScript. */
export function PlaceIntakeForm({
  intakeId,
  compounds,
  t,
}: {
  intakeId: number;
  compounds: { value: string; label: string }[];
  t: Record<string, string>;
}) {
  return (
    <ActionForm action={placeIntakeAction}>
      {(s) => (
        <>
          <input type="hidden" name="intakeId" value={intakeId} />
          <Select name="compoundId" label={t.compound!} options={compounds} state={s} placeholder={t.choose!} />
          <SubmitButton>{t.place}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
