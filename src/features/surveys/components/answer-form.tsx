'use client';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { answerSurveyAction } from '../actions';

export type TFormQuestion = {
  id: number;
  position: number;
  type: 'SINGLE' | 'MULTIPLE' | 'SCALE' | 'TEXT';
  prompt: string;
  required: boolean;
  options: readonly string[];
  maxChoices: number | null;
  scaleMin: number | null;
  scaleMax: number | null;
  minLabel: string | null;
  maxLabel: string | null;
};

/** A choice as a big tappable row (radio or checkbox inside its label): nothing is chosen until the resident chooses. */
function Choice({ type, name, value, label }: { type: 'radio' | 'checkbox'; name: string; value: string; label: string }) {
  return (
    <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-stone-300 bg-white px-3 py-2 text-lg has-checked:border-brand-700 has-checked:bg-brand-50">
      <input type={type} name={name} value={value} className="size-6 shrink-0 accent-brand-700" />
      <span>{label}</span>
    </label>
  );
}

/**
 * The resident's survey form (decision 073): single choices as radio rows, multiple as checkbox rows, a scale as a row
 * of big point buttons with its end labels, free text in a box. No answer is preselected. Works before JavaScript.
 */
export function AnswerForm({ surveyId, questions, t }: { surveyId: number; questions: TFormQuestion[]; t: Record<string, string> }) {
  return (
    <ActionForm
      action={answerSurveyAction}
      result={(s) => (s.ok ? <p className="text-lg font-semibold text-green-800">{t.sent}</p> : null)}
    >
      {() => (
        <>
          <input type="hidden" name="surveyId" value={surveyId} />
          {questions.map((q) => (
            <fieldset key={q.id} className="space-y-2 rounded-lg border border-stone-200 bg-stone-50 p-3" data-testid="survey-question">
              <legend className="px-1 text-lg font-semibold">
                {q.position}. {q.prompt}{' '}
                <span className="text-base font-normal text-stone-700">
                  （{q.required ? t.required : t.optional}
                  {q.type === 'MULTIPLE' && q.maxChoices ? `，${t.pickUpTo!.replace('{max}', String(q.maxChoices))}` : ''}）
                </span>
              </legend>
              {(q.type === 'SINGLE' || q.type === 'MULTIPLE') && (
                <div className="space-y-2">
                  {q.options.map((o, i) => (
                    <Choice key={i} type={q.type === 'SINGLE' ? 'radio' : 'checkbox'} name={`q${q.id}`} value={String(i)} label={o} />
                  ))}
                </div>
              )}
              {q.type === 'SCALE' && (
                <div className="space-y-2">
                  <div className="flex flex-wrap gap-2">
                    {Array.from({ length: q.scaleMax! - q.scaleMin! + 1 }, (_, i) => q.scaleMin! + i).map((p) => (
                      <label
                        key={p}
                        className="flex min-h-12 min-w-12 cursor-pointer items-center justify-center rounded-lg border border-stone-400 bg-white px-3 text-xl font-semibold has-checked:border-brand-700 has-checked:bg-brand-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-700"
                      >
                        <input type="radio" name={`s${q.id}`} value={p} className="sr-only" />
                        {p}
                      </label>
                    ))}
                  </div>
                  {(q.minLabel || q.maxLabel) && (
                    <p className="text-base text-stone-700">
                      {q.scaleMin} = {q.minLabel ?? ''} · {q.scaleMax} = {q.maxLabel ?? ''}
                    </p>
                  )}
                </div>
              )}
              {q.type === 'TEXT' && (
                <>
                  <p className="text-base text-stone-700">{t.textHint}</p>
                  <textarea
                    name={`t${q.id}`}
                    rows={4}
                    maxLength={1000}
                    aria-label={q.prompt}
                    className="w-full rounded-lg border border-stone-400 bg-white p-3 text-lg"
                  />
                </>
              )}
            </fieldset>
          ))}
          <SubmitButton>{t.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
