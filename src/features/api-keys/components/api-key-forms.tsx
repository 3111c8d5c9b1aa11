'use client';
import { ActionForm, Field, SubmitButton } from '@/components/action-form';
import { issueApiKeyAction, revokeApiKeyAction } from '../actions';

export function IssueKeyForm({ districtId, t }: { districtId: number; t: Record<string, string> }) {
  return (
    <ActionForm
      action={issueApiKeyAction}
      result={(s) =>
        s.ok && s.data ? (
          <div className="mt-2 space-y-1 rounded-lg border border-amber-400 bg-amber-50 p-3">
            <p className="text-lg">{t.showOnce}</p>
            <code className="block break-all text-lg" data-testid="new-key">
              {(s.data as { key: string }).key}
            </code>
          </div>
        ) : null
      }
    >
      {(s) => (
        <>
          <input type="hidden" name="districtId" value={districtId} />
          <Field name="name" label={t.name!} state={s} />
          <SubmitButton>{t.issue}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RevokeKeyButton({ districtId, keyId, label }: { districtId: number; keyId: number; label: string }) {
  return (
    <ActionForm action={revokeApiKeyAction} className="inline">
      {() => (
        <>
          <input type="hidden" name="districtId" value={districtId} />
          <input type="hidden" name="keyId" value={keyId} />
          <button type="submit" className="min-h-12 rounded-lg border border-stone-400 px-4 text-lg">
            {label}
          </button>
        </>
      )}
    </ActionForm>
  );
}
