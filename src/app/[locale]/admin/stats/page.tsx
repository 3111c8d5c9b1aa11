import { topicStageWords } from '@/i18n/topic-stage';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { isRankFigure, worstFirst } from '@/domain/stats/figures';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { TrendCharts } from '@/features/stats/components/charts';
import { ExportPanel } from '@/features/stats/components/export-panel';
import { PeriodFilter } from '@/features/stats/components/period-filter';
import { MediationFigures } from '@/features/stats/components/mediation';
import { DisclosureOnStats } from '@/features/disclosure/components/stats';
import { TopicsByCategory } from '@/features/stats/components/topics-by-category';
import { FigureTable, RankingTable, Tiles } from '@/features/stats/components/tables';
import { dashboardQuery, statsHref } from '@/features/stats/query';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { readDashboard } from '@/server/stats/read-dashboard';
import { unitParam } from '@/server/stats/units';
import { ancestryOf } from '@/server/places/ancestry';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-stats');

/** A unit's dashboard (scenario S6): figures, the units below, months, categories, topics, export. */
export default async function StatsPage({ params, searchParams }: PageProps<'/[locale]/admin/stats'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/stats', 'stats.read');
  const sp = await searchParams;
  const q = dashboardQuery(by, sp);
  const d = await orNotFound(readDashboard(by, q));
  const t = await getTranslations('stats');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  // Worst first: the lowest resolution rate (counted against the first deadlines, so escalation does not hide it).
  const sort = typeof sp.sort === 'string' && isRankFigure(sp.sort) ? sp.sort : 'resolution';
  const dir = sp.dir === 'asc' || sp.dir === 'desc' ? sp.dir : worstFirst(sort);
  // The city ranking is offered to those who read a district's or a street's dashboard.
  const rankedAt = scopesOf(by.actor, 'stats.read', by.today).find((p) => p.level === 'district' || p.level === 'street');
  const cityOf = rankedAt ? (rankedAt.level === 'district' ? rankedAt.id : ((await ancestryOf(rankedAt))?.district ?? null)) : null;
  const title = d.unit.level === 'city' ? t('cityRanking') : `${d.unit.name} · ${t(`level.${d.unit.level}`)}`;
  const l = await labels('stats.export');
  const tt = await getTranslations('topics');
  // The axis under a chart shows the month alone ("3月", "Mar"); the full month is in the table and the screen-reader text.
  const monthLabel = (m: string) => format.dateTime(new Date(`${m}-15T00:00:00Z`), { month: 'short', timeZone: 'Asia/Shanghai' });
  const stepName = (key: string) => topicStageWords(key, t, tt);
  return (
    <div className="space-y-6 lg:-mx-24 xl:-mx-40">
      <Breadcrumbs
        items={[
          { label: tc('nav.home'), href: '/' },
          { label: t('title'), href: '/admin/stats' },
          // Only the levels one may read are links (a street's staff cannot open the district).
          ...d.unit.trail.map((u) => ({ label: u.name, href: u.open ? statsHref('/admin/stats', { ...q, unit: u }) : undefined })),
          { label: d.unit.level === 'city' ? t('cityRanking') : d.unit.name },
        ]}
      />
      <div className="space-y-1">
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="text-lg">
          {t('period.range', { from: d.period.from, to: d.period.to })} ·{' '}
          {t('period.previous', { from: d.previous.from, to: d.previous.to })}
        </p>
        <p className="text-base text-stone-700" data-testid="refreshed">
          {d.refreshedAt
            ? t('refreshedAt', {
                time: format.dateTime(d.refreshedAt, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' }),
              })
            : t('never')}
          {d.live || d.childLevel === 'compound' ? ` · ${t('live')}` : ''}
        </p>
        {cityOf && d.unit.level !== 'city' && (
          <Link
            href={statsHref('/admin/stats', { ...q, unit: { level: 'city', id: cityOf } })}
            className="inline-flex min-h-11 items-center text-lg text-brand-700 underline"
          >
            {t('cityRanking')}
          </Link>
        )}
      </div>
      <PeriodFilter
        unit={unitParam(q.unit)}
        from={q.period.from}
        to={q.period.to}
        category={q.category}
        categories={d.categories}
        error={q.periodError}
      />
      {d.unit.level !== 'city' && (
        <section aria-labelledby="totals" className="space-y-3">
          <h2 id="totals" className="text-2xl font-semibold">
            {t('section.totals')}
          </h2>
          <Tiles d={d} q={q} />
          <details className="rounded-lg border border-stone-200 bg-white p-3" data-testid="definitions">
            <summary className="min-h-11 cursor-pointer py-2 text-lg text-brand-700">{t('definition.summary')}</summary>
            <dl className="space-y-2 text-base">
              {(
                [
                  'opened',
                  'open',
                  'overdue',
                  'escalated',
                  'takenOver',
                  'excluded',
                  'response',
                  'resolution',
                  'satisfaction',
                  'ackMedian',
                  'resolveMedian',
                ] as const
              ).map((k) => (
                <div key={k}>
                  <dt className="font-semibold">{t(`figure.${k}`)}</dt>
                  <dd>{t(`definition.${k}`)}</dd>
                </div>
              ))}
            </dl>
          </details>
        </section>
      )}
      {d.childLevel && (
        <section aria-labelledby="children" className="space-y-3">
          <h2 id="children" className="text-2xl font-semibold">
            {t('section.children')}
          </h2>
          <RankingTable d={d} q={q} sort={sort} dir={dir} />
        </section>
      )}
      {!d.childLevel && (
        <Link
          href={statsHref('/admin/stats/issues', q, { figure: 'opened' })}
          className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg"
        >
          {t('section.issues')}
        </Link>
      )}
      {d.unit.level !== 'city' && (
        <>
          <section aria-labelledby="trend" className="space-y-3">
            <h2 id="trend" className="text-2xl font-semibold">
              {t('section.trend')}
            </h2>
            <TrendCharts
              points={d.trend.map((m) => ({
                month: m.month,
                label: monthLabel(m.month),
                opened: m.figures.counts.opened,
                overdue: m.figures.counts.overdue,
                ...m.figures.rates,
              }))}
              l={{
                trend: t('chart.trend'),
                rates: t('chart.rates'),
                opened: t('figure.opened'),
                overdue: t('figure.overdue'),
                response: t('figure.response'),
                resolution: t('figure.resolution'),
                satisfaction: t('figure.satisfaction'),
              }}
            />
            <FigureTable
              head={t('month')}
              testId="trend-table"
              rows={d.trend.map((m) => ({ key: m.month, label: m.month, f: m.figures }))}
            />
          </section>
          <section aria-labelledby="categories" className="space-y-3">
            <h2 id="categories" className="text-2xl font-semibold">
              {t('section.categories')}
            </h2>
            <FigureTable
              head={t('category.label')}
              testId="category-table"
              rows={d.byCategory.map((c) => ({ key: c.code, label: locale === 'en' ? c.nameEn : c.nameZh, f: c.figures }))}
            />
          </section>
          <TopicsByCategory by={by} q={q} />
          {d.mediation && (
            <MediationFigures
              m={d.mediation}
              perCommunity={d.unit.level === 'street' || d.unit.level === 'district' ? d.unit.level : null}
            />
          )}
          <DisclosureOnStats by={by} unit={d.unit} />
          <section aria-labelledby="activity" className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-2">
              <h2 id="activity" className="text-2xl font-semibold">
                {t('section.activity')}
              </h2>
              {q.category && <p className="text-base text-stone-700">{t('category.activityNote')}</p>}
              <dl className="grid grid-cols-2 gap-2" data-testid="activity">
                {(['consultations', 'meetingsHeld', 'attendance', 'motionsPassed', 'motionsFailed', 'topicsRaised'] as const).map((k) => (
                  <div key={k} className="rounded-lg border border-stone-200 bg-white p-3">
                    <dt className="text-base text-stone-700">{t(`activity.${k}`)}</dt>
                    <dd className="text-2xl font-bold tabular-nums">
                      {k === 'consultations' || k === 'meetingsHeld' ? (
                        <Link
                          href={statsHref('/admin/stats/meetings', q, k === 'consultations' ? { kind: 'consultations' } : {})}
                          className="underline underline-offset-4"
                        >
                          {d.activity[k]}
                        </Link>
                      ) : (
                        d.activity[k]
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
            <div className="space-y-2">
              <h2 className="text-2xl font-semibold">{t('section.topics')}</h2>
              <table className="w-full border-collapse rounded-lg bg-white text-base" data-testid="topics-by-step">
                <thead>
                  <tr className="border-b border-stone-300">
                    <th scope="col" className="p-2 text-left">
                      {t('step')}
                    </th>
                    <th scope="col" className="p-2 text-right">
                      {t('count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.topics.map((s) => (
                    <tr key={s.step} className="border-b border-stone-200">
                      <th scope="row" className="p-2 text-left font-normal">
                        {stepName(s.step)}
                      </th>
                      <td className="p-2 text-right tabular-nums">
                        <Link
                          href={statsHref('/admin/stats/topics', q, { step: s.step })}
                          className="inline-flex min-h-11 items-center underline underline-offset-4"
                        >
                          {s.count}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
      <ExportPanel
        unit={unitParam(q.unit)}
        from={q.period.from}
        to={q.period.to}
        category={q.category}
        monthLabel={q.period.to}
        showCommunities={d.unit.level === 'city' || d.unit.level === 'district' || d.unit.level === 'street'}
        t={l as Parameters<typeof ExportPanel>[0]['t']}
      />
    </div>
  );
}
