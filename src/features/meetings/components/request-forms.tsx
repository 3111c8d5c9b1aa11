'use client';
import { ActionForm, FormKey, Select, SubmitButton, TextArea } from '@/components/action-form';
import * as A from '../residents-actions';

type TT = Record<string, string>;

/** Starting an art. 10 request: the basis has no preselected answer (it decides the count the law asks for). */
export function StartRequestForm({ communityId, t, viewHref }: { communityId: number; t: TT; viewHref: string }) {
  return (
    <ActionForm
      action={A.startRequestAction}
      result={(s) => {
        const id = s.ok ? (s.data as { id?: number } | undefined)?.id : undefined;
        return id ? (
          <a
            href={viewHref.replace('ID', String(id))}
            className="mt-2 inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline"
          >
            {t.title}
          </a>
        ) : null;
      }}
    >
      {(s) => (
        <>
          <FormKey state={s} />
          <input type="hidden" name="communityId" value={communityId} />
          <Select
            name="basis"
            label={t.basis!}
            placeholder={t.basisChoose!}
            options={['HOUSEHOLDS', 'ADULTS', 'GROUPS'].map((b) => ({ value: b, label: t[`basis_${b}`]! }))}
            state={s}
          />
          <TextArea name="matter" label={t.matter!} state={s} rows={4} />
          <SubmitButton>{t.start}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Staff answer with a scheduled residents' meeting of the community (no preselected meeting). */
export function CallRequestForm({ requestId, meetings, t }: { requestId: number; meetings: { value: string; label: string }[]; t: TT }) {
  return (
    <ActionForm action={A.callRequestAction}>
      {(s) => (
        <>
          <input type="hidden" name="requestId" value={requestId} />
          <Select name="meetingId" label={t.meeting!} placeholder={t.meetingChoose!} options={meetings} state={s} />
          <SubmitButton>{t.call}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function CloseRequestForm({ requestId, t }: { requestId: number; t: TT }) {
  return (
    <ActionForm action={A.closeRequestAction}>
      {(s) => (
        <>
          <input type="hidden" name="requestId" value={requestId} />
          <TextArea name="reason" label={t.closeReason!} state={s} rows={2} />
          <SubmitButton variant="secondary">{t.close}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
