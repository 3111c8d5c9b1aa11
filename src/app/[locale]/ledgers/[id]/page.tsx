import { getTranslations, setRequestLocale } from 'next-intl/server';
import { recordedKinds } from '@/domain/ledgers/arithmetic';
import { formatFen } from '@/domain/ledgers/money';
import { EntryList } from '@/features/ledgers/components/entry-list';
import { EntryForm, ReconcileForm, StatementForm } from '@/features/ledgers/components/keeper-forms';
import { byOf, orNotFound, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { pageTitle } from '@/i18n/titles';
import { ledgerView } from '@/server/ledgers/read';

export async function generateMetadata() {
  return pageTitle('ledgers-id');
}

/**
 * One ledger (decision 071): balance, advances outstanding apart, the latest entries with receipts and the owners'
 * decision behind each draw, the statements on the board; its keeper's forms below. Every form posts without JavaScript.
 */
export default async function LedgerPage({ params }: PageProps<'/[locale]/ledgers/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const by = byOf(await requireUser(`/ledgers/${id}`));
  const v = await orNotFound(ledgerView(by, Number(id)));
  const t = await getTranslations('ledgers');
  const form = t.raw('form') as Record<string, string>;
  return (
    <div className="space-y-6 pt-2">
      <Link href="/ledgers" className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
        {t('page.back')}
      </Link>
      <h1 className="text-3xl font-bold">{v.ledger.name}</h1>
      <p className="text-lg text-stone-700">{t(`kind.${v.ledger.kind}`)}</p>
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="rounded-lg bg-brand-50 p-4">
          <dt className="text-lg">{t('page.balance')}</dt>
          <dd className="text-3xl font-bold" data-testid="balance">
            {formatFen(v.ledger.balanceFen)}
          </dd>
        </div>
        <div className="rounded-lg bg-amber-50 p-4">
          <dt className="text-lg">{t('page.advances')}</dt>
          <dd className="text-3xl font-bold">{formatFen(v.ledger.advancesFen)}</dd>
          <dd className="text-base">{t('page.advancesHint')}</dd>
        </div>
      </dl>

      <section className="space-y-3">
        <h2 className="text-2xl font-semibold">{t('page.entries')}</h2>
        {v.entries.length < v.ledger.entryCount && (
          <p className="text-base">{t('page.entriesShown', { shown: v.entries.length, total: v.ledger.entryCount })}</p>
        )}
        <EntryList entries={v.entries} kept={v.kept} />
      </section>

      {v.contributions.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-2xl font-semibold">{t('page.contributions')}</h2>
          <ul className="space-y-1 text-lg">
            {v.contributions.map((c) => (
              <li key={c.room} className="flex flex-wrap justify-between gap-2 border-b border-stone-200 py-2">
                <span>{c.room}</span>
                <span>{formatFen(c.fen)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="space-y-2">
        <h2 className="text-2xl font-semibold">{t('page.statements')}</h2>
        {v.statements.length === 0 ? (
          <p className="text-lg">{t('page.noStatements')}</p>
        ) : (
          <ul className="space-y-2 text-lg">
            {v.statements.map((s) => (
              <li key={s.id}>
                {t('page.statement', { from: s.fromDay, to: s.toDay, amount: formatFen(s.closingFen), count: s.entryCount })}{' '}
                <Link href={`/board/n/${s.noticeId}`} className="inline-flex min-h-12 items-center text-brand-700 underline">
                  {t('page.onBoard')}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {v.kept && (
        <section className="space-y-6 rounded-lg border border-stone-300 p-4">
          <h2 className="text-2xl font-semibold">{t('page.keeper')}</h2>
          <EntryForm
            t={form}
            ledgerId={v.ledger.id}
            kinds={recordedKinds.map((k) => ({ value: k, label: t(`entryKind.${k}`) }))}
            decisions={v.decisions.map((d) => ({ value: String(d.motionId), label: d.title }))}
            households={v.households.map((h) => ({ value: String(h.householdId), label: h.room }))}
            today={by.today}
          />
          <ReconcileForm
            t={form}
            ledgerId={v.ledger.id}
            entries={v.unreconciled.map((e) => ({
              value: String(e.id),
              label: `${t('page.seq', { seq: e.seq })} ${e.day} ${t(`entryKind.${e.kind}`)} ${formatFen(e.amountFen)} ${e.description}`,
            }))}
          />
          <h3 className="text-xl font-semibold">{form.statement}</h3>
          <StatementForm t={form} ledgerId={v.ledger.id} from={v.nextPeriod.from} to={v.nextPeriod.to} />
        </section>
      )}
    </div>
  );
}
