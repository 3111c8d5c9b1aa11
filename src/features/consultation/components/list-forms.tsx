'use client';
import { ActionForm, Field, Select, SubmitButton } from '@/components/action-form';
import { addItemAction, createListAction, publishListAction, retireItemAction } from '../actions';

type TOption = { value: string; label: string };

/** A new year's list for the community (one per year: a second tap opens the first). */
export function CreateListForm({ communityId, year, t }: { communityId: number; year: number; t: Record<string, string> }) {
  return (
    <ActionForm action={createListAction} className="flex flex-wrap items-end gap-3">
      {(s) => (
        <>
          <input type="hidden" name="communityId" value={communityId} />
          <Field name="year" label={t.year!} inputMode="numeric" defaultValue={String(year)} state={s} />
          <SubmitButton>{t.createSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** A line added to the list: its category, source and planned time start unchosen. */
export function AddItemForm({
  listId,
  categories,
  sources,
  whens,
  t,
}: {
  listId: number;
  categories: TOption[];
  sources: TOption[];
  whens: TOption[];
  t: Record<string, string>;
}) {
  return (
    <ActionForm action={addItemAction}>
      {(s) => (
        <>
          <input type="hidden" name="listId" value={listId} />
          <Field name="title" label={t.itemTitle!} state={s} />
          <Select name="categoryId" label={t.category!} placeholder={t.categoryPlaceholder} options={categories} state={s} />
          <Select name="source" label={t.source!} placeholder={t.sourcePlaceholder} options={sources} state={s} />
          <Select name="when" label={t.when!} placeholder={t.whenNone} options={whens} state={s} />
          <Field name="description" label={t.description!} required={false} state={s} />
          <SubmitButton>{t.addItem}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RetireItemForm({ itemId, label }: { itemId: number; label: string }) {
  return (
    <ActionForm action={retireItemAction} className="inline">
      {() => (
        <>
          <input type="hidden" name="itemId" value={itemId} />
          <SubmitButton variant="secondary">{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Publishes the list (again: as a correction of the notice before); the version stops two secretaries publishing twice. */
export function PublishListForm({ listId, lockVersion, label }: { listId: number; lockVersion: number; label: string }) {
  return (
    <ActionForm action={publishListAction}>
      {() => (
        <>
          <input type="hidden" name="listId" value={listId} />
          <input type="hidden" name="lockVersion" value={lockVersion} />
          <SubmitButton>{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
