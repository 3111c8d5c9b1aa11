'use client';
import { ActionForm, SubmitButton, TextArea } from '@/components/action-form';
import { excludeIssueAction, includeIssueAction } from '../actions';

type T = Record<'title' | 'excludedBy' | 'reason' | 'reasonHint' | 'submit' | 'undo', string>;

/** Street and district staff: leave an issue out of the rates with a reason, or count it again. */
export function ExclusionForm({ issueId, excluded, reason, t }: { issueId: number; excluded: boolean; reason: string | null; t: T }) {
  return (
    <section aria-labelledby="exclusion" className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="exclusion">
      <h2 id="exclusion" className="text-xl font-semibold">
        {t.title}
      </h2>
      {excluded ? (
        <ActionForm action={includeIssueAction} className="space-y-2">
          {() => (
            <>
              <p className="text-lg">{t.excludedBy.replace('{reason}', reason ?? '')}</p>
              <input type="hidden" name="issueId" value={issueId} />
              <SubmitButton variant="secondary">{t.undo}</SubmitButton>
            </>
          )}
        </ActionForm>
      ) : (
        <details>
          <summary className="min-h-11 cursor-pointer py-2 text-lg text-brand-700">{t.submit}</summary>
          <ActionForm action={excludeIssueAction} className="space-y-2">
            {(s) => (
              <>
                <input type="hidden" name="issueId" value={issueId} />
                <TextArea name="reason" label={t.reason} hint={t.reasonHint} state={s} />
                <SubmitButton>{t.submit}</SubmitButton>
              </>
            )}
          </ActionForm>
        </details>
      )}
    </section>
  );
}
