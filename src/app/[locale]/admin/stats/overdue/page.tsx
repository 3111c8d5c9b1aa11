import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { DrillFrame } from '@/features/stats/components/drill-frame';
import { dashboardQuery } from '@/features/stats/query';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { PressForm, TakeOverForm } from '@/features/topics/components/press-form';
import { Link } from '@/i18n/link';
import { listOverdueBehind } from '@/server/stats/overdue';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-stats-overdue');

/** 督办 (decision 049): the overdue tasks or steps behind a dashboard's red figure, most overdue first, each to press. */
export default async function StatsOverduePage({ params, searchParams }: PageProps<'/[locale]/admin/stats/overdue'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/stats', 'stats.read');
  const sp = await searchParams;
  const q = dashboardQuery(by, sp);
  const kind = sp.kind === 'steps' ? 'steps' : 'tasks';
  const list = await orNotFound(listOverdueBehind(by, { unit: q.unit, kind }));
  const t = await getTranslations('stats');
  const tt = await getTranslations('topics');
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeZone: 'Asia/Shanghai' });
  // Whether the reader supervises somewhere (the use case decides for each task's place and level).
  const supervises = scopesOf(by.actor, 'topic.supervise', by.today).length > 0;
  const heads = [
    t('overdue.task'),
    t('overdue.topic'),
    t('drill.place'),
    t('overdue.owner'),
    t('overdue.due'),
    t('overdue.level'),
    t('overdue.pressed'),
  ];
  const stepName = (key: string | null) => (key && tt.has(`step.${key}`) ? tt(`step.${key}` as 'step.raise') : (key ?? ''));
  return (
    <DrillFrame
      q={q}
      figure={t(kind === 'tasks' ? 'overdue.titleTasks' : 'overdue.titleSteps')}
      unitName={list.unit.name}
      total={list.total}
      heads={heads}
      testId="drill-overdue"
    >
      {list.rows.map((r) => (
        <tr key={r.id} className="border-b border-stone-200 align-top">
          <td className="p-2 font-semibold text-red-700">
            {kind === 'tasks' ? r.title : stepName(r.step)}
            {supervises && (
              <details className="mt-2 font-normal text-stone-900">
                <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">
                  {tt('supervise.press')}
                </summary>
                <PressForm
                  topicId={r.topicId}
                  taskId={kind === 'tasks' ? r.id : undefined}
                  t={{ message: tt('supervise.message'), press: tt('supervise.press') }}
                />
              </details>
            )}
            {supervises && !r.takenOver && (
              <div className="mt-2 font-normal">
                <TakeOverForm
                  topicId={r.topicId}
                  taskId={kind === 'tasks' ? r.id : undefined}
                  userId={by.userId}
                  label={tt(kind === 'tasks' ? 'supervise.takeOverToMe' : 'supervise.takeOverStep')}
                />
              </div>
            )}
          </td>
          <td className="p-2">
            <Link href={`/topics/${r.topicId}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {r.topicTitle}
            </Link>
          </td>
          <td className="p-2">{[r.communityName, r.compoundName].filter(Boolean).join(' · ')}</td>
          <td className="p-2">{r.responsible ?? '—'}</td>
          <td className="p-2 tabular-nums text-red-700">{date(r.dueAt)}</td>
          <td className="p-2">
            {t(`overdue.levelName.${r.level}`)}
            {r.takenOver ? ` · ${t('overdue.takenOver')}` : ''}
          </td>
          <td className="p-2 tabular-nums">{r.pressed}</td>
        </tr>
      ))}
    </DrillFrame>
  );
}
