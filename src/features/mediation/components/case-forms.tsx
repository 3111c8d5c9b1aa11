'use client';
import { ActionForm, Checkbox, CheckboxGroup, Field, Select, SubmitButton, TextArea } from '@/components/action-form';
import * as A from '../actions';

type TOption = { value: string; label: string };
type T = Record<string, string>;

const Case = ({ caseId }: { caseId: number }) => <input type="hidden" name="caseId" value={caseId} />;

/** One person of a household found in the roster, added on the side chosen. */
export function ResidentPartyForm({
  t,
  caseId,
  householdId,
  people,
  sides,
}: {
  t: T;
  caseId: number;
  householdId: number;
  people: TOption[];
  sides: TOption[];
}) {
  return (
    <ActionForm action={A.addResidentPartyAction}>
      {(state) => (
        <>
          <Case caseId={caseId} />
          <input type="hidden" name="householdId" value={householdId} />
          <Select name="personId" label={t.person!} options={people} state={state} placeholder={t.choose} />
          <Select name="side" label={t.side!} options={sides} state={state} placeholder={t.choose} />
          <SubmitButton>{t.addAs}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function OutsidePartyForm({ t, caseId, sides }: { t: T; caseId: number; sides: TOption[] }) {
  return (
    <ActionForm action={A.addOutsidePartyAction}>
      {(state) => (
        <>
          <Case caseId={caseId} />
          <Select name="side" label={t.side!} options={sides} state={state} placeholder={t.choose} />
          <Field name="name" label={t.name!} state={state} />
          <Field name="phone" label={t.phone!} type="tel" inputMode="tel" state={state} />
          <Field name="address" label={t.address!} state={state} required={false} />
          <SubmitButton>{t.addParty}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** The community's eligible mediators; a party's neighbour is named only with the warning confirmed. */
export function MediatorForm({ t, caseId, eligible }: { t: T; caseId: number; eligible: TOption[] }) {
  return (
    <ActionForm action={A.addMediatorAction}>
      {(state) => (
        <>
          <Case caseId={caseId} />
          <Select name="mediator" label={t.mediator!} options={eligible} state={state} placeholder={t.choose} />
          <Checkbox name="lead" label={t.leadBox!} state={state} />
          <Checkbox name="confirmNeighbour" label={t.confirmNeighbour!} state={state} />
          <SubmitButton>{t.addMediator}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RemoveMediatorForm({ t, caseId, mediatorId }: { t: T; caseId: number; mediatorId: number }) {
  return (
    <ActionForm action={A.removeMediatorAction} className="inline">
      {() => (
        <>
          <Case caseId={caseId} />
          <input type="hidden" name="mediatorId" value={mediatorId} />
          <SubmitButton variant="secondary">{t.remove}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ScheduleForm({ t, caseId, formats }: { t: T; caseId: number; formats: TOption[] }) {
  return (
    <ActionForm action={A.scheduleSessionAction}>
      {(state) => (
        <>
          <Case caseId={caseId} />
          <Field name="startsAt" label={t.startsAt!} type="datetime-local" state={state} />
          <Field name="location" label={t.location!} state={state} />
          <Select name="format" label={t.format!} options={formats} state={state} placeholder={t.choose} />
          <SubmitButton>{t.schedule}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

type TPresent = { parties: { value: number; label: string }[]; mediators: { value: number; label: string }[] };

function Held({ t, present }: { t: T; present: TPresent }) {
  return (
    <>
      <CheckboxGroup name="partyIds" legend={t.presentParties!} items={present.parties} />
      <CheckboxGroup name="mediatorIds" legend={t.presentMediators!} items={present.mediators} />
    </>
  );
}

/** A scheduled session recorded once it has started; or one already held, with its time, place and format. */
export function RecordForm({
  t,
  caseId,
  sessionId,
  present,
  formats,
}: {
  t: T;
  caseId: number;
  sessionId?: number;
  present: TPresent;
  formats: TOption[];
}) {
  return (
    <ActionForm action={sessionId ? A.recordScheduledAction : A.recordHeldAction}>
      {(state) => (
        <>
          <Case caseId={caseId} />
          {sessionId ? (
            <input type="hidden" name="sessionId" value={sessionId} />
          ) : (
            <>
              <Field name="startsAt" label={t.startsAt!} type="datetime-local" state={state} />
              <Field name="location" label={t.location!} state={state} />
              <Select name="format" label={t.format!} options={formats} state={state} placeholder={t.choose} />
            </>
          )}
          <Held t={t} present={present} />
          <TextArea name="notes" label={t.notes!} state={state} />
          <TextArea name="outcome" label={t.outcome!} state={state} rows={2} />
          <SubmitButton>{t.record}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function CancelSessionForm({ t, caseId, sessionId }: { t: T; caseId: number; sessionId: number }) {
  return (
    <ActionForm action={A.cancelSessionAction}>
      {() => (
        <>
          <Case caseId={caseId} />
          <input type="hidden" name="sessionId" value={sessionId} />
          <SubmitButton variant="secondary">{t.cancel}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function WithdrawForm({ t, caseId }: { t: T; caseId: number }) {
  return (
    <ActionForm action={A.withdrawCaseAction}>
      {(state) => (
        <>
          <Case caseId={caseId} />
          <Checkbox name="confirm" label={t.confirmWithdraw!} state={state} />
          <SubmitButton variant="secondary">{t.withdraw}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
