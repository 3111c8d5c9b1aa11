'use client';
import { useId } from 'react';
import { ActionForm, Field, SubmitButton, type TFormState } from '@/components/action-form';
import {
  assignOrganizationAction,
  createFirmStaffAction,
  endAssignmentAction,
  endFirmStaffAction,
  registerOrganizationAction,
  updateOrganizationAction,
} from '../actions';

type TOption = { value: string; label: string };
type TTexts = Record<string, string>;
const SELECT = 'min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg';

function Select({ name, label, options, defaultValue }: { name: string; label: string; options: TOption[]; defaultValue?: string }) {
  // Unique per instance: every organisation on the page has its own forms with these fields.
  const id = `s-${name}-${useId()}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-lg font-medium">
        {label}
      </label>
      <select id={id} name={name} className={SELECT} defaultValue={defaultValue}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type TOrgValues = { kind: string; name: string; creditCode: string | null; phone: string | null; hasPartyOrg: boolean };

function OrganizationFields({ t, kinds, values, s }: { t: TTexts; kinds: TOption[]; values?: TOrgValues; s: TFormState }) {
  return (
    <>
      <Select name="kind" label={t.kind!} options={kinds} defaultValue={values?.kind} />
      <Field name="name" label={t.name!} state={s} defaultValue={values?.name} />
      <Field name="creditCode" label={t.creditCode!} state={s} required={false} defaultValue={values?.creditCode ?? undefined} />
      <Field
        name="phone"
        label={t.phone!}
        type="tel"
        inputMode="tel"
        state={s}
        required={false}
        defaultValue={values?.phone ?? undefined}
      />
      <label className="flex min-h-12 items-center gap-3 text-lg">
        <input type="checkbox" name="hasPartyOrg" defaultChecked={values?.hasPartyOrg} className="h-6 w-6" />
        {t.hasPartyOrg}
      </label>
    </>
  );
}

export function RegisterOrganizationForm({ t, kinds, districts }: { t: TTexts; kinds: TOption[]; districts: TOption[] }) {
  return (
    <ActionForm action={registerOrganizationAction}>
      {(s) => (
        <>
          {districts.length > 1 ? (
            <Select name="districtId" label={t.district!} options={districts} />
          ) : (
            <input type="hidden" name="districtId" value={districts[0]?.value ?? ''} />
          )}
          <OrganizationFields t={t} kinds={kinds} s={s} />
          <SubmitButton>{t.register}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function EditOrganizationForm({ t, kinds, id, values }: { t: TTexts; kinds: TOption[]; id: number; values: TOrgValues }) {
  return (
    <ActionForm action={updateOrganizationAction}>
      {(s) => (
        <>
          <input type="hidden" name="organizationId" value={id} />
          <OrganizationFields t={t} kinds={kinds} values={values} s={s} />
          <SubmitButton>{t.save}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AssignForm({
  t,
  id,
  relations,
  places,
  today,
}: {
  t: TTexts;
  id: number;
  relations: TOption[];
  places: TOption[];
  today: string;
}) {
  return (
    <ActionForm action={assignOrganizationAction}>
      {(s) => (
        <>
          <input type="hidden" name="organizationId" value={id} />
          <Select name="place" label={t.place!} options={places} />
          <Select name="relation" label={t.relation!} options={relations} />
          <Field name="startsOn" label={t.startsOn!} type="date" state={s} defaultValue={today} />
          <Field name="endsOn" label={t.endsOn!} type="date" state={s} required={false} />
          <SubmitButton>{t.assign}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function EndAssignmentForm({ t, assignmentId, today }: { t: TTexts; assignmentId: number; today: string }) {
  return (
    <ActionForm action={endAssignmentAction} className="flex flex-wrap items-end gap-2">
      {(s) => (
        <>
          <input type="hidden" name="assignmentId" value={assignmentId} />
          <Field name="lastDay" label={t.lastDay!} type="date" state={s} defaultValue={today} />
          <SubmitButton>{t.end}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function FirmStaffForm({ t, id }: { t: TTexts; id: number }) {
  return (
    <ActionForm action={createFirmStaffAction}>
      {(s) => (
        <>
          <input type="hidden" name="organizationId" value={id} />
          <Field name="name" label={t.staffName!} state={s} />
          <Field name="phone" label={t.staffPhone!} type="tel" inputMode="tel" state={s} />
          <Field name="title" label={t.staffTitle!} state={s} />
          <SubmitButton>{t.createStaff}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function EndFirmStaffButton({ memberId, text }: { memberId: number; text: string }) {
  return (
    <ActionForm action={endFirmStaffAction} className="inline">
      {() => (
        <>
          <input type="hidden" name="memberId" value={memberId} />
          <button className="min-h-11 rounded-lg border border-red-800 px-3 text-base text-red-800">{text}</button>
        </>
      )}
    </ActionForm>
  );
}
