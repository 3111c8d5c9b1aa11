import { topicStageWords } from '@/i18n/topic-stage';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DrillFrame } from '@/features/stats/components/drill-frame';
import { dashboardQuery } from '@/features/stats/query';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { listTopicsBehind } from '@/server/stats/drill';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-stats-topics');

/** The topics behind a dashboard's topic figures, each a way to the topic itself. */
export default async function StatsTopicsPage({ params, searchParams }: PageProps<'/[locale]/admin/stats/topics'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/stats', 'stats.read');
  const sp = await searchParams;
  const q = dashboardQuery(by, sp);
  const step = typeof sp.step === 'string' && /^[A-Za-z_]{1,40}$/.test(sp.step) ? sp.step : null;
  if (!step) notFound();
  const categoryId = typeof sp.topicCategory === 'string' && /^\d{1,9}$/.test(sp.topicCategory) ? Number(sp.topicCategory) : null;
  const list = await orNotFound(listTopicsBehind(by, { ...q, step, categoryId }));
  const t = await getTranslations('stats');
  const tt = await getTranslations('topics');
  const tk = await getTranslations('consultation');
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeZone: 'Asia/Shanghai' });
  const stepName = (key: string | null, status: string) => topicStageWords(status !== 'OPEN' ? status : key, t, tt);
  const title =
    step === 'RAISED' || step === 'DECIDED' || step === 'ENDED'
      ? tk(`byCategory.${step}`)
      : step === 'OPEN'
        ? t('activity.openTopics')
        : step === 'DONE' || step === 'WITHDRAWN'
          ? t(`topicStatus.${step}`)
          : stepName(step, 'OPEN');
  const heads = [t('drill.id'), t('drill.topic'), t('drill.place'), t('step'), t('drill.raised'), t('drill.stepDue')];
  return (
    <DrillFrame
      q={q}
      figure={title}
      unitName={list.unit.level === 'city' ? t('cityRanking') : list.unit.name}
      total={list.total}
      heads={heads}
      testId="drill-topics"
    >
      {list.rows.map((r) => (
        <tr key={r.id} className="border-b border-stone-200">
          <td className="p-2 tabular-nums">#{r.id}</td>
          <td className="p-2">
            <Link href={`/topics/${r.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
              {r.title}
            </Link>
          </td>
          <td className="p-2">{[r.communityName, r.compoundName].filter(Boolean).join(' · ')}</td>
          <td className="p-2">{stepName(r.step, r.status)}</td>
          <td className="p-2 tabular-nums">{date(r.createdAt)}</td>
          <td className="p-2 tabular-nums">{r.status === 'OPEN' ? date(r.stepDueAt) : '—'}</td>
        </tr>
      ))}
    </DrillFrame>
  );
}
