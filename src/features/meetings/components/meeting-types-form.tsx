'use client';
import { ActionForm, Checkbox, Field, Select, SubmitButton } from '@/components/action-form';
import { createTypeAction, retireTypeAction, updateTypeAction } from '../types-actions';

type TT = Record<string, string>;
type TOption = { value: string; label: string };
export type TTypeRow = {
  id: number;
  nameZh: string;
  nameEn: string;
  baseKind: string;
  defaultBodyKind: string | null;
  noticeDays: number;
  open: boolean;
  needsApproval: boolean;
};

/** The fields a type has: names, the built-in kind it follows (chosen, never preselected), its default body, notice, open, approval. */
function TypeFields({
  row,
  kinds,
  bodyKinds,
  t,
  s,
}: {
  row?: TTypeRow;
  kinds: TOption[];
  bodyKinds: TOption[];
  t: TT;
  s: Parameters<typeof Field>[0]['state'];
}) {
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="nameZh" label={t.nameZh!} defaultValue={row?.nameZh} state={s} />
        <Field name="nameEn" label={t.nameEn!} defaultValue={row?.nameEn} state={s} />
      </div>
      <Select name="baseKind" label={t.baseKind!} options={kinds} defaultValue={row?.baseKind} placeholder={t.choose!} state={s} />
      <Select
        name="defaultBodyKind"
        label={t.defaultBodyKind!}
        options={[{ value: '', label: t.noBody! }, ...bodyKinds]}
        defaultValue={row?.defaultBodyKind ?? ''}
        state={s}
      />
      <Field name="noticeDays" label={t.noticeDays!} inputMode="numeric" defaultValue={String(row?.noticeDays ?? 0)} state={s} />
      <p className="text-base text-stone-700">{t.noticeHint}</p>
      <Checkbox name="open" label={t.open!} defaultChecked={row?.open} state={s} />
      <Checkbox name="needsApproval" label={t.needsApproval!} defaultChecked={row?.needsApproval} state={s} />
    </>
  );
}

export function AddTypeForm({ districtId, kinds, bodyKinds, t }: { districtId: number; kinds: TOption[]; bodyKinds: TOption[]; t: TT }) {
  return (
    <ActionForm action={createTypeAction}>
      {(s) => (
        <>
          <input type="hidden" name="districtId" value={districtId} />
          <Field name="code" label={t.code!} state={s} autoComplete="off" />
          <TypeFields kinds={kinds} bodyKinds={bodyKinds} t={t} s={s} />
          <SubmitButton>{t.add}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function TypeForm({ row, kinds, bodyKinds, t }: { row: TTypeRow; kinds: TOption[]; bodyKinds: TOption[]; t: TT }) {
  return (
    <div className="space-y-3">
      <ActionForm action={updateTypeAction}>
        {(s) => (
          <>
            <input type="hidden" name="typeId" value={row.id} />
            <TypeFields row={row} kinds={kinds} bodyKinds={bodyKinds} t={t} s={s} />
            <SubmitButton>{t.save}</SubmitButton>
          </>
        )}
      </ActionForm>
      <ActionForm action={retireTypeAction}>
        {() => (
          <>
            <input type="hidden" name="typeId" value={row.id} />
            <SubmitButton variant="secondary">{t.retire}</SubmitButton>
          </>
        )}
      </ActionForm>
    </div>
  );
}
