'use client';
import { FileField } from '@/components/upload-field';
import { fillMessage } from '@/lib/fill-message';
import { importTableAction, previewTableAction } from '../actions';
import { ImportButtons, useImportSteps } from './import-steps';

type TPreview = { rows: number; errorCount: number; errors: string[]; missing: string[]; changes: string[] | null };
export type TPlaceOption = { value: string; label: string };

/**
 * A bulk import (docs/imports.md): choose the place and the file, "检查文件" shows every error by row and what would
 * change, "确认导入" imports it all in one go. The same file may be imported again safely.
 */
export function TableImportForm({ kind, places, t }: { kind: string; places: TPlaceOption[]; t: Record<string, string> }) {
  const steps = useImportSteps(previewTableAction, importTableAction);
  const { preview, imported, refused, submit } = steps;
  const p = preview?.data as TPreview | undefined;
  return (
    <form method="post" encType="multipart/form-data" className="space-y-4" onSubmit={submit}>
      <input type="hidden" name="kind" value={kind} />
      <div className="space-y-1">
        <label htmlFor="placeId" className="block text-lg font-medium">
          {t.place}
        </label>
        {/* No preselected place when there is a choice: an import into the wrong community is easy to miss. */}
        <select id="placeId" name="placeId" required className="min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg">
          {places.length > 1 && <option value="">{t.choose}</option>}
          {places.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <FileField
        name="file"
        kind="table"
        label={t.file!}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        required
      />
      <ImportButtons t={t} steps={steps} />
      <div role="status" aria-live="polite" className="space-y-2 text-lg">
        {refused && <p className="rounded-lg bg-red-50 p-3 text-red-900">{refused}</p>}
        {!refused && preview?.message && !preview.ok && <p className="rounded-lg bg-red-50 p-3 text-red-900">{preview.message}</p>}
        {p && (
          <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="import-preview">
            {p.missing.length > 0 && <p className="text-red-900">{fillMessage(t.missing!, { columns: p.missing.join('、') })}</p>}
            <p>{fillMessage(t.rows!, { count: p.rows })}</p>
            {p.errorCount > 0 && (
              <>
                <p className="font-semibold text-red-900">{fillMessage(t.errors!, { count: p.errorCount })}</p>
                <ul className="list-disc pl-6 text-base text-red-900" data-testid="import-errors">
                  {p.errors.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </>
            )}
            {p.changes && (
              <p data-testid="import-changes">
                {t.changes} {p.changes.join('，') || t.nothing}
              </p>
            )}
          </div>
        )}
        {imported?.message && (
          <p className={`rounded-lg p-3 ${imported.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}>{imported.message}</p>
        )}
      </div>
    </form>
  );
}
