import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { dashboardQuery, statsHref } from '@/features/stats/query';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { DRILL_LIMIT, listTopicsBehind } from '@/server/stats/drill';

/** The topics behind a dashboard's topic figures, each a way to the topic itself. */
export default async function StatsTopicsPage({ params, searchParams }: PageProps<'/[locale]/admin/stats/topics'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/stats', 'stats.read');
  const sp = await searchParams;
  const q = dashboardQuery(by, sp);
  const step = typeof sp.step === 'string' && /^[A-Za-z_]{1,40}$/.test(sp.step) ? sp.step : null;
  if (!step) notFound();
  const list = await orNotFound(listTopicsBehind(by, { ...q, step }));
  const t = await getTranslations('stats');
  const tt = await getTranslations('topics');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeZone: 'Asia/Shanghai' });
  const stepName = (key: string | null, status: string) =>
    status !== 'OPEN' ? t(`topicStatus.${status as 'DONE'}`) : key && tt.has(`step.${key}`) ? tt(`step.${key}` as 'step.raise') : (key ?? '');
  const title = step === 'OPEN' ? t('activity.openTopics') : step === 'DONE' || step === 'WITHDRAWN' ? t(`topicStatus.${step}`) : stepName(step, 'OPEN');
  return (
    <div className="space-y-5 lg:-mx-24 xl:-mx-40">
      <Breadcrumbs items={[{ label: tc('nav.home'), href: '/' }, { label: t('title'), href: statsHref('/admin/stats', q) }, { label: title }]} />
      <h1 className="text-3xl font-bold">{t('drill.title', { figure: title, unit: list.unit.level === 'city' ? t('cityRanking') : list.unit.name })}</h1>
      <p className="text-lg">
        {t('period.range', { from: q.period.from, to: q.period.to })} · <span data-testid="drill-total">{t('drill.total', { n: list.total })}</span>
      </p>
      {list.total > DRILL_LIMIT && <p className="rounded-lg bg-amber-50 p-3 text-lg text-amber-900">{t('drill.limited', { n: DRILL_LIMIT })}</p>}
      {list.rows.length === 0 ? (
        <p className="text-lg">{t('drill.empty')}</p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label={title}>
          <table className="w-full min-w-[36rem] border-collapse text-base" data-testid="drill-topics">
            <thead>
              <tr className="border-b border-stone-300 bg-stone-50">
                <th scope="col" className="p-2 text-left">{t('drill.id')}</th>
                <th scope="col" className="p-2 text-left">{t('drill.topic')}</th>
                <th scope="col" className="p-2 text-left">{t('drill.place')}</th>
                <th scope="col" className="p-2 text-left">{t('step')}</th>
                <th scope="col" className="p-2 text-left">{t('drill.raised')}</th>
                <th scope="col" className="p-2 text-left">{t('drill.stepDue')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-200">
                  <td className="p-2 tabular-nums">#{r.id}</td>
                  <td className="p-2"><Link href={`/topics/${r.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">{r.title}</Link></td>
                  <td className="p-2">{[r.communityName, r.compoundName].filter(Boolean).join(' · ')}</td>
                  <td className="p-2">{stepName(r.step, r.status)}</td>
                  <td className="p-2 tabular-nums">{date(r.createdAt)}</td>
                  <td className="p-2 tabular-nums">{r.status === 'OPEN' ? date(r.stepDueAt) : '—'}</td>
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
