'use client';
import { ActionForm, Field } from '@/components/action-form';
import { reviewClaimAction } from '../actions';

export function ClaimReview({ claimId, t }: { claimId: number; t: Record<string, string> }) {
  return (
    <ActionForm action={reviewClaimAction} className="space-y-3">
      {(s) =>
        s?.ok ? null : (
          <>
            <input type="hidden" name="claimId" value={claimId} />
            <Field name="reason" label={t.reason!} state={s} required={false} />
            <div className="flex flex-wrap gap-2">
              <button name="decision" value="approve" className="min-h-12 rounded-lg bg-green-800 px-5 text-lg font-semibold text-white">
                {t.approve}
              </button>
              <button
                name="decision"
                value="reject"
                className="min-h-12 rounded-lg border border-red-800 bg-white px-5 text-lg font-semibold text-red-800"
              >
                {t.reject}
              </button>
            </div>
          </>
        )
      }
    </ActionForm>
  );
}
