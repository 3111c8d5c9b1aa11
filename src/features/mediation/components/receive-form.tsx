'use client';
import { ActionForm, Field, FormKey, Select, SubmitButton, TextArea } from '@/components/action-form';
import { receiveCaseAction } from '../actions';

type TOption = { value: string; label: string };

/**
 * 受理: kind, source, urgency and summary, none of them chosen beforehand (issue 20, item 8). From an issue the source is
 * fixed (ISSUE) and the place is the issue's; otherwise the manager chooses the community among those they manage.
 */
export function ReceiveForm({
  t,
  kinds,
  sources,
  urgencies,
  communities,
  issueId,
  viewHref,
  openLabel,
}: {
  t: Record<string, string>;
  kinds: TOption[];
  sources: TOption[];
  urgencies: TOption[];
  communities: TOption[];
  issueId?: number;
  viewHref: string;
  openLabel: string;
}) {
  return (
    <ActionForm
      action={receiveCaseAction}
      result={(s) =>
        s.ok && s.data ? (
          <a
            href={viewHref.replace('ID', String((s.data as { id: number }).id))}
            className="mt-2 inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline"
          >
            {openLabel}
          </a>
        ) : null
      }
    >
      {(state) => (
        <>
          <FormKey state={state} />
          {issueId ? (
            <>
              <input type="hidden" name="issueId" value={issueId} />
              <input type="hidden" name="source" value="ISSUE" />
            </>
          ) : (
            <>
              <Select name="communityId" label={t.community!} options={communities} state={state} placeholder={t.choose} />
              <Select
                name="source"
                label={t.source!}
                options={sources.filter((s) => s.value !== 'ISSUE')}
                state={state}
                placeholder={t.choose}
              />
              <Field name="referredBy" label={t.referredBy!} state={state} required={false} />
            </>
          )}
          <Select name="kind" label={t.kind!} options={kinds} state={state} placeholder={t.choose} />
          <Select name="urgency" label={t.urgency!} options={urgencies} state={state} placeholder={t.choose} />
          <TextArea name="summary" label={t.summary!} state={state} />
          <SubmitButton>{t.receive}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
