'use client';
import { ActionForm, CheckboxGroup, Field, Select, SubmitButton } from '@/components/action-form';
import {
  assignBuildingsAction,
  attachWorkerAction,
  chooseCentralHouseholdAction,
  createGridAction,
  endCentralHouseholdAction,
  endDutyAction,
  linkPartyOrgAction,
  removeGridAction,
  renameGridAction,
  setContactsAction,
} from '../actions';

type T = Record<string, string>;
type TOption = { value: string; label: string };

export function CreateGridForm({ t, communityId, parents }: { t: T; communityId: number; parents: TOption[] }) {
  return (
    <ActionForm action={createGridAction}>
      {(s) => (
        <>
          <input type="hidden" name="communityId" value={communityId} />
          <Field name="name" label={t.name!} state={s} />
          <Select name="parentId" label={t.parent!} options={[{ value: '', label: t.noParent! }, ...parents]} state={s} />
          <SubmitButton>{t.create}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RenameGridForm({ t, grid }: { t: T; grid: { id: number; name: string } }) {
  return (
    <ActionForm action={renameGridAction} className="space-y-2">
      {(s) => (
        <>
          <input type="hidden" name="gridId" value={grid.id} />
          <Field name="name" label={t.rename!} state={s} defaultValue={grid.name} />
          <SubmitButton>{t.save}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RemoveGridForm({ t, gridId }: { t: T; gridId: number }) {
  return (
    <ActionForm action={removeGridAction} className="space-y-2">
      {() => (
        <>
          <input type="hidden" name="gridId" value={gridId} />
          <SubmitButton>{t.remove}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Buildings ticked by compound, each sent with the grid it is in now ("id:was"), moved to one grid (or out of any). */
export function AssignBuildingsForm({
  t,
  communityId,
  targets,
  compounds,
}: {
  t: T;
  communityId: number;
  targets: TOption[];
  compounds: { id: number; name: string; buildings: { value: string; label: string }[] }[];
}) {
  return (
    <ActionForm action={assignBuildingsAction}>
      {(s) => (
        <>
          <input type="hidden" name="communityId" value={communityId} />
          <Select
            name="gridId"
            label={t.assignTo!}
            options={[...targets, { value: 'none', label: t.noGrid! }]}
            placeholder={t.pick}
            state={s}
          />
          {compounds.map((c) => (
            <CheckboxGroup key={c.id} name="buildings" legend={c.name} items={c.buildings} />
          ))}
          <SubmitButton>{t.assign}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AttachWorkerForm({ t, grids, workers, today }: { t: T; grids: TOption[]; workers: TOption[]; today: string }) {
  return (
    <ActionForm action={attachWorkerAction}>
      {(s) => (
        <>
          <Select name="gridId" label={t.grid!} options={grids} placeholder={t.pick} state={s} />
          <Select name="userId" label={t.worker!} options={workers} placeholder={t.pick} state={s} />
          <Field name="title" label={t.title!} state={s} defaultValue={t.titleDefault} required={false} />
          <div className="grid grid-cols-2 gap-2">
            <Field name="startsOn" label={t.startsOn!} type="date" state={s} defaultValue={today} />
            <Field name="endsOn" label={t.endsOn!} type="date" state={s} required={false} />
          </div>
          <SubmitButton>{t.attach}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function EndTermForm({ t, id, kind, today }: { t: T; id: number; kind: 'duty' | 'centralHousehold'; today: string }) {
  return (
    <ActionForm action={kind === 'duty' ? endDutyAction : endCentralHouseholdAction} className="flex flex-wrap items-end gap-2">
      {(s) => (
        <>
          <input type="hidden" name="id" value={id} />
          <Field name="endsOn" label={t.lastDay!} type="date" state={s} defaultValue={today} />
          <SubmitButton>{t.end}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function LinkPartyOrgForm({ t, grids, partyOrgs }: { t: T; grids: TOption[]; partyOrgs: TOption[] }) {
  return (
    <ActionForm action={linkPartyOrgAction}>
      {(s) => (
        <>
          <Select name="gridId" label={t.grid!} options={grids} placeholder={t.pick} state={s} />
          <Select name="partyOrgId" label={t.partyOrg!} options={partyOrgs} placeholder={t.pick} state={s} />
          <SubmitButton>{t.link}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function CentralHouseholdForm({
  t,
  gridId,
  members,
  households,
  today,
}: {
  t: T;
  gridId: number;
  members: TOption[];
  households: TOption[];
  today: string;
}) {
  return (
    <ActionForm action={chooseCentralHouseholdAction}>
      {(s) => (
        <>
          <input type="hidden" name="gridId" value={gridId} />
          <Select name="partyMemberId" label={t.member!} options={members} placeholder={t.pick} state={s} />
          <div className="grid grid-cols-2 gap-2">
            <Field name="startsOn" label={t.startsOn!} type="date" state={s} defaultValue={today} />
            <Field name="endsOn" label={t.endsOn!} type="date" state={s} required={false} />
          </div>
          <CheckboxGroup name="householdIds" legend={t.households!} hint={t.householdsHint} items={households} />
          <SubmitButton>{t.choose}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ContactsForm({
  t,
  centralHouseholdId,
  households,
}: {
  t: T;
  centralHouseholdId: number;
  households: (TOption & { checked: boolean })[];
}) {
  return (
    <ActionForm action={setContactsAction}>
      {() => (
        <>
          <input type="hidden" name="centralHouseholdId" value={centralHouseholdId} />
          <CheckboxGroup name="householdIds" legend={t.contacts!} hint={t.householdsHint} items={households} />
          <SubmitButton>{t.saveContacts}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
