'use client';
import { ActionForm, Field, Select, SubmitButton } from '@/components/action-form';
import {
  appointOfficerAction,
  createPartyOrgAction,
  dissolvePartyOrgAction,
  endOfficerAction,
  mergePartyOrgsAction,
  renamePartyOrgAction,
} from '../actions';

type T = Record<string, string>;
type TOption = { value: string; label: string };

/** Sets up an organisation: its kind, name and place; from an organisation's page, under that organisation. */
export function CreatePartyOrgForm({
  t,
  kinds,
  places,
  parentId,
  parents,
}: {
  t: T;
  kinds: TOption[];
  places: TOption[];
  parentId?: number;
  /** From the top of the tree: the active organisations one may name as the parent (the server checks the level). */
  parents?: TOption[];
}) {
  return (
    <ActionForm action={createPartyOrgAction} className="space-y-3">
      {(s) => (
        <>
          {parentId && <input type="hidden" name="parentId" value={parentId} />}
          {!parentId && parents && parents.length > 0 && (
            <Select name="parentId" label={t.parent!} options={[{ value: '', label: t.noParent! }, ...parents]} state={s} />
          )}
          <Select name="kind" label={t.kind!} options={kinds} state={s} />
          <Select name="place" label={t.place!} options={places} state={s} />
          <Field name="name" label={t.name!} state={s} />
          <SubmitButton>{t.create}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RenamePartyOrgForm({ t, partyOrgId }: { t: T; partyOrgId: number }) {
  return (
    <ActionForm action={renamePartyOrgAction} className="space-y-3">
      {(s) => (
        <>
          <input type="hidden" name="partyOrgId" value={partyOrgId} />
          <Field name="name" label={t.newName!} state={s} />
          <SubmitButton>{t.renameSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function DissolvePartyOrgForm({ t, partyOrgId }: { t: T; partyOrgId: number }) {
  return (
    <ActionForm action={dissolvePartyOrgAction} className="space-y-3">
      {() => (
        <>
          <input type="hidden" name="partyOrgId" value={partyOrgId} />
          <p className="text-base text-stone-700">{t.dissolveHint}</p>
          <button className="min-h-12 rounded-lg border-2 border-red-800 px-5 text-lg font-semibold text-red-800">
            {t.dissolveSubmit}
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function MergePartyOrgForm({ t, fromId, targets }: { t: T; fromId: number; targets: TOption[] }) {
  return (
    <ActionForm action={mergePartyOrgsAction} className="space-y-3">
      {(s) => (
        <>
          <input type="hidden" name="fromId" value={fromId} />
          <p className="text-base text-stone-700">{t.mergeHint}</p>
          <Select name="intoId" label={t.mergeInto!} options={targets} placeholder={t.pick} state={s} />
          <SubmitButton>{t.mergeSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AppointOfficerForm({
  t,
  partyOrgId,
  positions,
  units,
  today,
}: {
  t: T;
  partyOrgId: number;
  positions: TOption[];
  units: TOption[];
  today: string;
}) {
  return (
    <ActionForm action={appointOfficerAction} className="space-y-3">
      {(s) => (
        <>
          <input type="hidden" name="partyOrgId" value={partyOrgId} />
          <Field name="name" label={t.officerName!} state={s} />
          <Field name="phone" label={t.officerPhone!} type="tel" inputMode="tel" state={s} required={false} />
          <Select name="position" label={t.position!} options={positions} state={s} defaultValue="COMMITTEE_MEMBER" />
          <Field name="startsOn" label={t.startsOn!} type="date" state={s} defaultValue={today} />
          {units.length > 0 && (
            <Select name="organizationId" label={t.unit!} options={[{ value: '', label: t.noUnit! }, ...units]} state={s} />
          )}
          <SubmitButton>{t.appoint}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function EndOfficerForm({ t, postId, today, who }: { t: T; postId: number; today: string; who: string }) {
  return (
    <ActionForm action={endOfficerAction} className="flex flex-wrap items-end gap-2">
      {(s) => (
        <>
          <input type="hidden" name="postId" value={postId} />
          <label className="sr-only" htmlFor={`end-post-${postId}`}>{`${t.endsOn} ${who}`}</label>
          <input
            id={`end-post-${postId}`}
            type="date"
            name="endsOn"
            defaultValue={today}
            className="min-h-11 rounded-lg border border-stone-400 bg-white px-2"
          />
          <button className="min-h-11 rounded-lg border border-red-800 px-3 text-red-800" aria-label={`${t.end} ${who}`}>
            {t.end}
          </button>
          {s?.fields?.endsOn && <span className="text-red-800">{s.fields.endsOn}</span>}
        </>
      )}
    </ActionForm>
  );
}
