import { getTranslations } from 'next-intl/server';
import { formatFen } from '@/domain/ledgers/money';
import { Link } from '@/i18n/link';
import { ReceiptForm, ReverseForm } from './keeper-forms';

type TEntryView = {
  id: number;
  seq: number;
  kind: string;
  day: string;
  amountFen: bigint;
  description: string;
  counterparty: string | null;
  reconciled: boolean;
  reverses: number | null;
  reversedBy: number | null;
  decision: { motionId: number; title: string } | null;
  room: string | null;
  receipts: { id: number; name: string }[];
};

const SIGN: Record<string, string> = { INCOME: '+', ADVANCE: '+', SPENDING: '−', ADVANCE_REPAID: '−', REVERSAL: '±' };

/** The entries, newest first: amount, day, what and with whom, the decision behind a draw, receipts; keepers' forms per entry. */
export async function EntryList({ entries, kept }: { entries: TEntryView[]; kept: boolean }) {
  const t = await getTranslations('ledgers');
  const form = t.raw('form') as Record<string, string>;
  if (entries.length === 0) return <p className="text-lg">{t('page.noEntries')}</p>;
  return (
    <ol className="space-y-3">
      {entries.map((e) => (
        <li key={e.id} className="space-y-1 rounded-lg border border-stone-300 p-3" data-testid={`entry-${e.seq}`}>
          <p className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="text-base text-stone-700">
              {t('page.seq', { seq: e.seq })} · {e.day} · {t(`entryKind.${e.kind}` as never)}
            </span>
            <span className="text-xl font-semibold">
              {SIGN[e.kind]}
              {formatFen(e.amountFen)}
            </span>
          </p>
          <p className="text-lg break-words">{e.description}</p>
          {e.counterparty && <p className="text-base">{t('page.counterparty', { name: e.counterparty })}</p>}
          {e.room && <p className="text-base">{t('page.household', { room: e.room })}</p>}
          {e.decision && (
            <p className="text-base">
              <Link href={`/motions/${e.decision.motionId}`} className="inline-flex min-h-12 items-center text-brand-700 underline">
                {t('page.decision', { title: e.decision.title })}
              </Link>
            </p>
          )}
          {e.reverses && <p className="text-base">{t('page.reverses', { seq: e.reverses })}</p>}
          {e.reversedBy && <p className="text-base">{t('page.reversedBy', { seq: e.reversedBy })}</p>}
          <p className="text-base">{e.reconciled ? t('page.reconciled') : t('page.unreconciled')}</p>
          {e.receipts.length > 0 && (
            <ul className="flex flex-wrap gap-2" aria-label={t('page.receipts')}>
              {e.receipts.map((r, i) => (
                <li key={r.id}>
                  <a href={`/api/ledgers/receipts/${r.id}`} className="inline-flex min-h-12 items-center text-brand-700 underline">
                    {t('page.receipt', { n: i + 1 })}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {kept && (
            <details className="pt-1">
              <summary className="min-h-12 cursor-pointer py-3 text-lg text-brand-700">
                {form.attach} / {form.reverse}
              </summary>
              <div className="space-y-4 pt-2">
                <ReceiptForm t={form} entryId={e.id} />
                {e.kind !== 'REVERSAL' && !e.reversedBy && <ReverseForm t={form} entryId={e.id} />}
              </div>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
