'use client';
import { ActionForm, Select, SubmitButton } from '@/components/action-form';
import type { TStep } from '@/domain/topics/procedure';
import { saveCommitteeRuleAction, saveProcedureAction } from '../procedure-actions';

/**
 * One procedure's steps, adjustable: duration, who may act, the numbers its gates ask for, and who decides
 * the motion a step opens (`deciders[i]`: the current choice and the options, null where it cannot change).
 */
export function ProcedureForm({
  districtId,
  procedureId,
  steps,
  stepNames,
  actorNames,
  deciders,
  t,
}: {
  districtId: number;
  procedureId: number;
  steps: TStep[];
  stepNames: string[];
  actorNames: Record<string, string>;
  deciders: ({ current: string; options: { value: string; label: string }[] } | null)[];
  t: Record<string, string>;
}) {
  const input = 'min-h-12 w-28 rounded-lg border border-stone-400 bg-white px-3 text-lg';
  return (
    <ActionForm action={saveProcedureAction}>
      {() => (
        <>
          <input type="hidden" name="districtId" value={districtId} />
          <input type="hidden" name="procedureId" value={procedureId} />
          <ol className="space-y-3">
            {steps.map((s, i) => (
              <li key={s.key} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
                <p className="text-lg font-semibold">
                  {i + 1}. {stepNames[i]}
                </p>
                <label className="flex items-center gap-3 text-lg">
                  {t.days}
                  <input name={`days_${i}`} defaultValue={s.days} inputMode="numeric" className={input} />
                </label>
                <fieldset className="flex flex-wrap gap-x-4">
                  <legend className="text-lg">{t.actors}</legend>
                  {Object.entries(actorNames).map(([a, name]) => (
                    <label key={a} className="flex min-h-12 items-center gap-2 text-lg">
                      <input
                        type="checkbox"
                        name={`actors_${i}`}
                        value={a}
                        defaultChecked={s.actors.includes(a as TStep['actors'][number])}
                        className="size-6"
                      />
                      {name}
                    </label>
                  ))}
                </fieldset>
                {deciders[i] && (
                  <label className="flex flex-col gap-1 text-lg">
                    {t.decider}
                    <select
                      name={`decider_${i}`}
                      defaultValue={deciders[i].current}
                      className="min-h-12 rounded-lg border border-stone-400 bg-white px-3 text-lg"
                    >
                      {deciders[i].options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                {s.gates
                  .filter((g) => g.kind === 'STAKEHOLDERS' || g.kind === 'SUGGESTIONS')
                  .map((g) => (
                    <label key={g.kind} className="flex items-center gap-3 text-lg">
                      {t[`min_${g.kind}`]}
                      <input name={`min_${i}_${g.kind}`} defaultValue={'min' in g ? g.min : 0} inputMode="numeric" className={input} />
                    </label>
                  ))}
              </li>
            ))}
          </ol>
          <SubmitButton>{t.save}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** The district's owners' committee rule: national (half or more of all members) or Beijing-Shanghai (more than half). */
export function CommitteeRuleForm({ districtId, current, t }: { districtId: number; current: string; t: Record<string, string> }) {
  return (
    <ActionForm action={saveCommitteeRuleAction}>
      {(s) => (
        <>
          <input type="hidden" name="districtId" value={districtId} />
          <Select
            name="rule"
            label={t.committeeRule!}
            defaultValue={current}
            state={s}
            options={(['NATIONAL', 'BEIJING_SHANGHAI'] as const).map((r) => ({ value: r, label: t[`committeeRule_${r}`]! }))}
          />
          <SubmitButton>{t.committeeRuleSave}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
