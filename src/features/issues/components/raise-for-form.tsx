'use client';
import { useState } from 'react';
import { ActionForm, Field, Select, SubmitButton, TextArea } from '@/components/action-form';
import { raiseIssueForAction } from '../actions';

/** 代为反映: a keeper records an issue for one household they keep in touch with. One key per form (a double tap stores one). */
export function RaiseForForm({
  t,
  householdId,
  categories,
  viewHref,
}: {
  t: Record<string, string>;
  householdId: number;
  categories: { value: string; label: string }[];
  viewHref: string;
}) {
  const [key] = useState(() => crypto.randomUUID());
  return (
    <ActionForm
      action={raiseIssueForAction}
      result={(s) =>
        s.ok && s.data ? (
          <a
            href={viewHref.replace('ID', String((s.data as { id: number }).id))}
            className="mt-2 inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline"
          >
            {t.view}
          </a>
        ) : null
      }
    >
      {(s) =>
        s?.ok ? null : (
          <>
            <input type="hidden" name="idempotencyKey" value={key} />
            <input type="hidden" name="householdId" value={householdId} />
            <Select name="categoryId" label={t.category!} placeholder={t.categoryChoose!} options={categories} state={s} />
            <Field name="title" label={t.issueTitle!} state={s} />
            <TextArea name="description" label={t.description!} state={s} />
            <SubmitButton>{t.submit}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
