'use client';
import { Checkbox, Select, TextArea, type TFormState } from '@/components/action-form';

type TT = Record<string, string>;

/**
 * The schedule form's residents' meeting and owners' committee fields (decision 068): who is entitled, with no
 * preselected answer (required for a residents' meeting, ignored otherwise), and the reason and confirmation an owners'
 * committee meeting needs when called with less than 7 days' notice (the refusal names the earliest date).
 */
export function ResidentsScheduleFields({ t, state }: { t: TT; state: TFormState }) {
  return (
    <>
      <Select
        name="electorate"
        label={t.electorate!}
        placeholder={t.electorateChoose!}
        options={['HOUSEHOLDS', 'ADULT_RESIDENTS', 'GROUP_REPRESENTATIVES'].map((e) => ({ value: e, label: t[`electorate_${e}`]! }))}
        state={state}
      />
      <fieldset className="space-y-2 rounded-lg border border-stone-300 p-3">
        <legend className="px-1 text-lg font-medium">{t.shortNoticeReason}</legend>
        <p className="text-base text-stone-700">{t.shortNoticeHint}</p>
        <TextArea name="shortNoticeReason" label={t.shortNoticeReason!} state={state} rows={2} required={false} />
        <Checkbox name="shortNoticeConfirm" label={t.shortNoticeConfirm!} state={state} />
      </fieldset>
    </>
  );
}
