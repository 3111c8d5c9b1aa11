'use client';
import { ActionForm, Checkbox, Field, Select, SubmitButton } from '@/components/action-form';
import {
  appointMemberAction,
  createBodyAction,
  createBuildingAction,
  createCompoundAction,
  endMembershipAction,
  saveHouseholdAction,
  updateBuildingAction,
  updateCompoundAction,
} from '../actions';

type T = Record<string, string>;
type TOption = { value: string; label: string };
export type TCompoundValues = {
  id?: number;
  name: string;
  address: string | null;
  developerName: string | null;
  lat?: number | null;
  long?: number | null;
  parkingCountsInArea: boolean;
  silentFollowMajority: boolean;
};

export function CompoundForm({ t, communities, compound }: { t: T; communities?: TOption[]; compound?: TCompoundValues }) {
  return (
    <ActionForm action={compound?.id ? updateCompoundAction : createCompoundAction}>
      {(s) => (
        <>
          {compound?.id ? (
            <input type="hidden" name="compoundId" value={compound.id} />
          ) : (
            <Select name="communityId" label={t.community!} options={communities ?? []} state={s} />
          )}
          <Field name="name" label={t.name!} state={s} defaultValue={compound?.name} />
          <Field name="address" label={t.address!} state={s} defaultValue={compound?.address ?? ''} required={false} />
          <Field name="developerName" label={t.developerName!} state={s} defaultValue={compound?.developerName ?? ''} required={false} />
          <Field
            name="location"
            label={t.location!}
            state={s}
            defaultValue={compound?.lat != null && compound.long != null ? `${compound.lat}, ${compound.long}` : ''}
            required={false}
          />
          <Checkbox name="parkingCountsInArea" label={t.parkingCountsInArea!} defaultChecked={compound?.parkingCountsInArea} />
          <Checkbox name="silentFollowMajority" label={t.silentFollowMajority!} defaultChecked={compound?.silentFollowMajority} />
          <SubmitButton>{t.save}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function BuildingForm({ t, compoundId }: { t: T; compoundId: number }) {
  return (
    <ActionForm action={createBuildingAction}>
      {(s) => (
        <>
          <input type="hidden" name="compoundId" value={compoundId} />
          <div className="grid grid-cols-2 gap-2">
            <Field name="name" label={t.buildingName!} state={s} />
            <Field name="unitCount" label={t.unitCount!} state={s} defaultValue="1" inputMode="numeric" />
          </div>
          <SubmitButton>{t.addBuilding}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function EditBuildingForm({ t, building }: { t: T; building: { id: number; name: string; unitCount: number } }) {
  return (
    <ActionForm action={updateBuildingAction} className="space-y-2">
      {(s) => (
        <>
          <input type="hidden" name="buildingId" value={building.id} />
          <div className="grid grid-cols-2 gap-2">
            <Field name="name" label={t.buildingName!} state={s} defaultValue={building.name} />
            <Field name="unitCount" label={t.unitCount!} state={s} defaultValue={String(building.unitCount)} inputMode="numeric" />
          </div>
          <SubmitButton>{t.save}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function HouseholdForm({ t, buildings }: { t: T; buildings: TOption[] }) {
  return (
    <ActionForm action={saveHouseholdAction}>
      {(s) => (
        <>
          <Select name="buildingId" label={t.building!} options={buildings} state={s} />
          <div className="grid grid-cols-2 gap-2">
            <Field name="unitNo" label={t.unitNo!} state={s} defaultValue="1" />
            <Field name="roomNo" label={t.roomNo!} state={s} />
          </div>
          <Field name="area" label={t.area!} state={s} inputMode="text" />
          <Select
            name="use"
            label={t.use!}
            state={s}
            options={['RESIDENTIAL', 'PARKING', 'COMMERCIAL'].map((u) => ({ value: u, label: t[`use${u}`]! }))}
          />
          <Checkbox name="developerHeld" label={t.developerHeld!} />
          <SubmitButton>{t.saveHousehold}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function BodyForm({
  t,
  compoundId,
  communityId,
  kinds,
  today,
}: {
  t: T;
  compoundId?: number;
  communityId?: number;
  kinds: TOption[];
  today: string;
}) {
  return (
    <ActionForm action={createBodyAction}>
      {(s) => (
        <>
          {compoundId ? (
            <input type="hidden" name="compoundId" value={compoundId} />
          ) : (
            <input type="hidden" name="communityId" value={communityId} />
          )}
          <Select name="kind" label={t.kind!} options={kinds} state={s} />
          {compoundId ? (
            <Select
              name="scope"
              label={t.scope!}
              state={s}
              options={[
                { value: 'compound', label: t.scopeCompound! },
                { value: 'community', label: t.scopeCommunity! },
              ]}
            />
          ) : (
            <input type="hidden" name="scope" value="community" />
          )}
          <Field name="name" label={t.name!} state={s} />
          <Field name="seats" label={t.seats!} state={s} inputMode="numeric" required={false} />
          <div className="grid grid-cols-2 gap-2">
            <Field name="termStartsOn" label={t.termStartsOn!} type="date" state={s} defaultValue={today} />
            <Field name="termEndsOn" label={t.termEndsOn!} type="date" state={s} required={false} />
          </div>
          <SubmitButton>{t.createBody}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AppointForm({ t, bodyId, positions, today }: { t: T; bodyId: number; positions: TOption[]; today: string }) {
  return (
    <ActionForm action={appointMemberAction} className="space-y-3">
      {(s) => (
        <>
          <input type="hidden" name="bodyId" value={bodyId} />
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <Field name="name" label={t.memberName!} state={s} />
            <Field name="phone" label={t.memberPhone!} type="tel" inputMode="tel" state={s} required={false} />
            <Select name="position" label={t.position!} options={positions} state={s} defaultValue="MEMBER" />
            <Field name="startsOn" label={t.startsOn!} type="date" state={s} defaultValue={today} />
          </div>
          <SubmitButton>{t.appoint}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function EndMembershipForm({ t, memberId, today, who }: { t: T; memberId: number; today: string; who: string }) {
  return (
    <ActionForm action={endMembershipAction} className="flex flex-wrap items-end gap-2">
      {(s) => (
        <>
          <input type="hidden" name="memberId" value={memberId} />
          <label className="sr-only" htmlFor={`end-${memberId}`}>{`${t.endsOn} ${who}`}</label>
          <input
            id={`end-${memberId}`}
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
