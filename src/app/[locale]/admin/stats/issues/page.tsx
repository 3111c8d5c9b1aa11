import { notFound } from 'next/navigation';
import { isOpen } from '@/domain/issues/lifecycle';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DrillFrame } from '@/features/stats/components/drill-frame';
import { dashboardQuery, drillFigure } from '@/features/stats/query';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { listBehind } from '@/server/stats/drill';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-stats-issues');

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
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const excluded = figure === 'excluded';
  const heads = [
    t('drill.id'),
    t('drill.issue'),
    t('drill.place'),
    t('drill.state'),
    t('drill.raised'),
    t('drill.deadline'),
    ...(excluded ? [t('drill.reason')] : []),
  ];
  return (
    <DrillFrame
      q={q}
      figure={t(`figure.${figure}`)}
      unitName={list.unit.level === 'city' ? t('cityRanking') : list.unit.name}
      total={list.total}
      heads={heads}
      testId="drill"
    >
      {list.rows.map((r) => (
        <tr key={r.id} className="border-b border-stone-200">
          <td className="p-2 tabular-nums">#{r.id}</td>
          <td className="p-2">
            <Link href={`/issues/${r.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
              {r.title}
            </Link>
          </td>
          <td className="p-2">{[r.communityName, r.compoundName].filter(Boolean).join(' · ')}</td>
          <td className="p-2">
            {ti(`state.${r.state}` as 'state.SUBMITTED')} · {ti(`level.${r.level}` as 'level.COMPOUND')}
          </td>
          <td className="p-2 tabular-nums">{time(r.createdAt)}</td>
          <td className={`p-2 tabular-nums ${r.resolveBy < list.now && isOpen(r.state) ? 'font-semibold text-red-800' : ''}`}>
            {time(r.resolveBy)}
          </td>
          {excluded && <td className="p-2">{r.exclusionReason}</td>}
        </tr>
      ))}
    </DrillFrame>
  );
}
