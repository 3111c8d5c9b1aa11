import { getLocale, getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import type { TPeriod } from '@/domain/stats/period';
import { statsHref } from '@/features/stats/query';
import { Link } from '@/i18n/link';
import type { TBy } from '@/server/accounts/by';
import { CATEGORY_FIGURES, topicsByCategory } from '@/server/stats/topics-by-category';
import type { TUnitRef } from '@/server/stats/units';

/**
 * Topics and their outcomes by category (decision 072), for the unit and period in view: each count a link to
 * the topics behind it (the topics drill-down, filtered by the category).
 */
export async function TopicsByCategory({ by, q }: { by: TBy; q: { unit: TUnitRef; period: TPeriod; category: string | null } }) {
  const { rows } = await topicsByCategory(by, q);
  const t = await getTranslations('consultation');
  const en = (await getLocale()) === 'en';
  return (
    <section aria-labelledby="topics-by-category" className="space-y-3">
      <h2 id="topics-by-category" className="text-2xl font-semibold">
        {t('byCategory.title')}
      </h2>
      {rows.length === 0 ? (
        <p className="text-lg">{t('byCategory.none')}</p>
      ) : (
        <ScrollRegion label={t('byCategory.title')}>
          <table className="w-full border-collapse rounded-lg bg-white text-base" data-testid="topics-by-category">
            <thead>
              <tr className="border-b border-stone-300 bg-stone-50">
                <th scope="col" className="p-2 text-left">
                  {t('byCategory.category')}
                </th>
                {CATEGORY_FIGURES.map((f) => (
                  <th key={f} scope="col" className="p-2 text-right">
                    {t(`byCategory.${f}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-200" data-category={r.code}>
                  <th scope="row" className="p-2 text-left font-normal">
                    {en ? r.nameEn : r.nameZh}
                  </th>
                  {CATEGORY_FIGURES.map((f) => (
                    <td key={f} className="p-2 text-right tabular-nums" data-figure={f}>
                      <Link
                        href={statsHref('/admin/stats/topics', { ...q, category: null }, { step: f, topicCategory: String(r.id) })}
                        className="inline-flex min-h-11 min-w-11 items-center justify-end underline underline-offset-4"
                      >
                        {r[f]}
                      </Link>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
