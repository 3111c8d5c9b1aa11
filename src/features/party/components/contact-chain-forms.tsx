'use client';
import { ActionForm, Field, Select, SubmitButton } from '@/components/action-form';
import { assignContactAction, endContactAction } from '../actions';

type T = Record<string, string>;
type TOption = { value: string; label: string };

/** Assigns one link of a kind: whom the kind allows on each side, picked from the branch's place. */
export function AssignContactForm(p: { t: T; partyOrgId: number; kind: string; keepers: TOption[]; kept: TOption[]; today: string }) {
  return (
    <ActionForm action={assignContactAction} className="space-y-3">
      {(s) => (
        <>
          <input type="hidden" name="partyOrgId" value={p.partyOrgId} />
          <input type="hidden" name="kind" value={p.kind} />
          <Select name="keeperId" label={p.t[`keeper_${p.kind}`]!} options={p.keepers} placeholder={p.t.pick} state={s} />
          <Select name="keptId" label={p.t[`kept_${p.kind}`]!} options={p.kept} placeholder={p.t.pick} state={s} />
          <Field name="startsOn" label={p.t.startsOn!} type="date" state={s} defaultValue={p.today} />
          <SubmitButton>{p.t.assign}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function EndContactForm({ t, linkId, today, who }: { t: T; linkId: number; today: string; who: string }) {
  return (
    <ActionForm action={endContactAction} className="flex flex-wrap items-end gap-2">
      {(s) => (
        <>
          <input type="hidden" name="linkId" value={linkId} />
          <label className="sr-only" htmlFor={`end-link-${linkId}`}>{`${t.endsOn} ${who}`}</label>
          <input
            id={`end-link-${linkId}`}
            type="date"
            name="endsOn"
            defaultValue={today}
            className="min-h-11 rounded-lg border border-stone-400 bg-white px-2"
          />
          <button className="min-h-11 rounded-lg border border-red-800 px-3 text-red-800" aria-label={`${t.end} ${who}`}>
            {t.end}
          </button>
          {s?.fields?.endsOn && <span className="text-red-800">{s.fields.endsOn}</span>}
        </>
      )}
    </ActionForm>
  );
}
