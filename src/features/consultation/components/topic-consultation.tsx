import { getLocale, getTranslations } from 'next-intl/server';
import { labels } from '@/i18n/labels';
import type { TBy } from '@/server/accounts/by';
import { topicConsultation } from '@/server/consultation/topic-panel';
import { TopicConsultationForms } from './topic-forms';

/** A topic's category and the line of its community's consultation list it carries out (decision 072). */
export async function TopicConsultation({ topicId, by }: { topicId: number; by: TBy }) {
  const c = await topicConsultation(by, topicId);
  if (!c) return null;
  const t = await getTranslations('consultation');
  const en = (await getLocale()) === 'en';
  const item = c.consultationItem;
  return (
    <section aria-labelledby="topic-consultation" className="space-y-3 rounded-lg border border-stone-300 bg-white p-4">
      <h2 id="topic-consultation" className="text-2xl font-semibold">
        {t('topic.title')}
      </h2>
      <p className="text-lg" data-testid="topic-category">
        {t('topic.category')}：{en ? c.category.nameEn : c.category.nameZh}
      </p>
      {item && (
        <p className="text-lg" data-testid="topic-line">
          {t('list.year', { year: item.list.year })} · {t('list.line', { line: item.line })} {item.title}
        </p>
      )}
      {c.choices && (
        <TopicConsultationForms
          topicId={topicId}
          categoryId={c.categoryId}
          categories={c.choices.categories.map((x) => ({ value: String(x.id), label: en ? x.nameEn : x.nameZh }))}
          itemId={c.consultationItemId}
          items={c.choices.items.map((i) => ({
            value: String(i.id),
            label: `${t('list.year', { year: i.list.year })} · ${t('list.line', { line: i.line })} ${i.title}`,
          }))}
          t={await labels('consultation.topic')}
        />
      )}
    </section>
  );
}
