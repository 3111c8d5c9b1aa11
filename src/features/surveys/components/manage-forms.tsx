'use client';
import { ActionForm, Checkbox, Field, FormKey, Select, SubmitButton, TextArea } from '@/components/action-form';
import {
  addQuestionAction,
  closeSurveyAction,
  createSurveyAction,
  openSurveyAction,
  publishResultsAction,
  removeQuestionAction,
  updateSurveyAction,
} from '../actions';

type TOption = { value: string; label: string };
type TWords = Record<string, string>;

/** The survey's settings: kind, anonymity and unit start unchosen on a new survey (they decide what is recorded). */
function SettingsFields({
  t,
  state,
  kinds,
  units,
  values,
}: {
  t: TWords;
  state: Parameters<typeof Field>[0]['state'];
  kinds: TOption[];
  units: TOption[];
  values?: Record<string, string>;
}) {
  const anonymity = [
    { value: 'YES', label: t.anonymousYes! },
    { value: 'NO', label: t.anonymousNo! },
  ];
  return (
    <>
      <Select name="kind" label={t.kind!} options={kinds} state={state} placeholder={t.choose} defaultValue={values?.kind} />
      <Field name="title" label={t.title!} state={state} defaultValue={values?.title} />
      <TextArea name="intro" label={t.intro!} state={state} required={false} rows={3} defaultValue={values?.intro} />
      <Select
        name="anonymous"
        label={t.anonymous!}
        options={anonymity}
        state={state}
        placeholder={t.choose}
        defaultValue={values?.anonymous}
      />
      <Select name="unit" label={t.unit!} options={units} state={state} placeholder={t.choose} defaultValue={values?.unit} />
      <Field name="closesAt" label={t.closesAt!} type="datetime-local" state={state} defaultValue={values?.closesAt} />
    </>
  );
}

export function CreateSurveyForm({
  t,
  places,
  kinds,
  units,
  viewHref,
}: {
  t: TWords;
  places: TOption[];
  kinds: TOption[];
  units: TOption[];
  viewHref: string;
}) {
  return (
    <ActionForm
      action={createSurveyAction}
      result={(s) =>
        s.ok && s.data ? (
          <a
            href={viewHref.replace('ID', String((s.data as { id: number }).id))}
            className="mt-2 inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline"
          >
            {t.editTitle}
          </a>
        ) : null
      }
    >
      {(state) => (
        <>
          <FormKey state={state} />
          <Select name="place" label={t.place!} options={places} state={state} placeholder={t.choose} />
          <SettingsFields t={t} state={state} kinds={kinds} units={units} />
          <SubmitButton>{t.create}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function SurveySettingsForm({
  t,
  surveyId,
  kinds,
  units,
  values,
}: {
  t: TWords;
  surveyId: number;
  kinds: TOption[];
  units: TOption[];
  values: Record<string, string>;
}) {
  return (
    <ActionForm action={updateSurveyAction}>
      {(state) => (
        <>
          <input type="hidden" name="surveyId" value={surveyId} />
          <SettingsFields t={t} state={state} kinds={kinds} units={units} values={values} />
          <SubmitButton variant="secondary">{t.save}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AddQuestionForm({ t, surveyId, types }: { t: TWords; surveyId: number; types: TOption[] }) {
  return (
    <ActionForm action={addQuestionAction}>
      {(state) => (
        <>
          <input type="hidden" name="surveyId" value={surveyId} />
          <Select name="type" label={t.type!} options={types} state={state} placeholder={t.choose} />
          <Field name="prompt" label={t.prompt!} state={state} />
          <TextArea name="options" label={t.options!} state={state} required={false} rows={4} />
          <Field name="maxChoices" label={t.maxChoices!} state={state} inputMode="numeric" required={false} />
          <Field name="scaleMin" label={t.scaleMin!} state={state} inputMode="numeric" required={false} />
          <Field name="scaleMax" label={t.scaleMax!} state={state} inputMode="numeric" required={false} />
          <Field name="minLabel" label={t.minLabel!} state={state} required={false} />
          <Field name="maxLabel" label={t.maxLabel!} state={state} required={false} />
          <Checkbox name="required" label={t.required!} defaultChecked state={state} />
          <SubmitButton>{t.add}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RemoveQuestionForm({ surveyId, questionId, label }: { surveyId: number; questionId: number; label: string }) {
  return (
    <ActionForm action={removeQuestionAction}>
      {() => (
        <>
          <input type="hidden" name="surveyId" value={surveyId} />
          <input type="hidden" name="questionId" value={questionId} />
          <SubmitButton variant="secondary">{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

const STEP = { open: openSurveyAction, close: closeSurveyAction, publish: publishResultsAction } as const;

/** One button that moves the survey on: open, close, or publish the results. */
export function SurveyStepForm({ surveyId, step, label }: { surveyId: number; step: keyof typeof STEP; label: string }) {
  return (
    <ActionForm action={STEP[step]}>
      {() => (
        <>
          <input type="hidden" name="surveyId" value={surveyId} />
          <SubmitButton variant={step === 'open' ? 'primary' : 'secondary'}>{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
