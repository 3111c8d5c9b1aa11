'use client';
import { ActionForm, Field, SubmitButton } from '@/components/action-form';
import { addCategoryAction, renameCategoryAction, retireCategoryAction } from '../actions';

/** A district's own category: its Chinese and English names. */
export function AddCategoryForm({ districtId, t }: { districtId: number; t: Record<string, string> }) {
  return (
    <ActionForm action={addCategoryAction}>
      {(s) => (
        <>
          <input type="hidden" name="districtId" value={districtId} />
          <Field name="nameZh" label={t.nameZh!} state={s} />
          <Field name="nameEn" label={t.nameEn!} state={s} />
          <SubmitButton>{t.add}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RenameCategoryForm({ id, nameZh, nameEn, t }: { id: number; nameZh: string; nameEn: string; t: Record<string, string> }) {
  return (
    <ActionForm action={renameCategoryAction}>
      {(s) => (
        <>
          <input type="hidden" name="id" value={id} />
          <Field name="nameZh" label={t.nameZh!} defaultValue={nameZh} state={s} />
          <Field name="nameEn" label={t.nameEn!} defaultValue={nameEn} state={s} />
          <SubmitButton variant="secondary">{t.rename}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RetireCategoryForm({ id, label }: { id: number; label: string }) {
  return (
    <ActionForm action={retireCategoryAction}>
      {() => (
        <>
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="secondary">{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
