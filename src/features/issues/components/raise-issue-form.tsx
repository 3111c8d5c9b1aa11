'use client';
import { useState } from 'react';
import { ActionForm, Checkbox, Field, Select, SubmitButton, TextArea, type TFormState } from '@/components/action-form';
import { FileField } from '@/components/upload-field';
import { raiseIssueAction } from '../actions';

type TCompound = { id: number; name: string; districtId: number; community: { name: string }; buildings: { id: number; name: string }[] };

/**
 * One key per form: a double tap, or a retry after a lost answer, stores one issue. The compound the
 * resident lives in comes first; its buildings follow the compound chosen.
 */
export function RaiseIssueForm({
  t,
  categories,
  compounds,
  viewHref,
  forOthers,
}: {
  t: Record<string, string>;
  /** Categories by district: the chosen compound's district decides which apply. */
  categories: Record<number, { value: string; label: string }[]>;
  compounds: TCompound[];
  viewHref: string;
  /** Staff may enter the issue for a resident (reception day, door-to-door visit). */
  forOthers: boolean;
}) {
  const [key] = useState(() => crypto.randomUUID());
  // Chosen here, else as sent with a refused report (a form posted without JavaScript comes back as it was).
  const [picked, setPicked] = useState<number | null>(null);
  const compoundOf = (s: TFormState) => picked ?? (Number(s?.values?.compoundId) || compounds[0]?.id || 0);
  const select = 'min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg';
  return (
    <ActionForm
      action={raiseIssueAction}
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
      {(s) => {
        // After a success only the result stays: a late second tap cannot send a cleared form.
        if (s?.ok) return null;
        const compoundId = compoundOf(s);
        const chosen = compounds.find((c) => c.id === compoundId);
        return (
          <>
            <input type="hidden" name="idempotencyKey" value={key} />
            <Select
              key={chosen?.districtId}
              name="categoryId"
              label={t.category!}
              placeholder={t.categoryChoose!}
              options={categories[chosen?.districtId ?? 0] ?? []}
              state={s}
            />
            <div className="space-y-1">
              <label htmlFor="raise-compound" className="block text-lg font-medium">
                {t.compound}
              </label>
              <select
                id="raise-compound"
                name="compoundId"
                className={select}
                value={compoundId}
                onChange={(e) => setPicked(Number(e.target.value))}
              >
                {compounds.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.community.name} · {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="raise-building" className="block text-lg font-medium">
                {t.building}
              </label>
              <select id="raise-building" name="buildingId" className={select} key={compoundId} defaultValue={s?.values?.buildingId ?? ''}>
                <option value="">{t.anyBuilding}</option>
                {(chosen?.buildings ?? []).map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </div>
            <Field name="title" label={t.issueTitle!} state={s} />
            <TextArea name="description" label={t.description!} rows={5} state={s} />
            <FileField name="photos" kind="photo" label={t.photos!} accept="image/*" multiple state={s} />
            {forOthers && (
              <fieldset className="space-y-3 rounded-lg border border-stone-300 p-3">
                <legend className="px-1 text-lg font-medium">{t.forOthers}</legend>
                <p className="text-base text-stone-700">{t.forOthersHint}</p>
                <Field name="reporterName" label={t.reporterName!} state={s} required={false} />
                <Field name="reporterPhone" label={t.reporterPhone!} type="tel" inputMode="tel" state={s} required={false} />
              </fieldset>
            )}
            <Checkbox name="anonymous" label={t.anonymous!} state={s} />
            <SubmitButton>{t.submit}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
