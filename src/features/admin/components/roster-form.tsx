'use client';
import { FileField } from '@/components/upload-field';
import { ImportButtons, useImportSteps } from '@/features/imports/components/import-steps';
import { importRosterAction, previewRosterAction } from '../actions';
import { CompoundPicker, type TCompoundOption } from './compound-picker';

type TPreview = {
  rows: number;
  errors: { row: number; field: string; code: string; values?: Record<string, string> }[];
  missing: string[];
  multiUnitOwners: { phone: string; name: string; units: number }[];
  developerUnits: number;
  changes: Record<string, number>;
};
const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

/** Upload → check every row → import in one go. The same file may be imported again safely. */
export function RosterForm({
  compounds,
  t,
  fields,
  errors,
}: {
  compounds: TCompoundOption[];
  t: Record<string, string>;
  fields: Record<string, string>;
  errors: Record<string, string>;
}) {
  const steps = useImportSteps(previewRosterAction, importRosterAction);
  const { preview, imported, refused, submit } = steps;
  const p = preview?.data as TPreview | undefined;
  return (
    // method="post": a tap before the page's JavaScript has loaded posts the file instead of a GET with the fields in the URL.
    <form method="post" encType="multipart/form-data" className="space-y-4" onSubmit={submit}>
      <CompoundPicker compounds={compounds} t={t} />
      <FileField
        name="file"
        kind="roster"
        label={t.file!}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        required
      />
      <ImportButtons t={t} steps={steps} />
      <div role="status" aria-live="polite" className="space-y-2 text-lg">
        {refused && <p className="rounded-lg bg-red-50 p-3 text-red-900">{refused}</p>}
        {!refused && preview?.message && !preview.ok && <p className="rounded-lg bg-red-50 p-3 text-red-900">{preview.message}</p>}
        {p && (
          <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
            {p.missing.length > 0 && (
              <p className="text-red-900">{fill(t.missing!, { columns: p.missing.map((m) => fields[m] ?? m).join('、') })}</p>
            )}
            <p>{fill(t.rows!, { count: p.rows })}</p>
            {p.errors.length > 0 && (
              <>
                <p className="font-semibold text-red-900">{fill(t.errors!, { count: p.errors.length })}</p>
                <ul className="list-disc pl-6 text-base text-red-900" data-testid="roster-errors">
                  {p.errors.map((e, i) => (
                    <li key={i}>
                      {fill(t.errorRow!, {
                        row: e.row,
                        field: fields[e.field] ?? e.field,
                        message: fill(errors[e.code] ?? e.code, e.values ?? {}),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {p.multiUnitOwners.length > 0 && (
              <p>{fill(t.multi!, { list: p.multiUnitOwners.map((o) => `${o.name}×${o.units}`).join('、') })}</p>
            )}
            {p.developerUnits > 0 && <p>{fill(t.developer!, { count: p.developerUnits })}</p>}
            {p.errors.length === 0 && p.missing.length === 0 && <p data-testid="roster-changes">{fill(t.changes!, p.changes)}</p>}
          </div>
        )}
        {imported?.message && (
          <p className={`rounded-lg p-3 ${imported.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}>{imported.message}</p>
        )}
      </div>
    </form>
  );
}
