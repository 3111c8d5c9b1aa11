import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/link';
import type { TOverdueRow } from '@/server/stats/overdue';

/** 督办 on the desk (decision 049): overdue tasks and steps in red, most overdue first, each leading to its topic. */
export async function OverdueList({ tasks, steps }: { tasks: TOverdueRow[]; steps: TOverdueRow[] }) {
  const t = await getTranslations('stats');
  const tt = await getTranslations('topics');
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeZone: 'Asia/Shanghai' });
  const stepName = (key: string | null) => (key && tt.has(`step.${key}`) ? tt(`step.${key}` as 'step.raise') : (key ?? ''));
  const rows = [
    ...tasks.map((r) => ({ r, what: `${r.title}（${r.responsible ?? ''}）` })),
    ...steps.map((r) => ({ r, what: stepName(r.step) })),
  ];
  if (rows.length === 0) return <p className="text-lg">{t('drill.empty')}</p>;
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-red-300 bg-white" data-testid="desk-overdue">
      {rows.map(({ r, what }) => (
        <li key={`${r.step === null ? 't' : 's'}${r.id}`} className="p-3 text-lg">
          <span className="font-semibold text-red-700">{what}</span> ·{' '}
          <Link href={`/topics/${r.topicId}`} className="text-brand-700 underline">
            {r.topicTitle}
          </Link>
          <span className="block text-base text-stone-700">
            {[r.communityName, r.compoundName].filter(Boolean).join(' · ')} · {t('overdue.due')} {date(r.dueAt)} ·{' '}
            {t(`overdue.levelName.${r.level}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}
