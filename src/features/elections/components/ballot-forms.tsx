'use client';
import { ActionForm, Checkbox, Field, Select, SubmitButton } from '@/components/action-form';
import {
  callRunoffAction,
  countBallotsAction,
  electionBallotAction,
  openVotingAction,
  paperBallotAction,
  publishResultAction,
} from '../vote-actions';

type TT = Record<string, string>;
type TCandidate = { id: number; name: string; statement: string | null };
type TStep = { step: 'check' | 'edit'; ids: number[]; names: string[] } | undefined;

/** Large checkboxes of the listed candidates; `checked` brings back a choice when the elector goes back to change it. */
function CandidateBoxes({
  candidates,
  checked,
  legend,
  hint,
}: {
  candidates: TCandidate[];
  checked: number[];
  legend: string;
  hint: string;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-lg font-medium">{legend}</legend>
      <p className="text-base text-stone-700">{hint}</p>
      {candidates.map((c) => (
        <label key={c.id} className="flex min-h-12 items-start gap-3 rounded-lg border border-stone-300 p-3 text-lg">
          <input
            type="checkbox"
            name="candidateIds"
            value={c.id}
            defaultChecked={checked.includes(c.id)}
            className="mt-1 size-6 shrink-0"
          />
          <span>
            <span className="font-semibold">{c.name}</span>
            {c.statement && <span className="block text-base text-stone-700">{c.statement}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The elector's ballot in two steps, both on the server (so it works before JavaScript loads): the choices are checked
 * and shown once more, then cast. Choosing nobody is a blank ballot (the hint says so).
 */
export function ElectionBallotForm({ electionId, candidates, t }: { electionId: number; candidates: TCandidate[]; t: TT }) {
  return (
    <ActionForm action={electionBallotAction}>
      {(s) => {
        const d = (s?.data as TStep) ?? undefined;
        return (
          <>
            <input type="hidden" name="electionId" value={electionId} />
            {d?.step === 'check' ? (
              <div className="space-y-3 rounded-lg border-2 border-brand-700 p-4" data-testid="ballot-confirm">
                <h3 className="text-xl font-semibold">{t.confirmHeading}</h3>
                <p className="text-lg">{d.names.length ? t.confirmChosen!.replace('{names}', d.names.join('、')) : t.confirmNone}</p>
                {d.ids.map((id) => (
                  <input key={id} type="hidden" name="candidateIds" value={id} />
                ))}
                <div className="flex flex-col gap-3 sm:flex-row">
                  <SubmitButton name="step" value="cast">
                    {t.confirm}
                  </SubmitButton>
                  <SubmitButton name="step" value="edit" variant="secondary">
                    {t.back}
                  </SubmitButton>
                </div>
              </div>
            ) : (
              <>
                <CandidateBoxes candidates={candidates} checked={d?.ids ?? []} legend={t.candidates!} hint={t.maxChoices!} />
                <SubmitButton name="step" value="check">
                  {t.next}
                </SubmitButton>
              </>
            )}
          </>
        );
      }}
    </ActionForm>
  );
}

/** One button posting the election id (open voting, count, publish). */
export function StepButton({ electionId, step, label }: { electionId: number; step: 'open' | 'count' | 'publish'; label: string }) {
  const action = step === 'open' ? openVotingAction : step === 'count' ? countBallotsAction : publishResultAction;
  return (
    <ActionForm action={action}>
      {() => (
        <>
          <input type="hidden" name="electionId" value={electionId} />
          <SubmitButton>{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Staff enter a paper ballot: the elector chosen from those who have not voted (no one preselected), the marks, or spoiled. */
export function PaperBallotForm({
  electionId,
  voters,
  candidates,
  t,
}: {
  electionId: number;
  voters: { value: string; label: string }[];
  candidates: TCandidate[];
  t: TT;
}) {
  return (
    <ActionForm action={paperBallotAction}>
      {(s) => (
        <>
          <input type="hidden" name="electionId" value={electionId} />
          <Select name="voter" label={t.paperFind!} options={voters} placeholder={t.paperChoose} state={s} />
          <CandidateBoxes candidates={candidates} checked={[]} legend={t.candidates!} hint={t.maxChoices!} />
          <Checkbox name="invalid" label={t.paperInvalid!} />
          <SubmitButton>{t.paperEnter}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RunoffForm({ electionId, t }: { electionId: number; t: TT }) {
  return (
    <ActionForm action={callRunoffAction}>
      {(s) => (
        <>
          <input type="hidden" name="electionId" value={electionId} />
          <Field name="votingEndsAt" type="datetime-local" label={t.runoffVotingEnds!} state={s} />
          <SubmitButton>{t.runoffCall}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
