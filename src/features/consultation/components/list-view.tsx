import type { ReactNode } from 'react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { topicStageWords } from '@/i18n/topic-stage';
import { Link } from '@/i18n/link';
import type { readLists } from '@/server/consultation/read';

type TList = Awaited<ReturnType<typeof readLists>>[number];

/**
 * One year's list: each line with its category, planned time, source and the topics carrying it out (their step,
 * or how they ended). `lineExtra` adds staff controls to a line; struck-off lines (staff only) are struck through.
 */
export async function ListView({
  list,
  community,
  lineExtra,
}: {
  list: TList;
  community: string;
  lineExtra?: (itemId: number) => ReactNode;
}) {
  const t = await getTranslations('consultation');
  const ts = await getTranslations('stats');
  const tt = await getTranslations('topics');
  const en = (await getLocale()) === 'en';
  const format = await getFormatter();
  const outcome = (x: TList['items'][number]['topics'][number]) =>
    x.status === 'OPEN'
      ? x.decided
        ? t('outcome.DECIDED')
        : t('outcome.OPEN', { step: topicStageWords(x.step, ts, tt) })
      : t(`outcome.${x.status as 'DONE' | 'WITHDRAWN'}`);
  return (
    <section aria-labelledby={`list-${list.id}`} className="space-y-3" data-testid={`consultation-list-${list.year}`}>
      <h2 id={`list-${list.id}`} className="text-2xl font-semibold">
        {t('list.yearTitle', { community, year: list.year })}
      </h2>
      <p className="text-base text-stone-700">
        {list.status === 'PUBLISHED' && list.publishedAt
          ? t('list.publishedAt', { date: format.dateTime(list.publishedAt, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }) })
          : t('list.draft')}
        {list.notice && (
          <>
            {' · '}
            <Link href={`/board/n/${list.notice.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t('list.notice')}
            </Link>
          </>
        )}
      </p>
      <ol className="space-y-3">
        {list.items.map((i) => (
          <li key={i.id} className="rounded-lg border border-stone-300 bg-white p-3" data-testid={`line-${i.line}`}>
            <p className={`text-lg font-semibold ${i.retiredAt ? 'line-through' : ''}`}>
              {t('list.line', { line: i.line })} {i.title}
              {i.retiredAt && <span className="ml-2 text-base font-normal">（{t('list.struck')}）</span>}
            </p>
            <p className="text-base text-stone-700">
              {en ? i.category.nameEn : i.category.nameZh} · {t(`source.${i.source}`)}
              {i.quarter ? ` · ${t('list.quarter', { n: i.quarter })}` : i.month ? ` · ${t('list.month', { n: i.month })}` : ''}
            </p>
            {i.description && <p className="text-base">{i.description}</p>}
            {i.topics.length === 0 ? (
              <p className="text-base text-stone-700">{t('list.noTopics')}</p>
            ) : (
              <ul aria-label={t('list.topics')} className="mt-1 space-y-1">
                {i.topics.map((x) => (
                  <li key={x.id} className="text-base" data-testid="line-topic">
                    #{x.id} {x.title} · {outcome(x)}
                  </li>
                ))}
              </ul>
            )}
            {lineExtra?.(i.id)}
          </li>
        ))}
      </ol>
    </section>
  );
}
