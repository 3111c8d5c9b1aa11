'use client';
import { ActionForm, Checkbox, Field, Select, SubmitButton, TextArea } from '@/components/action-form';
import { castAction, closeVoteAction, configureAction, paperAction } from '../actions';

type TT = Record<string, string>;

export function ConfigureForm({
  motionId,
  owners,
  meetings,
  t,
}: {
  motionId: number;
  owners: boolean;
  meetings: { value: string; label: string }[];
  t: TT;
}) {
  return (
    <ActionForm action={configureAction}>
      {(s) => (
        <>
          <input type="hidden" name="motionId" value={motionId} />
          <Select
            name="mode"
            label={t.mode!}
            options={[
              { value: 'ELECTRONIC', label: t.mode_ELECTRONIC! },
              { value: 'WRITTEN', label: t.mode_WRITTEN! },
              { value: 'SHOW_OF_HANDS', label: t.mode_SHOW_OF_HANDS! },
            ]}
            defaultValue={owners ? 'WRITTEN' : 'ELECTRONIC'}
            state={s}
          />
          <Field name="closesAt" type="datetime-local" label={t.closesAt!} state={s} required={false} />
          {!owners && <Select name="meetingId" label={t.meeting!} options={[{ value: '', label: t.noMeeting! }, ...meetings]} state={s} />}
          {!owners && <Checkbox name="secret" label={t.secret!} />}
          <Checkbox name="hideResults" label={t.hideResults!} />
          <Checkbox name="allowChange" label={t.allowChange!} />
          {owners && <Field name="proxyLimit" label={t.proxyLimit!} inputMode="numeric" defaultValue="1" state={s} />}
          {!owners && <input type="hidden" name="proxyLimit" value="0" />}
          <SubmitButton>{t.configure}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Three large buttons: 赞成, 反对, 弃权. After a ballot the receipt takes their place (the page is not rendered again). */
export function BallotButtons({ motionId, t }: { motionId: number; t: TT }) {
  return (
    <ActionForm action={castAction}>
      {(s) =>
        s?.ok ? (
          <p className="rounded-lg border border-green-300 bg-green-50 p-3 text-lg text-green-900" data-testid="receipt">
            {(s.data as { receipt: string }).receipt}
          </p>
        ) : (
          <>
            <input type="hidden" name="motionId" value={motionId} />
            <div className="grid grid-cols-3 gap-3">
              {(['FOR', 'AGAINST', 'ABSTAIN'] as const).map((c) => (
                <button
                  key={c}
                  type="submit"
                  name="choice"
                  value={c}
                  className={`min-h-16 rounded-lg text-xl font-semibold ${c === 'FOR' ? 'bg-brand-700 text-white' : 'border border-stone-400 bg-white'}`}
                >
                  {t[`choice_${c}`]}
                </button>
              ))}
            </div>
          </>
        )
      }
    </ActionForm>
  );
}

export function PaperBallotForm({ motionId, voters, t }: { motionId: number; voters: { value: string; label: string }[]; t: TT }) {
  return (
    <ActionForm action={paperAction}>
      {(s) => (
        <>
          <input type="hidden" name="motionId" value={motionId} />
          <Select name="voterKey" label={t.voter!} options={voters} state={s} />
          <Select
            name="choice"
            label={t.choice!}
            options={(['FOR', 'AGAINST', 'ABSTAIN'] as const).map((c) => ({ value: c, label: t[`choice_${c}`]! }))}
            state={s}
          />
          <Select
            name="holder"
            label={t.proxyHolder!}
            options={[{ value: '', label: t.noProxy! }, ...voters.filter((v) => v.value !== '0')]}
            state={s}
          />
          <Field name="document" label={t.proxyDocument!} state={s} required={false} />
          <SubmitButton>{t.enterPaper}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Closing a vote before its end time: a confirmation and a reason, both recorded. */
export function EarlyCloseForm({ motionId, t }: { motionId: number; t: TT }) {
  return (
    <ActionForm action={closeVoteAction}>
      {(s) => (
        <>
          <input type="hidden" name="motionId" value={motionId} />
          <p className="text-lg">{t.earlyCloseHint}</p>
          <TextArea name="reason" label={t.earlyCloseReason!} state={s} rows={2} />
          <Checkbox name="confirmed" label={t.earlyCloseConfirm!} />
          <SubmitButton>{t.close}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
