'use client';
import { ActionForm, Checkbox, Field, Select, SubmitButton } from '@/components/action-form';
import { addCalendarDayAction, addCategoryAction, removeCalendarDayAction, saveCategoryAction } from '../actions';

export type TCategoryRow = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  handlerRole: string;
  acknowledgeMinutes: number;
  resolveWorkingDays: number;
  remindBeforeMinutes: number;
  aroundTheClock: boolean;
  resolveMinutes: number;
  active: boolean;
};
type TOption = { value: string; label: string };

function CategoryFields({
  c,
  roles,
  t,
  s,
}: {
  c?: TCategoryRow;
  roles: TOption[];
  t: Record<string, string>;
  s: Parameters<typeof Field>[0]['state'];
}) {
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="nameZh" label={t.nameZh!} defaultValue={c?.nameZh} state={s} />
        <Field name="nameEn" label={t.nameEn!} defaultValue={c?.nameEn} state={s} />
      </div>
      <Select name="handlerRole" label={t.handlerRole!} options={roles} defaultValue={c?.handlerRole ?? 'GRID_WORKER'} state={s} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          name="acknowledgeMinutes"
          label={t.acknowledgeMinutes!}
          inputMode="numeric"
          defaultValue={String(c?.acknowledgeMinutes ?? 240)}
          state={s}
        />
        <Field
          name="resolveWorkingDays"
          label={t.resolveWorkingDays!}
          inputMode="numeric"
          defaultValue={String(c?.resolveWorkingDays ?? 5)}
          state={s}
        />
        <Field
          name="remindBeforeMinutes"
          label={t.remindBeforeMinutes!}
          inputMode="numeric"
          defaultValue={String(c?.remindBeforeMinutes ?? 60)}
          state={s}
        />
      </div>
      <Checkbox name="aroundTheClock" label={t.aroundTheClock!} defaultChecked={c?.aroundTheClock ?? false} state={s} />
      <Field
        name="resolveMinutes"
        label={t.resolveMinutes!}
        inputMode="numeric"
        defaultValue={String(c?.resolveMinutes ?? 1440)}
        state={s}
      />
      <Checkbox name="active" label={t.active!} defaultChecked={c?.active ?? true} />
    </>
  );
}

/** One category of the district; saving a default makes the district's own copy. */
export function CategoryForm({
  districtId,
  c,
  roles,
  t,
}: {
  districtId: number;
  c: TCategoryRow;
  roles: TOption[];
  t: Record<string, string>;
}) {
  return (
    <ActionForm action={saveCategoryAction}>
      {(s) => (
        <>
          <input type="hidden" name="districtId" value={districtId} />
          <input type="hidden" name="categoryId" value={c.id} />
          <CategoryFields c={c} roles={roles} t={t} s={s} />
          <SubmitButton>{t.save}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AddCategoryForm({ districtId, roles, t }: { districtId: number; roles: TOption[]; t: Record<string, string> }) {
  return (
    <ActionForm action={addCategoryAction}>
      {(s) => (
        <>
          <input type="hidden" name="districtId" value={districtId} />
          <Field name="code" label={t.code!} state={s} />
          <CategoryFields roles={roles} t={t} s={s} />
          <SubmitButton>{t.add}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function CalendarDayForm({ districtId, kinds, t }: { districtId: number; kinds: TOption[]; t: Record<string, string> }) {
  return (
    <ActionForm action={addCalendarDayAction}>
      {(s) => (
        <>
          <input type="hidden" name="districtId" value={districtId} />
          <Field name="date" type="date" label={t.date!} state={s} />
          <Select name="kind" label={t.kind!} options={kinds} state={s} />
          <Field name="note" label={t.note!} state={s} />
          <SubmitButton>{t.addDay}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RemoveDayButton({ districtId, dayId, label }: { districtId: number; dayId: number; label: string }) {
  return (
    <ActionForm action={removeCalendarDayAction} className="inline">
      {() => (
        <>
          <input type="hidden" name="districtId" value={districtId} />
          <input type="hidden" name="dayId" value={dayId} />
          <button type="submit" className="min-h-12 rounded-lg border border-stone-400 px-4 text-lg">
            {label}
          </button>
        </>
      )}
    </ActionForm>
  );
}
