import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkList } from '@/components/link-list';
import { scopesOf } from '@/domain/authz/can';
import type { TStep } from '@/domain/topics/procedure';
import { byOf, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { listTopics } from '@/server/topics/read-topic';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('topics');

/** Topics this user takes part in or runs, open ones first, soonest step deadline first. */
export default async function TopicsPage({ params }: PageProps<'/[locale]/topics'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser('/topics');
  const by = byOf(user);
  const t = await getTranslations('topics');
  const format = await getFormatter();
  const topics = await listTopics(by);
  const mayRaise = scopesOf(by.actor, 'topic.raise', by.today).length > 0;
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('list.title')}</h1>
      <p className="text-lg">{t('list.intro')}</p>
      {mayRaise && (
        <Link
          href="/topics/new"
          className="inline-flex min-h-14 items-center rounded-lg bg-brand-700 px-6 text-lg font-semibold text-white"
        >
          {t('list.raise')}
        </Link>
      )}
      {topics.length === 0 ? (
        <p className="text-lg">{t('list.empty')}</p>
      ) : (
        <LinkList
          items={topics.map((tp) => {
            const step = (tp.procedure.steps as TStep[])[tp.stepIndex]!;
            return {
              key: String(tp.id),
              href: `/topics/${tp.id}`,
              title: tp.title,
              badge: t(`list.status_${tp.status}`),
              detail:
                tp.status === 'OPEN'
                  ? t('list.due', {
                      n: tp.stepIndex + 1,
                      step: t(`step.${step.key}` as 'step.raise'),
                      due: format.dateTime(tp.stepDueAt, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }),
                    })
                  : `#${tp.id}`,
            };
          })}
        />
      )}
    </div>
  );
}
