import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import type { TMediationFigures } from '@/domain/mediation/figures';
import { formatRate } from '@/domain/stats/figures';
import type { TMediationStats } from '@/server/mediation/stats';

const KEYS = ['received', 'succeeded', 'rate', 'kept'] as const;
const value = (f: TMediationFigures, k: (typeof KEYS)[number]) => (k === 'rate' ? formatRate(f.rate) : String(f.counts[k]));

/**
 * 矛盾纠纷调解 on a unit's dashboard: the four figures, every community (a street's or a district's), every kind.
 * Counts only and never a link: a case is confidential, no list of cases stands behind a figure (decision 062).
 */
export async function MediationFigures({ m, perCommunity }: { m: TMediationStats; perCommunity: 'street' | 'district' | null }) {
  const t = await getTranslations('mediation');
  const head = (first: string[]) => (
    <thead>
      <tr className="border-b border-stone-300 bg-stone-50">
        {first.map((h) => (
          <th key={h} scope="col" className="p-2 text-left">
            {h}
          </th>
        ))}
        {KEYS.map((k) => (
          <th key={k} scope="col" className="p-2 text-right">
            {t(`stats.${k}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
  const figures = (f: TMediationFigures) =>
    KEYS.map((k) => (
      <td key={k} className="p-2 text-right tabular-nums">
        {value(f, k)}
      </td>
    ));
  return (
    <section aria-labelledby="mediation" className="space-y-3" data-testid="mediation">
      <h2 id="mediation" className="text-2xl font-semibold">
        {t('stats.title')}
      </h2>
      <p className="text-base text-stone-700">{t('stats.countsOnly')}</p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {KEYS.map((k) => (
          <li key={k} className="min-h-20 rounded-lg border border-stone-200 bg-white p-3">
            <span className="block text-base text-stone-700">{t(`stats.${k}`)}</span>
            <span className="block text-2xl font-bold tabular-nums" data-testid={`mediation-${k}`}>
              {value(m.totals, k)}
            </span>
          </li>
        ))}
      </ul>
      <details className="rounded-lg border border-stone-200 bg-white p-3">
        <summary className="min-h-11 cursor-pointer py-2 text-lg text-brand-700">{t('stats.definitionSummary')}</summary>
        <dl className="space-y-2 text-base">
          {KEYS.map((k) => (
            <div key={k}>
              <dt className="font-semibold">{t(`stats.${k}`)}</dt>
              <dd>{t(`stats.definition.${k}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
      {perCommunity && (
        <ScrollRegion label={t('stats.byCommunity')} className="rounded-lg border border-stone-200 bg-white">
          <table className="w-full min-w-[32rem] border-collapse text-base" data-testid="mediation-communities">
            <caption className="p-2 text-left text-lg font-semibold">{t('stats.byCommunity')}</caption>
            {head(perCommunity === 'district' ? [t('stats.street'), t('stats.community')] : [t('stats.community')])}
            <tbody>
              {m.byCommunity.map((c) => (
                <tr key={c.id} className="border-b border-stone-200">
                  {perCommunity === 'district' && <td className="p-2">{c.street}</td>}
                  <th scope="row" className="p-2 text-left font-normal">
                    {c.name}
                  </th>
                  {figures(c.figures)}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <ScrollRegion label={t('stats.byKind')} className="rounded-lg border border-stone-200 bg-white">
        <table className="w-full min-w-[28rem] border-collapse text-base" data-testid="mediation-kinds">
          <caption className="p-2 text-left text-lg font-semibold">{t('stats.byKind')}</caption>
          {head([t('stats.kindHead')])}
          <tbody>
            {m.byKind.map((k) => (
              <tr key={k.kind} className="border-b border-stone-200">
                <th scope="row" className="p-2 text-left font-normal">
                  {t(`kind.${k.kind}`)}
                </th>
                {figures(k.figures)}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
