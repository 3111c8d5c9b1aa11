'use client';
import { ActionForm, Checkbox, Field, Select, SubmitButton, TextArea } from '@/components/action-form';
import * as A from '../nominate-actions';

// The forms of an election's first half (issue 22, decision 069): each posts without JavaScript; no choice that decides a
// candidate or an objection's outcome starts preselected.

type TOption = { value: string; label: string };
type T = Record<string, string>;

const Election = ({ id }: { id: number }) => <input type="hidden" name="electionId" value={id} />;
const Candidate = ({ id }: { id: number }) => <input type="hidden" name="candidateId" value={id} />;

/** 自荐: the signed-in resident stands, with an optional statement. */
export function SelfNominateForm({ t, electionId }: { t: T; electionId: number }) {
  return (
    <ActionForm action={A.nominateAction}>
      {(state) => (
        <>
          <Election id={electionId} />
          <input type="hidden" name="kind" value="SELF" />
          <TextArea name="statement" label={t.statement!} state={state} rows={3} required={false} />
          <SubmitButton>{t.selfSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/**
 * Names a person of the place by home and name (residents', the branch's and staff's nominations alike): nothing of the
 * roster is shown, the server matches the name among the people of that room.
 */
export function PersonNominateForm({
  t,
  electionId,
  kind,
  buildings,
  submit,
}: {
  t: T;
  electionId: number;
  kind: 'RESIDENTS' | 'BRANCH' | 'STAFF';
  buildings: TOption[];
  submit: string;
}) {
  return (
    <ActionForm action={A.nominateAction}>
      {(state) => (
        <>
          <Election id={electionId} />
          <input type="hidden" name="kind" value={kind} />
          <Select name="buildingId" label={t.building!} options={buildings} state={state} placeholder={t.choose} />
          <Field name="unit" label={t.unit!} state={state} required={false} inputMode="numeric" />
          <Field name="room" label={t.room!} state={state} />
          <Field name="name" label={t.name!} state={state} />
          <TextArea name="statement" label={t.statement!} state={state} rows={3} required={false} />
          <SubmitButton>{submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function SecondForm({ label, candidateId }: { label: string; candidateId: number }) {
  return (
    <ActionForm action={A.secondAction} className="space-y-2">
      {() => (
        <>
          <Candidate id={candidateId} />
          <SubmitButton variant="secondary">{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function WithdrawForm({ t, candidateId }: { t: T; candidateId: number }) {
  return (
    <details className="rounded-lg border border-stone-200 p-3">
      <summary className="flex min-h-12 cursor-pointer items-center text-lg font-medium">{t.withdraw}</summary>
      <ActionForm action={A.withdrawAction} className="space-y-3 pt-2">
        {(state) => (
          <>
            <Candidate id={candidateId} />
            <Checkbox name="confirm" label={t.withdrawConfirm!} state={state} />
            <SubmitButton variant="secondary">{t.withdraw}</SubmitButton>
          </>
        )}
      </ActionForm>
    </details>
  );
}

export function PublishForm({ label, electionId }: { label: string; electionId: number }) {
  return (
    <ActionForm action={A.publishCandidatesAction}>
      {() => (
        <>
          <Election id={electionId} />
          <SubmitButton>{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** An objection to the whole list (no candidate chosen) or to one listed candidate. */
export function ObjectForm({ t, electionId, candidates }: { t: T; electionId: number; candidates: TOption[] }) {
  return (
    <ActionForm action={A.objectAction}>
      {(state) => (
        <>
          <Election id={electionId} />
          <Select name="candidateId" label={t.candidate!} options={[{ value: '', label: t.wholeList! }, ...candidates]} state={state} />
          <TextArea name="text" label={t.text!} state={state} rows={4} />
          <SubmitButton>{t.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Staff answer an objection: upheld or not is chosen by hand (nothing preselected). */
export function AnswerForm({ t, objectionId }: { t: T; objectionId: number }) {
  const choices = [
    { value: 'YES', label: t.upheldYES! },
    { value: 'NO', label: t.upheldNO! },
  ];
  return (
    <ActionForm action={A.answerObjectionAction} className="space-y-3">
      {(state) => (
        <>
          <input type="hidden" name="objectionId" value={objectionId} />
          <TextArea name="answer" label={t.answer!} state={state} rows={3} />
          <Select name="upheld" label={t.upheld!} options={choices} state={state} placeholder={t.choose} />
          <SubmitButton>{t.answerSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function CancelForm({ t, electionId }: { t: T; electionId: number }) {
  return (
    <details className="rounded-lg border border-red-200 bg-white p-4">
      <summary className="flex min-h-12 cursor-pointer items-center text-lg font-semibold text-red-900">{t.cancel}</summary>
      <ActionForm action={A.cancelElectionAction} className="space-y-3 pt-2">
        {(state) => (
          <>
            <Election id={electionId} />
            <p className="text-lg">{t.cancelHint}</p>
            <TextArea name="reason" label={t.reason!} state={state} rows={3} />
            <SubmitButton variant="secondary">{t.cancelSubmit}</SubmitButton>
          </>
        )}
      </ActionForm>
    </details>
  );
}
