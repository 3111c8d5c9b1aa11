'use client';
import { useState, useSyncExternalStore } from 'react';
import { CheckboxGroup, Select, type TFormState } from '@/components/action-form';

type TOption = { value: string; label: string };
/** What the schedule form offers beside the built-in kinds: the district's types, its bodies, the hosts of a joint meeting. */
export type TKindChoices = {
  /** Built-in kinds, then the district's active types (value `type:<id>`, with the body kind it preselects). */
  kinds: (TOption & { bodyKind?: string | null })[];
  bodies: (TOption & { kind: string })[];
  hosts: TOption[];
  t: Record<string, string>;
};

/**
 * The kind (a built-in kind or a district's type, decision 066), the holding body (a type preselects its default body)
 * and, for a joint meeting, its hosts. Before JavaScript runs the hosts are always shown (the server checks them).
 */
export function KindBodyHosts({ choices, state, t }: { choices: TKindChoices; state: TFormState; t: Record<string, string> }) {
  const [kind, setKind] = useState(state?.values?.kind ?? choices.kinds[0]?.value ?? '');
  // False in the server's HTML (the form works before JavaScript: every part shown), true once hydrated.
  const hydrated = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const bodyKind = choices.kinds.find((k) => k.value === kind)?.bodyKind;
  const preselected = bodyKind ? choices.bodies.find((b) => b.kind === bodyKind)?.value : undefined;
  const joint = kind === 'JOINT';
  return (
    <>
      <div className="space-y-1">
        <label htmlFor="schedule-kind" className="block text-lg font-medium">
          {t.kind}
        </label>
        <select
          id="schedule-kind"
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          className="min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg"
        >
          {choices.kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {(!hydrated || !joint) && (
        <Select
          key={preselected ?? 'none'}
          name="bodyId"
          label={t.body!}
          options={[{ value: '', label: t.noBody! }, ...choices.bodies]}
          defaultValue={preselected}
          state={state}
        />
      )}
      {(!hydrated || joint) && choices.hosts.length > 0 && (
        <CheckboxGroup
          name="hosts"
          legend={choices.t.legend!}
          hint={choices.t.hint}
          items={choices.hosts.map((h) => ({ ...h, checked: state?.values?.hosts === h.value }))}
        />
      )}
    </>
  );
}
