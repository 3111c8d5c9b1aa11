'use client';
import { useState } from 'react';
import { ActionForm, CheckboxGroup, Field, FormKey, Select, SubmitButton, TextArea } from '@/components/action-form';
import { raiseTopicAction } from '../actions';

type TPlace = {
  value: string;
  label: string;
  districtId: number;
  communityId: number;
  compoundId: number | null;
  buildings: { id: number; name: string }[];
};
type TProc = { value: string; code: string; zh: string; en: string };
type TCategory = { value: string; zh: string; en: string };
type TIssue = { id: number; title: string; communityId: number; compoundId: number | null };

/** Place first: it decides the procedures (of its district) and the issues that can be taken up. */
export function RaiseTopicForm({
  t,
  places,
  procedures,
  categories,
  issues,
  preset,
  locale,
  viewHref,
}: {
  t: Record<string, string>;
  places: TPlace[];
  procedures: Record<number, TProc[]>;
  categories: Record<number, TCategory[]>;
  issues: TIssue[];
  preset: { place?: string; issueIds: number[] };
  locale: string;
  viewHref: string;
}) {
  const [place, setPlace] = useState(
    preset.place && places.some((p) => p.value === preset.place) ? preset.place : (places[0]?.value ?? ''),
  );
  const chosen = places.find((p) => p.value === place);
  const procs = chosen ? (procedures[chosen.districtId] ?? []) : [];
  const [proc, setProc] = useState(procs[0]?.value ?? '');
  const here = issues.filter(
    (i) => chosen && i.communityId === chosen.communityId && (chosen.compoundId === null || i.compoundId === chosen.compoundId),
  );
  const assembly = procs.find((p) => p.value === proc)?.code === 'OWNERS_ASSEMBLY';
  const select = 'min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg';
  return (
    <ActionForm
      action={raiseTopicAction}
      result={(s) =>
        s.ok && s.data ? (
          <a
            href={viewHref.replace('ID', String((s.data as { id: number }).id))}
            className="mt-2 inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline"
          >
            {t.view}
          </a>
        ) : null
      }
    >
      {(s) =>
        s?.ok ? null : (
          <>
            <FormKey state={s} />
            <div className="space-y-1">
              <label htmlFor="topic-place" className="block text-lg font-medium">
                {t.place}
              </label>
              <select
                id="topic-place"
                name="place"
                className={select}
                value={place}
                onChange={(e) => {
                  setPlace(e.target.value);
                  const d = places.find((p) => p.value === e.target.value)?.districtId;
                  setProc(procedures[d ?? 0]?.[0]?.value ?? '');
                }}
              >
                {places.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="topic-procedure" className="block text-lg font-medium">
                {t.procedure}
              </label>
              <select id="topic-procedure" name="procedureId" className={select} value={proc} onChange={(e) => setProc(e.target.value)}>
                {procs.map((p) => (
                  <option key={p.value} value={p.value}>
                    {locale === 'en' ? p.en : p.zh}
                  </option>
                ))}
              </select>
            </div>
            <div key={`category-${chosen?.districtId ?? 0}`}>
              <Select
                name="categoryId"
                label={t.category!}
                placeholder={t.categoryPlaceholder}
                options={(categories[chosen?.districtId ?? 0] ?? []).map((c) => ({ value: c.value, label: locale === 'en' ? c.en : c.zh }))}
                state={s}
              />
              <p className="text-base text-stone-700">{t.categoryHint}</p>
            </div>
            {assembly && (
              <div className="space-y-1">
                <label htmlFor="topic-matter" className="block text-lg font-medium">
                  {t.matter}
                </label>
                <select id="topic-matter" name="assemblyMatter" className={select} defaultValue="9">
                  {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
                    <option key={n} value={n}>
                      {t[`matter${n}`]}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {assembly && chosen && chosen.buildings.length > 1 && (
              <CheckboxGroup
                name="ownersBuildingIds"
                legend={t.ownersBuildings!}
                hint={t.ownersBuildingsHint}
                items={chosen.buildings.map((b) => ({ value: b.id, label: b.name }))}
              />
            )}
            <Field name="title" label={t.title!} state={s} />
            <TextArea name="description" label={t.description!} state={s} />
            <fieldset className="space-y-2">
              <legend className="text-lg font-medium">{t.issues}</legend>
              {here.length === 0 ? (
                <p className="text-base text-stone-700">{t.noIssues}</p>
              ) : (
                here.map((i) => (
                  <label key={i.id} className="flex min-h-12 items-center gap-3 text-lg">
                    <input
                      type="checkbox"
                      name="issueIds"
                      value={i.id}
                      defaultChecked={preset.issueIds.includes(i.id)}
                      className="size-6 shrink-0"
                    />
                    #{i.id} {i.title}
                  </label>
                ))
              )}
            </fieldset>
            <SubmitButton>{t.submit}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
