import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ledgerKinds } from '@/domain/ledgers/keepers';
import { formatFen } from '@/domain/ledgers/money';
import { OpenLedgerForm } from '@/features/ledgers/components/open-form';
import { byOf, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { labels } from '@/i18n/labels';
import { titled } from '@/i18n/titles';
import { listCommunitiesInScope, listCompoundsInScope } from '@/server/admin/scope-lists';
import { myLedgers } from '@/server/ledgers/read';

export const generateMetadata = titled('ledgers');

/** 明白账 (decision 071): the ledgers of the places one lives in or serves, with their balances. */
export default async function LedgersPage({ params }: PageProps<'/[locale]/ledgers'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const by = byOf(await requireUser('/ledgers'));
  const t = await getTranslations('ledgers');
  const ledgers = await myLedgers(by);
  // Keepers open ledgers where they hold ledger.keep: their communities, compounds and (for a maintenance fund's
  // share) buildings; the use case checks the kind's keeper at the chosen place.
  const [communities, compounds] = await Promise.all([listCommunitiesInScope(by, 'ledger.keep'), listCompoundsInScope(by, 'ledger.keep')]);
  const places = [
    ...communities.map((c) => ({ value: `c:${c.id}`, label: `${c.street.name} · ${c.name}` })),
    ...compounds.flatMap((p) => [
      { value: `p:${p.id}`, label: `${p.community.name} · ${p.name}` },
      ...p.buildings.map((b) => ({ value: `b:${b.id}`, label: `${p.community.name} · ${p.name} ${b.name}${t('open.building')}` })),
    ]),
  ];
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('list.title')}</h1>
      <p className="text-lg">{t('list.intro')}</p>
      {ledgers.length === 0 ? (
        <p className="text-lg">{t('list.empty')}</p>
      ) : (
        <ul className="space-y-3">
          {ledgers.map((l) => (
            <li key={l.id}>
              <Link href={`/ledgers/${l.id}`} className="block min-h-12 rounded-lg border border-stone-300 p-4 hover:bg-brand-50">
                <span className="block text-xl font-semibold text-brand-700 underline">{l.name}</span>
                <span className="block text-base text-stone-700">
                  {t(`kind.${l.kind}`)} · {[l.community.name, l.compound?.name, l.building?.name].filter(Boolean).join(' ')}
                </span>
                <span className="block text-lg">
                  {t('list.balance', { amount: formatFen(l.balanceFen) })}
                  {l.closedAt ? ` · ${t('list.closed')}` : ''}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {places.length > 0 && (
        <section aria-labelledby="ledger-open" className="space-y-3 border-t border-stone-300 pt-4">
          <h2 id="ledger-open" className="text-2xl font-semibold">
            {t('open.title')}
          </h2>
          <p className="text-lg">{t('open.intro')}</p>
          <OpenLedgerForm
            t={await labels('ledgers.open')}
            kinds={ledgerKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            places={places}
          />
        </section>
      )}
    </div>
  );
}
