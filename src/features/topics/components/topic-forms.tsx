'use client';
import type { ReactNode } from 'react';
import { ActionForm, Checkbox, CheckboxGroup, Field, Select, SubmitButton, TextArea, type TFormState } from '@/components/action-form';
import * as A from '../actions';
import { FileField } from '@/components/upload-field';
import { DOCUMENT_ACCEPT } from '@/lib/document-accept';

type TT = Record<string, string>;
type TAction = (s: TFormState, fd: FormData) => Promise<TFormState>;

/** A form for one topic: the topic's id goes with it; fields come from the caller. */
function TopicForm({
  action,
  topicId,
  children,
  submit,
}: {
  action: TAction;
  topicId: number;
  children: (s: TFormState) => ReactNode;
  submit: string;
}) {
  return (
    <ActionForm action={action}>
      {(s) => (
        <>
          <input type="hidden" name="topicId" value={topicId} />
          {children(s)}
          <SubmitButton>{submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AdvanceForm({ topicId, lockVersion, t }: { topicId: number; lockVersion: number; t: TT }) {
  return (
    <ActionForm action={A.advanceTopicAction}>
      {() => (
        <>
          <input type="hidden" name="topicId" value={topicId} />
          <input type="hidden" name="lockVersion" value={lockVersion} />
          <input type="hidden" name="type" value="ADVANCE" />
          <SubmitButton>{t.advance}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ReasonForm({
  topicId,
  lockVersion,
  type,
  t,
}: {
  topicId: number;
  lockVersion: number;
  type: 'RETURN' | 'WITHDRAW';
  t: TT;
}) {
  return (
    <ActionForm action={A.advanceTopicAction}>
      {(s) => (
        <>
          <input type="hidden" name="topicId" value={topicId} />
          <input type="hidden" name="lockVersion" value={lockVersion} />
          <input type="hidden" name="type" value={type} />
          <Field name="reason" label={t.reason!} state={s} />
          <SubmitButton>{type === 'RETURN' ? t.return : t.withdraw}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function InviteForm({
  topicId,
  groups,
  t,
}: {
  topicId: number;
  groups: { label: string; items: { key: string; label: string }[] }[];
  t: TT;
}) {
  return (
    <TopicForm action={A.inviteAction} topicId={topicId} submit={t.inviteSubmit!}>
      {() =>
        groups.map((g) => (
          <CheckboxGroup key={g.label} name="keys" legend={g.label} items={g.items.map((i) => ({ value: i.key, label: i.label }))} />
        ))
      }
    </TopicForm>
  );
}

export function SuggestionForm({
  topicId,
  staff,
  stances,
  t,
}: {
  topicId: number;
  staff: boolean;
  stances: { value: string; label: string }[];
  t: TT;
}) {
  return (
    <TopicForm action={A.suggestionAction} topicId={topicId} submit={t.suggestSubmit!}>
      {(s) => (
        <>
          <Select name="stance" label={t.stance!} options={stances} state={s} />
          <TextArea name="body" label={t.body!} state={s} />
          {staff && <Field name="onBehalfOf" label={t.onBehalf!} state={s} required={false} />}
          <Checkbox name="anonymous" label={t.anonymous!} />
        </>
      )}
    </TopicForm>
  );
}

export function PlanForm({ topicId, t }: { topicId: number; t: TT }) {
  return (
    <TopicForm action={A.planAction} topicId={topicId} submit={t.planSubmit!}>
      {(s) => (
        <>
          <Field name="title" label={t.planTitle!} state={s} />
          <TextArea name="body" label={t.planBody!} state={s} rows={6} />
          <Checkbox name="convention" label={t.isConvention!} />
          <Field name="budget" label={t.budget!} inputMode="text" state={s} required={false} />
          <TextArea name="budgetLines" label={t.budgetLines!} state={s} rows={3} required={false} />
          <TextArea name="funding" label={t.fundingLines!} state={s} rows={3} required={false} />
        </>
      )}
    </TopicForm>
  );
}

export function RecordForm({
  topicId,
  planVersionId,
  opinion,
  t,
}: {
  topicId: number;
  planVersionId: number | null;
  opinion: boolean;
  t: TT;
}) {
  return (
    <TopicForm action={A.recordAction} topicId={topicId} submit={t.recordSubmit!}>
      {(s) => (
        <>
          {planVersionId && <input type="hidden" name="planVersionId" value={planVersionId} />}
          <TextArea name="statement" label={opinion ? t.opinion! : t.statement!} state={s} />
          <TextArea name="participants" label={t.participantsField!} state={s} rows={3} />
          <Field name="heldOn" type="date" label={t.heldOn!} state={s} />
        </>
      )}
    </TopicForm>
  );
}

export function ApprovalForm({ topicId, t }: { topicId: number; t: TT }) {
  return (
    <TopicForm action={A.approvalAction} topicId={topicId} submit={t.approvalSubmit!}>
      {(s) => (
        <>
          <Select
            name="decision"
            label={t.decision!}
            options={[
              { value: 'approve', label: t.approve! },
              { value: 'reject', label: t.reject! },
            ]}
            state={s}
          />
          <TextArea name="comment" label={t.comment!} state={s} rows={3} />
        </>
      )}
    </TopicForm>
  );
}

/** Counts of those who took part; the denominators are the frozen roster's, shown above the form, never typed. */
export function TallyForm({
  topicId,
  owners,
  t,
  roster,
  present,
  presentLine,
}: {
  topicId: number;
  owners: boolean;
  t: TT;
  roster?: string;
  /** At a residents' meeting: the households recorded present, shown, not typed (decision 068). */
  present?: number;
  presentLine?: string;
}) {
  const all = owners ? ['headsParticipating', 'areaParticipating', 'headsFor', 'areaFor'] : ['present', 'for', 'against', 'abstain'];
  const fields = present === undefined ? all : all.filter((f) => f !== 'present');
  return (
    <TopicForm action={owners ? A.ownersTallyAction : A.bodyTallyAction} topicId={topicId} submit={t.tallySubmit!}>
      {(s) => (
        <div className="grid grid-cols-2 gap-3">
          {roster ? <p className="col-span-2 text-lg">{roster}</p> : null}
          {present !== undefined && (
            <p className="col-span-2 text-lg font-semibold" data-testid="present-from-meeting">
              <input type="hidden" name="present" value={present} />
              {presentLine}
            </p>
          )}
          {fields.map((f) => (
            <Field key={f} name={f} label={t[f]!} inputMode={f.startsWith('area') ? 'text' : 'numeric'} state={s} />
          ))}
        </div>
      )}
    </TopicForm>
  );
}

export function BidForm({ topicId, t }: { topicId: number; t: TT }) {
  return (
    <TopicForm action={A.bidAction} topicId={topicId} submit={t.bidSubmit!}>
      {(s) => (
        <>
          <Field name="contractor" label={t.contractor!} state={s} />
          <Field name="amount" label={t.amount!} state={s} />
          <Field name="note" label={t.note!} state={s} required={false} />
        </>
      )}
    </TopicForm>
  );
}

export function ChooseBidForm({ topicId, bidId, t }: { topicId: number; bidId: number; t: TT }) {
  return (
    <TopicForm action={A.chooseBidAction} topicId={topicId} submit={t.choose!}>
      {(s) => (
        <>
          <input type="hidden" name="bidId" value={bidId} />
          <Field name="reason" label={t.chooseReason!} state={s} />
        </>
      )}
    </TopicForm>
  );
}

type TOption = { value: string; label: string };

/** Finds people of the community by name or phone for the owner list: a plain GET back to the topic page. */
export function OwnerSearch({ query, t }: { query: string; t: TT }) {
  return (
    <form method="get" action={`#task-form`} className="flex flex-wrap items-end gap-2">
      <label className="block grow text-lg">
        {t.ownerSearch}
        <input name="ownerQ" defaultValue={query} className="mt-1 min-h-12 w-full rounded-lg border border-stone-400 px-3 text-lg" />
      </label>
      <button className="min-h-12 rounded-lg border border-stone-500 px-4 text-lg">{t.ownerSearchSubmit}</button>
    </form>
  );
}

/** A task: what, who owns it (nothing preselected: a person found above, an organisation serving the place, a body), and when. */
export function TaskForm({
  topicId,
  t,
  owners,
}: {
  topicId: number;
  t: TT;
  owners: { organizations: TOption[]; bodies: TOption[]; people: TOption[] };
}) {
  const options = [
    ...owners.people.map((o) => ({ value: o.value, label: `${t.ownerPerson}：${o.label}` })),
    ...owners.organizations.map((o) => ({ value: o.value, label: `${t.ownerOrganization}：${o.label}` })),
    ...owners.bodies.map((o) => ({ value: o.value, label: `${t.ownerBody}：${o.label}` })),
  ];
  return (
    <TopicForm action={A.taskAction} topicId={topicId} submit={t.taskSubmit!}>
      {(s) => (
        <>
          <Field name="title" label={t.taskTitle!} state={s} />
          <Select name="owner" label={t.owner!} options={options} placeholder={t.ownerChoose!} state={s} />
          <Field name="dueOn" type="date" label={t.dueOn!} state={s} />
          <Field name="workingDays" type="number" label={t.workingDays!} state={s} />
        </>
      )}
    </TopicForm>
  );
}

/** One task's updates: the owner reports progress and asks for acceptance; others comment, accept or send it back. */
export function TaskUpdateForm({
  topicId,
  taskId,
  kinds,
  t,
}: {
  topicId: number;
  taskId: number;
  kinds: ('PROGRESS' | 'DONE' | 'COMMENT' | 'ACCEPT' | 'SEND_BACK')[];
  t: TT;
}) {
  const label = { PROGRESS: t.progress!, DONE: t.markDone!, COMMENT: t.comment_!, ACCEPT: t.accept!, SEND_BACK: t.sendBack! };
  return (
    <ActionForm action={A.taskUpdateAction}>
      {(s) => (
        <>
          <input type="hidden" name="topicId" value={topicId} />
          <input type="hidden" name="taskId" value={taskId} />
          <Select name="kind" label={t.update!} options={kinds.map((k) => ({ value: k, label: label[k] }))} state={s} />
          <TextArea name="body" label={t.updateBody!} state={s} rows={2} />
          {kinds.includes('PROGRESS') && <FileField name="photos" kind="photo" label={t.photos!} accept="image/*" multiple state={s} />}
          <SubmitButton>{t.updateSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ActualCostForm({ topicId, t }: { topicId: number; t: TT }) {
  return (
    <TopicForm action={A.actualCostAction} topicId={topicId} submit={t.actualCostSubmit!}>
      {(s) => <Field name="amount" label={t.amount!} state={s} />}
    </TopicForm>
  );
}

/** Withdraws a task or record entered by mistake (kept, struck through, audited); the reason is required. */
export function WithdrawForm({ topicId, entry, entryId, t }: { topicId: number; entry: 'task' | 'record'; entryId: number; t: TT }) {
  return (
    <details className="rounded-lg border border-stone-300 p-2">
      <summary className="min-h-12 cursor-pointer py-2 text-lg">{t.withdrawEntry}</summary>
      <TopicForm action={A.withdrawAction} topicId={topicId} submit={t.withdrawSubmit!}>
        {(s) => (
          <>
            <input type="hidden" name="entry" value={entry} />
            <input type="hidden" name="entryId" value={entryId} />
            <Field name="reason" label={t.withdrawReason!} state={s} />
          </>
        )}
      </TopicForm>
    </details>
  );
}

export function ResultNoticeForm({ topicId, t }: { topicId: number; t: TT }) {
  return (
    <TopicForm action={A.resultNoticeAction} topicId={topicId} submit={t.resultNotice!}>
      {() => null}
    </TopicForm>
  );
}

export function ExpenseForm({ topicId, t }: { topicId: number; t: TT }) {
  return (
    <TopicForm action={A.expenseAction} topicId={topicId} submit={t.expenseSubmit!}>
      {(s) => (
        <>
          <Field name="item" label={t.expenseItem!} state={s} />
          <Field name="amount" label={t.amount!} state={s} />
          <Field name="paidOn" type="date" label={t.paidOn!} state={s} />
          <FileField name="receipt" kind="receipt" label={t.receipt!} accept={DOCUMENT_ACCEPT} state={s} />
        </>
      )}
    </TopicForm>
  );
}

/** The party members' view: how many for, against and for amending, and what they said (decision 052). */
export function PartyViewForm({ topicId, t }: { topicId: number; t: TT }) {
  return (
    <TopicForm action={A.partyViewAction} topicId={topicId} submit={t.partyViewSubmit!}>
      {(s) => (
        <>
          <div className="grid grid-cols-3 gap-3">
            {['votesFor', 'votesAgainst', 'votesAmend'].map((f) => (
              <Field key={f} name={f} label={t[f]!} inputMode="numeric" state={s} />
            ))}
          </div>
          <TextArea name="statement" label={t.partyViewStatement!} state={s} rows={3} />
        </>
      )}
    </TopicForm>
  );
}

export function AppointLiaisonForm({ topicId, t }: { topicId: number; t: TT }) {
  return (
    <TopicForm action={A.appointLiaisonAction} topicId={topicId} submit={t.liaisonAppoint!}>
      {(s) => <Field name="phone" label={t.liaisonPhone!} inputMode="tel" state={s} />}
    </TopicForm>
  );
}

export function RevokeLiaisonForm({ topicId, t }: { topicId: number; t: TT }) {
  return (
    <TopicForm action={A.revokeLiaisonAction} topicId={topicId} submit={t.liaisonRevoke!}>
      {() => null}
    </TopicForm>
  );
}

/** The secretary's schedule of progress bulletins: every month or two weeks, from a day, until done or an end day. */
export function BulletinScheduleForm({ topicId, t }: { topicId: number; t: TT }) {
  return (
    <TopicForm action={A.bulletinScheduleAction} topicId={topicId} submit={t.bulletinScheduleSubmit!}>
      {(s) => (
        <>
          <Select
            name="cadence"
            label={t.bulletinCadence!}
            placeholder={t.bulletinCadenceChoose!}
            options={[
              { value: 'MONTHLY', label: t.bulletinMonthly! },
              { value: 'BIWEEKLY', label: t.bulletinBiweekly! },
            ]}
            state={s}
          />
          <Field name="startsOn" type="date" label={t.bulletinStartsOn!} state={s} />
          <Field name="endsOn" type="date" label={t.bulletinEndsOn!} state={s} />
        </>
      )}
    </TopicForm>
  );
}

/** A drafted bulletin under review: its text may be edited, then it is published to the board. */
export function BulletinDraftForms({ topicId, bulletinId, body, t }: { topicId: number; bulletinId: number; body: string; t: TT }) {
  return (
    <div className="space-y-3">
      <TopicForm action={A.bulletinEditAction} topicId={topicId} submit={t.bulletinSave!}>
        {(s) => (
          <>
            <input type="hidden" name="bulletinId" value={bulletinId} />
            <TextArea name="body" label={t.bulletinBody!} state={s} rows={10} defaultValue={body} />
          </>
        )}
      </TopicForm>
      <TopicForm action={A.bulletinPublishAction} topicId={topicId} submit={t.bulletinPublish!}>
        {() => <input type="hidden" name="bulletinId" value={bulletinId} />}
      </TopicForm>
    </div>
  );
}
