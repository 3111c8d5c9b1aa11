'use client';
import { useState } from 'react';
import { ActionForm, Checkbox, Field, FormKey, Select, SubmitButton, TextArea, type TFormState } from '@/components/action-form';
import { CalendarWarning, type TCalendarWarning } from '@/components/calendar-warning';
import * as A from '../actions';
import { useLiveFigures } from './use-live-figures';
import { KindBodyHosts, type TKindChoices } from './kind-hosts';
import { ResidentsScheduleFields } from './residents-fields';
import { OpenCheckbox } from './open-forms';

type TT = Record<string, string>;
type TOption = { value: string; label: string };

export function ScheduleForm({
  t,
  choices,
  places,
  viewHref,
  rt,
}: {
  t: TT;
  /** Kinds and types, bodies, a joint meeting's hosts (decision 066). */
  choices: TKindChoices;
  /** meetings.residents labels: the electorate and the short-notice reason (decision 068). */
  rt?: TT;
  places: TOption[];
  viewHref: string;
}) {
  const [repeat, setRepeat] = useState('NONE');
  return (
    <ActionForm
      action={A.scheduleAction}
      result={(s) => {
        const data = s.ok ? (s.data as { id?: number; warning?: TCalendarWarning } | undefined) : undefined;
        return (
          <>
            {data?.id && (
              <a
                href={viewHref.replace('ID', String(data.id))}
                className="mt-2 inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline"
              >
                {t.view}
              </a>
            )}
            {data?.warning && <CalendarWarning warning={data.warning} />}
          </>
        );
      }}
    >
      {(s) => (
        <>
          <FormKey state={s} />
          <Field name="title" label={t.title!} state={s} />
          <Select name="place" label={t.place!} options={places} state={s} />
          <KindBodyHosts choices={choices} state={s} t={t} />
          <Field name="location" label={t.location!} state={s} />
          <Select
            name="mode"
            label={t.mode!}
            options={[
              { value: 'IN_PERSON', label: t.inPerson! },
              { value: 'ONLINE', label: t.online! },
              { value: 'BOTH', label: t.both! },
            ]}
            state={s}
          />
          <Field name="onlineUrl" label={t.onlineUrl!} type="url" state={s} required={false} />
          <div className="grid grid-cols-2 gap-3">
            <Field name="date" type="date" label={t.date!} state={s} />
            <Field name="time" type="time" label={t.time!} defaultValue="09:00" state={s} />
          </div>
          <Field name="duration" label={t.duration!} inputMode="numeric" defaultValue="120" state={s} />
          <div className="space-y-1">
            <label htmlFor="repeat" className="block text-lg font-medium">
              {t.repeat}
            </label>
            <select
              id="repeat"
              name="repeat"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              className="min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg"
            >
              {['NONE', 'MONTHLY', 'QUARTERLY', 'WEEKLY'].map((r) => (
                <option key={r} value={r}>
                  {t[`repeat_${r}`]}
                </option>
              ))}
            </select>
          </div>
          {(repeat === 'MONTHLY' || repeat === 'QUARTERLY') && <Field name="monthDays" label={t.monthDays!} state={s} />}
          {repeat === 'WEEKLY' && (
            <Select
              name="weekday"
              label={t.weekday!}
              options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: String(d), label: t[`weekday${d}`]! }))}
              state={s}
            />
          )}
          {repeat !== 'NONE' && <Checkbox name="shift" label={t.shift!} />}
          {rt && <ResidentsScheduleFields t={rt} state={s} />}
          <OpenCheckbox label={t.open!} state={s} />
          <SubmitButton>{t.schedule}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** A one-button form carrying hidden fields. */
export function ButtonForm({
  action,
  fields,
  label,
  secondary,
}: {
  action: (s: TFormState, fd: FormData) => Promise<TFormState>;
  fields: Record<string, string | number>;
  label: string;
  secondary?: boolean;
}) {
  return (
    <ActionForm action={action} className="inline-block">
      {() => (
        <>
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          {secondary ? (
            <button type="submit" className="min-h-12 rounded-lg border border-stone-400 bg-white px-4 text-lg">
              {label}
            </button>
          ) : (
            <SubmitButton>{label}</SubmitButton>
          )}
        </>
      )}
    </ActionForm>
  );
}

