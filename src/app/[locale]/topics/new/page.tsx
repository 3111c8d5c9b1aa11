import { getTranslations, setRequestLocale } from 'next-intl/server';
import { RaiseTopicForm } from '@/features/topics/components/raise-topic-form';
import { byOf, requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { raiseOptions } from '@/server/topics/raise-options';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('topics-new');

/** Raise a topic, from scratch or from residents' issues (?issues=1,2&place=compound:5 from the issue page). */
export default async function RaiseTopicPage({ params, searchParams }: PageProps<'/[locale]/topics/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { user } = await requirePermission('/topics/new', 'topic.raise');
  const q = await searchParams;
  const issueIds =
    typeof q.issues === 'string'
      ? q.issues
          .split(',')
          .filter((x) => /^\d{1,9}$/.test(x))
          .map(Number)
      : [];
  const place = typeof q.place === 'string' && /^(compound|community):\d{1,9}$/.test(q.place) ? q.place : undefined;
  const t = await getTranslations('topics');
  const options = await raiseOptions(byOf(user));
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('list.raise')}</h1>
      <RaiseTopicForm
        t={{
          ...(await labels('topics.form')),
          category: t('category.label'),
          categoryPlaceholder: t('category.placeholder'),
          categoryHint: t('category.hint'),
          ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`matter${n}`, t(`matters.m${n}` as 'matters.m1')])),
        }}
        places={options.places}
        procedures={options.procedures}
        categories={options.categories}
        issues={options.issues}
        preset={{ place, issueIds }}
        locale={locale}
        viewHref={localizedPath('/topics/ID', locale as TLocale)}
      />
    </div>
  );
}
