'use client';
import { ActionForm, Select, SubmitButton } from '@/components/action-form';
import { linkTopicAction, topicCategoryAction } from '../actions';

type TOption = { value: string; label: string };

/** On a topic's page, for staff who manage it: what it is about, and the line of the consultation list it carries out. */
export function TopicConsultationForms({
  topicId,
  categoryId,
  categories,
  itemId,
  items,
  t,
}: {
  topicId: number;
  categoryId: number;
  categories: TOption[];
  itemId: number | null;
  items: TOption[];
  t: Record<string, string>;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <ActionForm action={topicCategoryAction}>
        {(s) => (
          <>
            <input type="hidden" name="topicId" value={topicId} />
            <Select name="categoryId" label={t.category!} options={categories} defaultValue={String(categoryId)} state={s} />
            <SubmitButton variant="secondary">{t.save}</SubmitButton>
          </>
        )}
      </ActionForm>
      <ActionForm action={linkTopicAction}>
        {(s) => (
          <>
            <input type="hidden" name="topicId" value={topicId} />
            <Select
              name="itemId"
              label={t.line!}
              placeholder={t.lineNone}
              options={items}
              defaultValue={itemId ? String(itemId) : ''}
              state={s}
            />
            <SubmitButton variant="secondary">{t.link}</SubmitButton>
          </>
        )}
      </ActionForm>
    </div>
  );
}
