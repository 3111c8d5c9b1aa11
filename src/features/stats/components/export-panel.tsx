'use client';
import { useEffect, useState } from 'react';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { startExportAction } from '../actions';

type T = Record<'title' | 'dashboard' | 'monthly' | 'communities' | 'queued' | 'running' | 'done' | 'download' | 'failed', string>;
type TStatus = { status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED'; rowsDone: number; rowsTotal: number; fileName: string | null };

/** Follows an export the job queue is writing: a progress bar, then the download link. */
function ExportProgress({ id, t }: { id: number; t: T }) {
  const [s, setS] = useState<TStatus | null>(null);
  useEffect(() => {
    let stop = false;
    const poll = async () => {
      const r = await fetch(`/api/exports/${id}`, { cache: 'no-store' }).catch(() => null);
      const next = r?.ok ? ((await r.json()) as TStatus) : null;
      if (stop) return;
      if (next) setS(next);
      if (!next || next.status === 'QUEUED' || next.status === 'RUNNING') setTimeout(poll, 600);
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [id]);
  if (!s || s.status === 'QUEUED') return <p className="text-lg">{t.queued}</p>;
  if (s.status === 'FAILED') return <p className="rounded-lg bg-red-50 p-3 text-lg text-red-900">{t.failed}</p>;
  if (s.status === 'RUNNING') {
    return (
      <div className="space-y-1">
        <progress className="h-4 w-full" max={Math.max(s.rowsTotal, 1)} value={s.rowsDone} aria-label={t.title} />
        <p className="text-base">{t.running.replace('{done}', String(s.rowsDone)).replace('{total}', String(s.rowsTotal || '…'))}</p>
      </div>
    );
  }
  return (
    <div className="space-y-1" data-testid="export-ready">
      <progress className="h-4 w-full" max={1} value={1} aria-label={t.title} />
      <p className="text-lg">
        {t.done}{' '}
        <a href={`/api/exports/${id}/file`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline" download>
          {t.download.replace('{name}', s.fileName ?? 'export.xlsx')}
        </a>
      </p>
    </div>
  );
}

export function ExportPanel({
  unit,
  from,
  to,
  category,
  monthLabel,
  showCommunities,
  t,
}: {
  unit: string;
  from: string;
  to: string;
  category: string | null;
  monthLabel: string;
  showCommunities: boolean;
  t: T;
}) {
  return (
    <ActionForm
      action={startExportAction}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      result={(s) =>
        s.ok && typeof (s.data as { id?: number })?.id === 'number' ? (
          <ExportProgress key={(s.data as { id: number }).id} id={(s.data as { id: number }).id} t={t} />
        ) : null
      }
    >
      {() => (
        <>
          <h2 className="text-xl font-semibold">{t.title}</h2>
          <input type="hidden" name="unit" value={unit} />
          <input type="hidden" name="from" value={from} />
          <input type="hidden" name="to" value={to} />
          <input type="hidden" name="category" value={category ?? ''} />
          <div className="flex flex-wrap gap-2">
            <SubmitButton name="kind" value="DASHBOARD" variant="secondary">
              {t.dashboard}
            </SubmitButton>
            <SubmitButton name="kind" value="MONTHLY" variant="secondary">
              {t.monthly.replace('{month}', monthLabel)}
            </SubmitButton>
            {showCommunities && (
              <SubmitButton name="kind" value="COMMUNITIES" variant="secondary">
                {t.communities}
              </SubmitButton>
            )}
          </div>
        </>
      )}
    </ActionForm>
  );
}
