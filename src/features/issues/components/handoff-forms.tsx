'use client';
import { ActionForm, Checkbox, Field, Select, SubmitButton } from '@/components/action-form';
import {
  addCoHandlerAction,
  answerConsultationAction,
  estimateAction,
  handOffAction,
  openConsultationAction,
  removeCoHandlerAction,
} from '../actions';

type T = Record<string, string>;
type TChoice = { value: string; label: string };
const box = 'space-y-2 rounded-lg border border-stone-200 bg-white p-3';

/** Hand the issue on, add a co-handler, estimate the cost, consult the building (decision 050); the server decides again. */
export function HandOffForms({
  issueId,
  choices,
  coHandlers,
  consult,
  t,
}: {
  issueId: number;
  choices: TChoice[];
  coHandlers: { party: string; name: string }[];
  consult: boolean;
  t: T;
}) {
  return (
    <div className="space-y-2">
      <details className={box} data-testid="hand-off">
        <summary className="min-h-11 cursor-pointer py-2 text-lg text-brand-700">{t.handOff}</summary>
        <ActionForm action={handOffAction} className="space-y-2">
          {(s) => (
            <>
              <input type="hidden" name="issueId" value={issueId} />
              <Select name="to" label={t.handOffTo!} options={choices} state={s} />
              <Checkbox name="keepPrevious" label={t.keepPrevious!} defaultChecked state={s} />
              <Field name="note" label={t.note!} state={s} required={false} />
              <SubmitButton>{t.handOffSubmit}</SubmitButton>
            </>
          )}
        </ActionForm>
      </details>
      <details className={box} data-testid="co-handler">
        <summary className="min-h-11 cursor-pointer py-2 text-lg text-brand-700">{t.addCoHandler}</summary>
        <ActionForm action={addCoHandlerAction} className="space-y-2">
          {(s) => (
            <>
              <input type="hidden" name="issueId" value={issueId} />
              <Select name="to" label={t.addCoHandler!} options={choices} state={s} />
              <SubmitButton>{t.addCoHandlerSubmit}</SubmitButton>
            </>
          )}
        </ActionForm>
        {coHandlers.map((c) => (
          <ActionForm key={c.party} action={removeCoHandlerAction}>
            {() => (
              <>
                <input type="hidden" name="issueId" value={issueId} />
                <input type="hidden" name="party" value={c.party} />
                <SubmitButton>{`${t.removeCoHandler}：${c.name}`}</SubmitButton>
              </>
            )}
          </ActionForm>
        ))}
      </details>
      <details className={box} data-testid="estimate">
        <summary className="min-h-11 cursor-pointer py-2 text-lg text-brand-700">{t.recordEstimate}</summary>
        <ActionForm action={estimateAction} className="space-y-2">
          {(s) => (
            <>
              <input type="hidden" name="issueId" value={issueId} />
              <Field name="amount" label={t.amount!} state={s} inputMode="numeric" />
              <Field name="note" label={t.estimateNote!} state={s} required={false} />
              <SubmitButton>{t.estimateSubmit}</SubmitButton>
            </>
          )}
        </ActionForm>
      </details>
      {consult && (
        <details className={box} data-testid="consult">
          <summary className="min-h-11 cursor-pointer py-2 text-lg text-brand-700">{t.consultOpen}</summary>
          <ActionForm action={openConsultationAction} className="space-y-2">
            {(s) => (
              <>
                <input type="hidden" name="issueId" value={issueId} />
                <p className="text-base text-stone-700">{t.consultAdvisory}</p>
                <Field name="question" label={t.consultQuestion!} state={s} />
                <Field name="hours" label={t.consultHours!} state={s} inputMode="numeric" defaultValue="24" />
                <SubmitButton>{t.consultSubmit}</SubmitButton>
              </>
            )}
          </ActionForm>
        </details>
      )}
    </div>
  );
}

/** An owner of the building answers the consultation, once. */
export function AnswerForm({ consultationId, t }: { consultationId: number; t: T }) {
  const answers = (['AGREE', 'DISAGREE', 'NO_VIEW'] as const).map((a) => ({ value: a, label: t[`answer_${a}`]! }));
  return (
    <ActionForm action={answerConsultationAction} className={box}>
      {(s) => (
        <>
          <input type="hidden" name="consultationId" value={consultationId} />
          <Select name="answer" label={t.answerLabel!} options={answers} state={s} placeholder="" />
          <SubmitButton>{t.answerSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
