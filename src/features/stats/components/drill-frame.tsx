import { ScrollRegion } from '@/components/scroll-region';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { Link } from '@/i18n/link';
import { DRILL_LIMIT } from '@/server/stats/drill';
import type { TDashboardQuery } from '@/server/stats/read-dashboard';
import { statsHref } from '../query';

/**
 * The frame of a list behind a dashboard number (issues or topics): heading, period and count, the
 * table in a keyboard-scrollable box, and the way back to the dashboard with the same filters.
 */
export async function DrillFrame({
  q,
  figure,
  unitName,
  total,
  heads,
  testId,
  children,
}: {
  q: TDashboardQuery;
  figure: string;
  unitName: string;
  total: number;
  heads: string[];
  testId: string;
  children: ReactNode;
}) {
  const t = await getTranslations('stats');
  const tc = await getTranslations('common');
  return (
    <div className="space-y-5 lg:-mx-24 xl:-mx-40">
      <Breadcrumbs
        items={[{ label: tc('nav.home'), href: '/' }, { label: t('title'), href: statsHref('/admin/stats', q) }, { label: figure }]}
      />
      <h1 className="text-3xl font-bold">{t('drill.title', { figure, unit: unitName })}</h1>
      <p className="text-lg">
        {t('period.range', { from: q.period.from, to: q.period.to })} ·{' '}
        <span data-testid="drill-total">{t('drill.total', { n: total })}</span>
      </p>
      {total > DRILL_LIMIT && <p className="rounded-lg bg-amber-50 p-3 text-lg text-amber-900">{t('drill.limited', { n: DRILL_LIMIT })}</p>}
      {total === 0 ? (
        <p className="text-lg">{t('drill.empty')}</p>
      ) : (
        <ScrollRegion label={figure} className="relative rounded-lg border border-stone-200 bg-white">
          <table className="w-full min-w-[40rem] border-collapse text-base" data-testid={testId}>
            <thead>
              <tr className="border-b border-stone-300 bg-stone-50">
                {heads.map((h) => (
                  <th key={h} scope="col" className="p-2 text-left">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </ScrollRegion>
      )}
      <Link
        href={statsHref('/admin/stats', q)}
        className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg"
      >
        {t('drill.back')}
      </Link>
    </div>
  );
}
