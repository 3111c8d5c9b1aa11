import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { byOf, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { myTasks } from '@/server/topics/my-tasks';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('tasks');

/** 我的任务: the tasks this account carries out for their owner (themselves, their firm, their committee), open first by due date. */
export default async function MyTasksPage({ params }: PageProps<'/[locale]/tasks'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const by = byOf(await requireUser('/tasks'));
  const t = await getTranslations('topics');
  const format = await getFormatter();
  const tasks = await myTasks(by);
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('mine.title')}</h1>
      <p className="text-lg">{t('mine.intro')}</p>
      {tasks.length === 0 ? (
        <p className="text-lg">{t('mine.empty')}</p>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white" data-testid="my-tasks">
          {tasks.map((k) => (
            <li key={k.id}>
              <Link href={`/topics/${k.topicId}#task-${k.id}`} className="block min-h-14 px-4 py-3 hover:bg-brand-50">
                <span className="block text-lg font-medium break-words">{k.title}</span>
                <span className="block text-base text-stone-700 break-words">
                  {k.topicTitle} · {k.place}
                </span>
                <span className="block text-base">
                  {t(`detail.taskStatus_${k.status}`)} ·{' '}
                  <span className={k.overdue ? 'font-semibold text-red-700' : undefined}>
                    {t(k.overdue ? 'mine.overdue' : 'mine.due', {
                      due: format.dateTime(new Date(`${k.dueOn}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }),
                    })}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
