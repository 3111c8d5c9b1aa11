'use client';
import type { ReactNode } from 'react';
import { ActionForm, Field, Select, SubmitButton, TextArea, type TFormState } from '@/components/action-form';
import { FileField } from '@/components/upload-field';
import * as A from '../outcome-actions';

type TT = Record<string, string>;
type TAction = (s: TFormState, fd: FormData) => Promise<TFormState>;
type TOption = { value: string; label: string };

/** One form of the case's outcome: the case's id goes with it. Works without JavaScript (a plain POST). */
function CaseForm({
  action,
  caseId,
  submit,
  children,
}: {
  action: TAction;
  caseId: number;
  submit: string;
  children: (s: TFormState) => ReactNode;
}) {
  return (
    <ActionForm action={action} className="space-y-4">
      {(s) => (
        <>
          <input type="hidden" name="caseId" value={caseId} />
          {children(s)}
          <SubmitButton>{submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export type TDraftValues = { facts: string; terms: string; performance: string; dueOn: string };

/** The agreement drafted or edited while the case is open: the terms one per line, the deadline from today on. */
export function DraftAgreementForm({ caseId, values, t }: { caseId: number; values: TDraftValues | null; t: TT }) {
  return (
    <CaseForm action={A.draftAgreementAction} caseId={caseId} submit={t.draftSubmit!}>
      {(s) => (
        <>
          <TextArea name="facts" label={t.facts!} state={s} rows={4} defaultValue={values?.facts} />
          <TextArea name="terms" label={t.terms!} hint={t.termsHint} state={s} rows={5} defaultValue={values?.terms} />
          <TextArea name="performance" label={t.performance!} state={s} rows={2} defaultValue={values?.performance} />
          <Field name="dueOn" type="date" label={t.dueOn!} state={s} defaultValue={values?.dueOn} />
        </>
      )}
    </CaseForm>
  );
}

/** The signed paper: the day signed and its scan (PDF or photo). */
export function SignAgreementForm({ caseId, t }: { caseId: number; t: TT }) {
  return (
    <CaseForm action={A.signAgreementAction} caseId={caseId} submit={t.signSubmit!}>
      {(s) => (
        <>
          <Field name="signedOn" type="date" label={t.signedOn!} state={s} />
          <FileField name="scan" kind="receipt" label={t.scanFile!} accept="application/pdf,image/jpeg,image/png" required state={s} />
        </>
      )}
    </CaseForm>
  );
}

/** No agreement: where the parties were referred (nothing chosen until chosen) and what happened. */
export function NoAgreementForm({ caseId, referrals, t }: { caseId: number; referrals: TOption[]; t: TT }) {
  return (
    <CaseForm action={A.noAgreementAction} caseId={caseId} submit={t.noAgreementSubmit!}>
      {(s) => (
        <>
          <Select name="referral" label={t.referral!} options={referrals} placeholder={t.choose!} state={s} />
          <TextArea name="note" label={t.noAgreementNote!} state={s} rows={3} />
        </>
      )}
    </CaseForm>
  );
}

/** 回访: what the visit found (nothing chosen until chosen) and a note. */
export function FollowUpForm({ caseId, visits, results, t }: { caseId: number; visits: number; results: TOption[]; t: TT }) {
  return (
    <CaseForm action={A.followUpAction} caseId={caseId} submit={t.followUpSubmit!}>
      {(s) => (
        <>
          <input type="hidden" name="visits" value={visits} />
          <Select name="result" label={t.followUpResult!} options={results} placeholder={t.choose!} state={s} />
          <TextArea name="note" label={t.followUpNote!} state={s} rows={3} />
        </>
      )}
    </CaseForm>
  );
}
