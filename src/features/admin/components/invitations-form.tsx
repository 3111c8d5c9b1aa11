'use client';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { issueInvitationsAction } from '../actions';
import { CompoundPicker, type TCompoundOption } from './compound-picker';

type TSheet = {
  compound: string;
  expiresAt: string;
  site: string;
  qr: string;
  rows: { building: string; unitNo: string; roomNo: string; code: string }[];
};

export function InvitationsForm({ compounds, t, locale }: { compounds: TCompoundOption[]; t: Record<string, string>; locale: string }) {
  return (
    <ActionForm
      action={issueInvitationsAction}
      result={(s) => (s.ok && s.data ? <Sheet sheet={s.data as TSheet} t={t} locale={locale} /> : null)}
    >
      {() => (
        <div className="space-y-4 print:hidden">
          <CompoundPicker compounds={compounds} t={t} withBuilding />
          <SubmitButton>{t.submit}</SubmitButton>
        </div>
      )}
    </ActionForm>
  );
}

const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');

/** One slip per household, cut apart after printing on A4. */
function Sheet({ sheet, t, locale }: { sheet: TSheet; t: Record<string, string>; locale: string }) {
  const date = new Date(sheet.expiresAt).toLocaleDateString(locale, { timeZone: 'Asia/Shanghai' });
  return (
    <section className="print-sheet mt-6 space-y-3" aria-label={fill(t.sheetTitle!, { compound: sheet.compound })}>
      <button
        type="button"
        onClick={() => window.print()}
        className="min-h-12 rounded-lg border border-stone-400 bg-white px-5 text-lg print:hidden"
      >
        {t.print}
      </button>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 print:grid-cols-2">
        {sheet.rows.map((r) => (
          <li
            key={r.code}
            className="break-inside-avoid rounded border border-dashed border-stone-500 bg-white p-3"
            data-testid="invitation-slip"
          >
            <p className="font-semibold">{fill(t.sheetTitle!, { compound: sheet.compound })}</p>
            <p>{fill(t.unit!, { building: r.building, unit: r.unitNo, room: r.roomNo })}</p>
            <p className="my-1 font-mono text-2xl tracking-widest" data-testid="invitation-code">
              {r.code}
            </p>
            <div className="flex items-start gap-2">
              <div className="w-20 shrink-0" role="img" aria-label={t.qr} dangerouslySetInnerHTML={{ __html: sheet.qr }} />
              <div>
                <p className="text-sm">{t.how}</p>
                <p className="break-all text-sm">{fill(t.site!, { url: sheet.site })}</p>
                <p className="text-sm">{fill(t.expires!, { date })}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
