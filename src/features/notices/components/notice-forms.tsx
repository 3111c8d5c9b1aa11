'use client';
import { ActionForm, Checkbox, Field, Select, SubmitButton, TextArea } from '@/components/action-form';
import { answerAction, concludeAction, objectionAction, publishNoticeAction } from '../actions';
import { FileField } from '@/components/upload-field';
import { DOCUMENT_ACCEPT } from '@/lib/document-accept';
import { CalendarWarning, type TCalendarWarning } from '@/components/calendar-warning';

type TT = Record<string, string>;

export function NoticeForm({
  places,
  categories,
  t,
  supersedes,
  viewHref,
}: {
  places: { value: string; label: string }[];
  categories: { value: string; label: string }[];
  t: TT;
  supersedes?: number;
  viewHref: string;
}) {
  return (
    <ActionForm
      action={publishNoticeAction}
      result={(s) => {
        const data = s.ok ? (s.data as { id: number; warning?: TCalendarWarning } | undefined) : undefined;
        return data ? (
          <>
            <a
              href={viewHref.replace('ID', String(data.id))}
              className="mt-2 inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline"
            >
              {t.view}
            </a>
            {data.warning && <CalendarWarning warning={data.warning} />}
          </>
        ) : null;
      }}
    >
      {(s) =>
        s?.ok ? null : (
          <>
            {supersedes && <input type="hidden" name="supersedesId" value={supersedes} />}
            <Select name="place" label={t.place!} options={places} state={s} />
            <Select name="category" label={t.category!} options={categories} state={s} />
            <Field name="title" label={t.title!} state={s} />
            <TextArea name="html" label={t.body!} hint={t.bodyHint} rows={10} state={s} />
            <div className="grid grid-cols-2 gap-3">
              <Field name="days" label={t.days!} inputMode="numeric" defaultValue="7" state={s} />
              <Select
                name="unit"
                label={t.unit!}
                options={[
                  { value: 'CALENDAR', label: t.calendar! },
                  { value: 'WORKING', label: t.working! },
                ]}
                state={s}
              />
            </div>
            <FileField name="files" kind="attachment" label={t.files!} accept={DOCUMENT_ACCEPT} multiple state={s} />
            <SubmitButton>{t.publish}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}

export function ObjectionForm({ noticeId, t }: { noticeId: number; t: TT }) {
  return (
    <ActionForm action={objectionAction}>
      {(s) => (
        <>
          <input type="hidden" name="noticeId" value={noticeId} />
          <TextArea name="body" label={t.objection!} state={s} />
          <Checkbox name="anonymous" label={t.anonymous!} />
          <SubmitButton>{t.object}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AnswerForm({ objectionId, t }: { objectionId: number; t: TT }) {
  return (
    <ActionForm action={answerAction}>
      {(s) => (
        <>
          <input type="hidden" name="objectionId" value={objectionId} />
          <Field name="answer" label={t.answer!} state={s} />
          <SubmitButton>{t.answerSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ConcludeForm({ noticeId, t }: { noticeId: number; t: TT }) {
  return (
    <ActionForm action={concludeAction}>
      {() => (
        <>
          <input type="hidden" name="noticeId" value={noticeId} />
          <SubmitButton>{t.conclude}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print min-h-12 rounded-lg border border-stone-400 bg-white px-5 text-lg"
    >
      {label}
    </button>
  );
}
