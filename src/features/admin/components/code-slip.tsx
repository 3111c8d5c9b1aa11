'use client';

/** A one-time code handed over at the desk: whose, where to use it (address and QR code), how long it lasts. */
export type TCodeSlip = { code: string; name: string; days: number; site: string; qr: string };

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

/** Printed on A4 as it shows: the page prints only this slip (globals.css, .print-sheet). */
export function CodeSlip({ slip, t, title }: { slip: TCodeSlip; t: Record<string, string>; title: string }) {
  return (
    <section className="print-sheet mt-4 space-y-3" aria-label={title}>
      <div className="max-w-xl break-inside-avoid rounded border border-dashed border-stone-500 bg-white p-4" data-testid="code-slip">
        <p className="text-xl font-semibold">{title}</p>
        <p className="text-lg">{fill(t.slipFor!, { name: slip.name })}</p>
        <p className="my-2 font-mono text-3xl tracking-widest" data-testid="slip-code">
          {slip.code}
        </p>
        <div className="flex items-start gap-3">
          <div className="w-28 shrink-0" role="img" aria-label={t.slipQr} dangerouslySetInnerHTML={{ __html: slip.qr }} />
          <div className="space-y-1 text-base">
            <p>{fill(t.slipHow!, { url: slip.site })}</p>
            <p>{fill(t.slipExpires!, { days: slip.days })}</p>
          </div>
        </div>
      </div>
      <button
        type="button"
        onClick={() => window.print()}
        className="min-h-12 rounded-lg border border-stone-400 bg-white px-5 text-lg print:hidden"
      >
        {t.slipPrint}
      </button>
    </section>
  );
}
