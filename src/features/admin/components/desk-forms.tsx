'use client';
import { ActionForm, Field, Select, SubmitButton } from '@/components/action-form';
import { deskAccountAction, resetByPhoneAction } from '../actions';
import { CodeSlip, type TCodeSlip } from './code-slip';
import { CompoundPicker, type TCompoundOption } from './compound-picker';

export function DeskAccountForm({
  compounds,
  t,
  relations,
}: {
  compounds: TCompoundOption[];
  t: Record<string, string>;
  relations: { value: string; label: string }[];
}) {
  return (
    <ActionForm
      action={deskAccountAction}
      result={(s) => (s.ok && s.data ? <CodeSlip slip={s.data as TCodeSlip} t={t} title={t.slipCreated!} /> : null)}
    >
      {(s) => (
        <>
          <CompoundPicker compounds={compounds} t={t} />
          <div className="grid grid-cols-3 gap-2">
            <Field name="building" label={t.building!} state={s} />
            <Field name="unitNo" label={t.unitNo!} state={s} defaultValue="1" />
            <Field name="roomNo" label={t.roomNo!} state={s} />
          </div>
          <Select name="relation" label={t.relation!} placeholder={t.relationChoose!} options={relations} state={s} />
          <Field name="name" label={t.name!} state={s} />
          <Field name="phone" label={t.phone!} type="tel" inputMode="tel" state={s} />
          <SubmitButton>{t.create}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ResetByPhoneForm({ t }: { t: Record<string, string> }) {
  return (
    <ActionForm
      action={resetByPhoneAction}
      result={(s) => (s.ok && s.data ? <CodeSlip slip={s.data as TCodeSlip} t={t} title={t.slipReset!} /> : null)}
    >
      {(s) => (
        <>
          <Field name="phone" label={t.phone!} type="tel" inputMode="tel" state={s} />
          <label className="flex min-h-12 items-center gap-3 text-lg">
            <input type="checkbox" name="smsToPhone" className="h-6 w-6" />
            {t.resetSmsToPhone}
          </label>
          <SubmitButton>{t.resetSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
