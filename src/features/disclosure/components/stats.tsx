import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import type { TPlaceRef } from '@/domain/territory/places';
import { Link } from '@/i18n/link';
import type { TBy } from '@/server/accounts/by';
import { timelinessByCommunity } from '@/server/disclosure/calendar';
import { UseCaseError } from '@/server/errors';

/**
 * 公开及时率 on a unit's dashboard (decision 070): per community of a street or a district (or the one community), the
 * rate, on time / due, and the overdue count — each a link to that community's overdue slots. Nothing for other units.
 */
export async function DisclosureOnStats({ by, unit }: { by: TBy; unit: { level: string; id: number | null } }) {
  if (unit.id === null || !['district', 'street', 'community'].includes(unit.level)) return null;
  const r = await timelinessByCommunity(by, unit as TPlaceRef).catch((e) => (e instanceof UseCaseError ? null : Promise.reject(e)));
  if (!r || r.communities.length === 0) return null;
  const t = await getTranslations('disclosure');
  return (
    <section aria-labelledby="disclosure-rate" className="space-y-3" data-testid="disclosure-rate">
      <h2 id="disclosure-rate" className="text-2xl font-semibold">
        {t('stats.title')}
      </h2>
      <p className="text-base text-stone-700">{t('calendar.rateHint')}</p>
      <ScrollRegion label={t('stats.title')}>
        <table className="w-full text-lg">
          <thead>
            <tr className="border-b border-stone-300 bg-stone-50">
              <th scope="col" className="p-2 text-left">
                {t('stats.community')}
              </th>
              <th scope="col" className="p-2 text-right">
                {t('stats.rate')}
              </th>
              <th scope="col" className="p-2 text-right">
                {t('stats.counted')}
              </th>
              <th scope="col" className="p-2 text-right">
                {t('stats.overdue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.communities.map((c) => (
              <tr key={c.id} className="border-b border-stone-200" data-testid="disclosure-community">
                <th scope="row" className="p-2 text-left font-normal">
                  <Link
                    href={`/admin/disclosure?community=${c.id}&only=overdue`}
                    className="inline-flex min-h-11 items-center text-brand-700 underline"
                  >
                    {c.name}
                  </Link>
                </th>
                <td className="p-2 text-right tabular-nums" data-testid="disclosure-percent">
                  {c.percent}
                </td>
                <td className="p-2 text-right tabular-nums">
                  {c.onTime} / {c.counted}
                </td>
                <td className="p-2 text-right tabular-nums" data-testid="disclosure-overdue">
                  {c.overdue}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="p-2 text-left">
                {t('stats.total')}
              </th>
              <td className="p-2 text-right tabular-nums">{r.total.percent}</td>
              <td className="p-2 text-right tabular-nums">
                {r.total.onTime} / {r.total.counted}
              </td>
              <td className="p-2 text-right tabular-nums">{r.total.overdue}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </section>
  );
}
