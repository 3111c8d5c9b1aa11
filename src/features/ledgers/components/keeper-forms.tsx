'use client';
import { ActionForm, CheckboxGroup, Field, FormKey, Select, SubmitButton, TextArea } from '@/components/action-form';
import { FileField } from '@/components/upload-field';
import { attachReceiptAction, publishStatementAction, reconcileAction, recordEntryAction, reverseEntryAction } from '../actions';

type TOption = { value: string; label: string };
type TTexts = Record<string, string>;

/**
 * 记一笔: kind, amount as typed, day, description, counterparty; a draw from the maintenance fund names the owners'
 * decision, a self-raised contribution its household (building and room). Kind and decision start unchosen.
 */
export function EntryForm({
  t,
  ledgerId,
  kinds,
  decisions,
  households,
  today,
}: {
  t: TTexts;
  ledgerId: number;
  kinds: TOption[];
  decisions: TOption[];
  households: TOption[];
  today: string;
}) {
  return (
    <ActionForm action={recordEntryAction}>
      {(state) => (
        <>
          <FormKey state={state} />
          <input type="hidden" name="ledgerId" value={ledgerId} />
          <Select name="kind" label={t.kind!} options={kinds} state={state} placeholder={t.choose} />
          <Field name="amount" label={`${t.amount}（${t.amountHint}）`} state={state} inputMode="text" />
          <Field name="day" label={t.day!} type="date" state={state} defaultValue={today} />
          <TextArea name="description" label={t.description!} state={state} />
          <Field name="counterparty" label={`${t.counterparty}（${t.counterpartyHint}）`} state={state} required={false} />
          {decisions.length > 0 && <Select name="motionId" label={t.decision!} options={decisions} state={state} placeholder={t.choose} />}
          {households.length > 0 && (
            <Select
              name="householdId"
              label={`${t.household}（${t.householdHint}）`}
              options={households}
              state={state}
              placeholder={t.choose}
            />
          )}
          <SubmitButton>{t.record}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** 上传票据 of one entry: PDF, JPEG or PNG; a phone photo of several megabytes is fine. */
export function ReceiptForm({ t, entryId }: { t: TTexts; entryId: number }) {
  return (
    <ActionForm action={attachReceiptAction}>
      {(state) => (
        <>
          <input type="hidden" name="entryId" value={entryId} />
          <FileField
            name="receipt"
            kind="receipt"
            label={t.receipt!}
            accept="application/pdf,image/jpeg,image/png"
            required
            state={state}
          />
          <SubmitButton variant="secondary">{t.attach}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** 冲销: a reversing entry dated today, with the reason. */
export function ReverseForm({ t, entryId }: { t: TTexts; entryId: number }) {
  return (
    <ActionForm action={reverseEntryAction}>
      {(state) => (
        <>
          <FormKey state={state} />
          <input type="hidden" name="entryId" value={entryId} />
          <Field name="reason" label={t.reason!} state={state} />
          <SubmitButton variant="secondary">{t.reverse}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** 对账: tick the entries checked against the bank statement or cash book. */
export function ReconcileForm({ t, ledgerId, entries }: { t: TTexts; ledgerId: number; entries: TOption[] }) {
  return (
    <ActionForm action={reconcileAction}>
      {() =>
        // Stays on the page when everything is reconciled, so that its answer stays on the page too.
        entries.length === 0 ? (
          <p className="text-lg">{t.allReconciled}</p>
        ) : (
          <>
            <input type="hidden" name="ledgerId" value={ledgerId} />
            <CheckboxGroup name="entryIds" legend={t.reconcile!} hint={t.reconcileHint} items={entries} />
            <SubmitButton variant="secondary">{t.reconcile}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}

/** 公开报表: a period after the last statement, published on the board. */
export function StatementForm({ t, ledgerId, from, to }: { t: TTexts; ledgerId: number; from: string; to: string }) {
  return (
    <ActionForm action={publishStatementAction}>
      {(state) => (
        <>
          <input type="hidden" name="ledgerId" value={ledgerId} />
          <Field name="from" label={t.from!} type="date" state={state} defaultValue={from} />
          <Field name="to" label={t.to!} type="date" state={state} defaultValue={to} />
          <SubmitButton>{t.publish}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
