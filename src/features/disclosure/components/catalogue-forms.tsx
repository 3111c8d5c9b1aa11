'use client';
import { ActionForm, Field, FormKey, Select, SubmitButton, TextArea } from '@/components/action-form';
import { copyDefaultAction, createItemAction, recordEventAction, retireItemAction } from '../actions';

type TWords = Record<string, string>;
type TOption = { value: string; label: string };

/** Copies the default catalogue of 三务公开 into a district that has none, from a day. */
export function CopyDefaultForm({ districtId, today, t }: { districtId: number; today: string; t: TWords }) {
  return (
    <ActionForm action={copyDefaultAction}>
      {(state) => (
        <>
          <input type="hidden" name="districtId" value={districtId} />
          <Field name="startsOn" type="date" label={t.startsOn!} state={state} defaultValue={today} />
          <SubmitButton>{t.copyDefault}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** A new item: category, discloser and cadence chosen by the person (none preselected), the days, the templates. */
export function ItemForm({
  districtId,
  today,
  t,
  options,
}: {
  districtId: number;
  today: string;
  t: TWords;
  options: Record<'category' | 'discloser' | 'cadence', TOption[]>;
}) {
  return (
    <ActionForm action={createItemAction}>
      {(state) => (
        <>
          <FormKey state={state} />
          <input type="hidden" name="districtId" value={districtId} />
          <Field name="name" label={t.name!} state={state} />
          <Select name="category" label={t.categoryLabel!} options={options.category} state={state} placeholder={t.choose} />
          <Select name="discloser" label={t.discloserLabel!} options={options.discloser} state={state} placeholder={t.choose} />
          <Select name="cadence" label={t.cadenceLabel!} options={options.cadence} state={state} placeholder={t.choose} />
          <Field name="withinDays" label={t.withinDays!} inputMode="numeric" state={state} required={false} />
          <Field name="graceDays" label={t.graceDays!} inputMode="numeric" state={state} required={false} />
          <Field name="periodDays" label={t.periodDays!} inputMode="numeric" state={state} required={false} defaultValue="7" />
          <Field name="titleTemplate" label={t.titleTemplate!} state={state} />
          <TextArea name="bodyTemplate" label={t.bodyTemplate!} state={state} required={false} hint={t.placeholders} />
          <Field name="startsOn" type="date" label={t.startsOn!} state={state} defaultValue={today} />
          <SubmitButton>{t.add}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RetireForm({ itemId, label }: { itemId: number; label: string }) {
  return (
    <ActionForm action={retireItemAction}>
      {() => (
        <>
          <input type="hidden" name="itemId" value={itemId} />
          <SubmitButton variant="secondary">{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Records an event that opens a "within N days" slot: which item at which place (none preselected), the day, what. */
export function EventForm({ targets, today, t }: { targets: TOption[]; today: string; t: TWords }) {
  return (
    <ActionForm action={recordEventAction}>
      {(state) => (
        <>
          <FormKey state={state} />
          <Select name="target" label={t.item!} options={targets} state={state} placeholder={t.choose} />
          <Field name="occurredOn" type="date" label={t.occurredOn!} state={state} defaultValue={today} />
          <Field name="description" label={t.description!} state={state} />
          <SubmitButton>{t.record}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
