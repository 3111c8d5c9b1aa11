'use client';
import { ActionForm, Select, SubmitButton, TextArea } from '@/components/action-form';
import { suggestForAction } from '../actions';

/** 代提建议: a keeper records a kept household's view on a topic of its place that is taking ideas (decision 051). */
export function SuggestForForm({
  t,
  householdId,
  topics,
}: {
  t: Record<string, string>;
  householdId: number;
  topics: { id: number; title: string }[];
}) {
  return (
    <ActionForm action={suggestForAction}>
      {(s) => (
        <>
          <input type="hidden" name="householdId" value={householdId} />
          <Select
            name="topicId"
            label={t.topic!}
            placeholder={t.topicChoose!}
            options={topics.map((x) => ({ value: String(x.id), label: x.title }))}
            state={s}
          />
          <Select
            name="stance"
            label={t.stance!}
            placeholder={t.stanceChoose!}
            options={(['SUPPORT', 'OPPOSE', 'AMEND'] as const).map((v) => ({ value: v, label: t[v]! }))}
            state={s}
          />
          <TextArea name="body" label={t.body!} state={s} />
          <SubmitButton>{t.suggestSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
