import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { dashboardQuery, drillFigure, statsHref } from '@/features/stats/query';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { DRILL_LIMIT, listBehind } from '@/server/stats/drill';

/** The issues behind a number of a dashboard, each a way to the issue itself (and to take it over). */
export default async function StatsIssuesPage({ params, searchParams }: PageProps<'/[locale]/admin/stats/issues'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/stats', 'stats.read');
  const sp = await searchParams;
  const q = dashboardQuery(by, sp);
  const figure = drillFigure(sp);
  if (!figure) notFound();
  const list = await orNotFound(listBehind(by, { ...q, figure, compoundless: sp.compoundless === '1' }));
  const t = await getTranslations('stats');
  const ti = await getTranslations('issues');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const unitName = list.unit.level === 'city' ? t('cityRanking') : list.unit.name;
  return (
    <div className="space-y-5 lg:-mx-24 xl:-mx-40">
      <Breadcrumbs
        items={[
          { label: tc('nav.home'), href: '/' },
          { label: t('title'), href: statsHref('/admin/stats', q) },
          { label: t(`figure.${figure}`) },
        ]}
      />
      <h1 className="text-3xl font-bold">{t('drill.title', { figure: t(`figure.${figure}`), unit: unitName })}</h1>
      <p className="text-lg">
        {t('period.range', { from: q.period.from, to: q.period.to })} · <span data-testid="drill-total">{t('drill.total', { n: list.total })}</span>
      </p>
      {list.total > DRILL_LIMIT && <p className="rounded-lg bg-amber-50 p-3 text-lg text-amber-900">{t('drill.limited', { n: DRILL_LIMIT })}</p>}
      {list.rows.length === 0 ? (
        <p className="text-lg">{t('drill.empty')}</p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label={t(`figure.${figure}`)}>
          <table className="w-full min-w-[40rem] border-collapse text-base" data-testid="drill">
            <thead>
              <tr className="border-b border-stone-300 bg-stone-50">
                <th scope="col" className="p-2 text-left">{t('drill.id')}</th>
                <th scope="col" className="p-2 text-left">{t('drill.issue')}</th>
                <th scope="col" className="p-2 text-left">{t('drill.place')}</th>
                <th scope="col" className="p-2 text-left">{t('drill.state')}</th>
                <th scope="col" className="p-2 text-left">{t('drill.raised')}</th>
                <th scope="col" className="p-2 text-left">{t('drill.deadline')}</th>
                {figure === 'excluded' && <th scope="col" className="p-2 text-left">{t('drill.reason')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-200">
                  <td className="p-2 tabular-nums">#{r.id}</td>
                  <td className="p-2"><Link href={`/issues/${r.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">{r.title}</Link></td>
                  <td className="p-2">{[r.communityName, r.compoundName].filter(Boolean).join(' · ')}</td>
                  <td className="p-2">{ti(`state.${r.state}` as 'state.SUBMITTED')} · {ti(`level.${r.level}` as 'level.COMPOUND')}</td>
                  <td className="p-2 tabular-nums">{time(r.createdAt)}</td>
                  <td className={`p-2 tabular-nums ${r.resolveBy < list.now && ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED'].includes(r.state) ? 'font-semibold text-red-800' : ''}`}>{time(r.resolveBy)}</td>
                  {figure === 'excluded' && <td className="p-2">{r.exclusionReason}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Link href={statsHref('/admin/stats', q)} className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg">{t('drill.back')}</Link>
    </div>
  );
}
