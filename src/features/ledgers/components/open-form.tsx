'use client';
import { ActionForm, Field, FormKey, Select, SubmitButton } from '@/components/action-form';
import { openLedgerAction } from '../actions';

type TOption = { value: string; label: string };

/** 开设明白账 (decision 071): kind and place start unchosen — both decide who keeps the ledger and who reads it. */
export function OpenLedgerForm({ t, kinds, places }: { t: Record<string, string>; kinds: TOption[]; places: TOption[] }) {
  return (
    <ActionForm action={openLedgerAction}>
      {(state) => (
        <>
          <FormKey state={state} />
          <Select name="kind" label={t.kind!} options={kinds} state={state} placeholder={t.choose} />
          <Select name="place" label={`${t.place}（${t.placeHint}）`} options={places} state={state} placeholder={t.choose} />
          <Field name="name" label={t.name!} state={state} />
          <Field name="opening" label={t.opening!} state={state} inputMode="text" required={false} />
          <Field name="openingDay" label={t.openingDay!} type="date" state={state} required={false} />
          <SubmitButton>{t.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