export function AgendaForm({ meetingId, topics, t }: { meetingId: number; topics: TOption[]; t: TT }) {
  return (
    <ActionForm action={A.agendaAction}>
      {(s) => (
        <>
          <input type="hidden" name="meetingId" value={meetingId} />
          <Field name="title" label={t.agendaTitle!} state={s} />
          <Select name="topicId" label={t.agendaTopic!} options={[{ value: '', label: t.noTopic! }, ...topics]} state={s} />
          <SubmitButton>{t.addAgenda}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AgendaRecordForm({ itemId, t }: { itemId: number; t: TT }) {
  return (
    <ActionForm action={A.agendaRecordAction}>
      {(s) => (
        <>
          <input type="hidden" name="itemId" value={itemId} />
          <Field name="discussion" label={t.discussion!} state={s} required={false} />
          <Field name="outcome" label={t.outcome!} state={s} />
          <SubmitButton>{t.saveRecord}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function MinutesForm({ meetingId, body, status, t }: { meetingId: number; body: string; status: string | null; t: TT }) {
  return (
    <ActionForm action={A.minutesAction}>
      {(s) => (
        <>
          <input type="hidden" name="meetingId" value={meetingId} />
          <TextArea name="body" label={t.minutes!} rows={8} defaultValue={body} state={s} required={false} />
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              name="step"
              value="SAVE"
              className="min-h-12 rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white"
            >
              {t.saveMinutes}
            </button>
            {status === 'DRAFT' && (
              <button
                type="submit"
                name="step"
                value="CIRCULATED"
                className="min-h-12 rounded-lg border border-stone-400 bg-white px-5 text-lg"
              >
                {t.circulate}
              </button>
            )}
            {status === 'CIRCULATED' && (
              <button
                type="submit"
                name="step"
                value="APPROVED"
                className="min-h-12 rounded-lg border border-stone-400 bg-white px-5 text-lg"
              >
                {t.approve}
              </button>
            )}
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function VisitForm({
  meetingId,
  categories,
  compounds,
  t,
}: {
  meetingId: number;
  categories: TOption[];
  compounds: TOption[];
  t: TT;
}) {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return (
    <ActionForm
      action={async (s, fd) => {
        const r = await A.visitAction(s, fd);
        if (r?.ok) setKey(crypto.randomUUID());
        return r;
      }}
    >
      {(s) => (
        <>
          <input type="hidden" name="meetingId" value={meetingId} />
          <input type="hidden" name="idempotencyKey" value={key} />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field name="name" label={t.visitor!} state={s} />
            <Field name="phone" label={t.visitorPhone!} type="tel" inputMode="tel" state={s} required={false} />
          </div>
          <TextArea name="matter" label={t.matter!} rows={3} state={s} />
          <p className="text-base text-stone-700">{t.asIssueHint}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Select name="categoryId" label={t.category!} options={[{ value: '', label: t.noIssue! }, ...categories]} state={s} />
            <Select name="compoundId" label={t.compound!} options={[{ value: '', label: t.noIssue! }, ...compounds]} state={s} />
          </div>
          <SubmitButton>{t.logVisit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** 应到 / 实到 and the quorum, refreshed every few seconds while members sign in. */
type TPanel = {
  expected: number;
  present: number;
  onSite: number;
  online: number;
  least: number | null;
  met: boolean | null;
  /** 参与人次: residents, walk-ins and guests (decision 067). */
  participants?: number;
};

/** 应到 / 实到 for everyone watching, live (issue 22 item 7: useLiveFigures). */
export function AttendancePanel({ meetingId, initial, t, src }: { meetingId: number; initial: TPanel; t: TT; src?: string }) {
  const p = useLiveFigures(src ?? `/api/meetings/${meetingId}/attendance`, initial);
  const tone = p.met === null ? 'bg-stone-100 text-stone-900' : p.met ? 'bg-green-100 text-green-900' : 'bg-amber-100 text-amber-950';
  return (
    <div className={`rounded-lg p-4 text-xl ${tone}`} data-testid="attendance-panel" aria-live="polite">
      <p className="font-semibold">
        {t.expected} {p.expected} · {t.present} <span data-testid="present">{p.present}</span>
      </p>
      {p.online > 0 && (
        <p data-testid="present-split">
          {t.onSite} <span data-testid="on-site">{p.onSite}</span> · {t.onlineCount} <span data-testid="online">{p.online}</span>
        </p>
      )}
      {!!p.participants && (
        <p data-testid="participants-line">
          {t.participants} <span data-testid="participants">{p.participants}</span>
        </p>
      )}
      {p.met !== null && <p data-testid="quorum">{p.met ? t.quorumMet : t.quorumNotMet?.replace('{least}', String(p.least))}</p>}
    </div>
  );
}
