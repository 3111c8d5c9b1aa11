import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { TopicConsultation } from '@/features/consultation/components/topic-consultation';
import { TopicActions } from '@/features/topics/components/topic-actions';
import { Discussion } from '@/features/topics/components/discussion';
import { Presses } from '@/features/topics/components/presses';
import { Records, Stepper, Timeline } from '@/features/topics/components/topic-sections';
import { byOf, requireUser } from '@/features/shared/guards';
import { getTopicForViewer } from '@/server/topics/read-topic';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('topics-id');

/** A topic: its steps with the current one highlighted, what the gate needs, what can be done now, the record, the timeline. */
export default async function TopicPage({ params, searchParams }: PageProps<'/[locale]/topics/[id]'>) {
  const { locale, id } = await params;
  const { ownerQ } = await searchParams;
  setRequestLocale(locale);
  const user = await requireUser(`/topics/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const by = byOf(user);
  const topic = await getTopicForViewer(by, Number(id));
  // A topic one may not see looks like one that does not exist.
  if (!topic) notFound();
  const t = await getTranslations('topics');
  const place = [topic.place.community, topic.place.compound].filter(Boolean).join(' · ');
  return (
    <div className="space-y-6 pt-2">
      <div className="space-y-1">
        <p className="text-base text-stone-700">
          #{topic.id} ·{' '}
          {t('detail.procedure', {
            name: locale === 'en' ? topic.procedure.nameEn : topic.procedure.name,
            version: topic.procedure.version,
          })}
        </p>
        <h1 className="text-3xl font-bold">{topic.title}</h1>
        <p className="text-lg">{t('detail.place', { place })}</p>
        {topic.assemblyMatter && <p className="text-lg">{t('detail.matter', { n: topic.assemblyMatter })}</p>}
        {topic.partyOnly && (
          <p className="rounded-lg border border-red-300 bg-red-50 p-3 text-lg" data-testid="party-only">
            {t('detail.partyOnly')}
          </p>
        )}
        {topic.liaison && <p className="text-lg">{t('detail.liaison', { name: topic.liaison.person.name })}</p>}
        <p className="whitespace-pre-wrap text-lg leading-relaxed">{topic.description}</p>
      </div>
      <Stepper topic={topic} />
      <Presses topicId={topic.id} by={by} />
      <TopicConsultation topicId={topic.id} by={by} />
      <TopicActions topic={topic} by={by} ownerQuery={typeof ownerQ === 'string' ? ownerQ : ''} />
      <Discussion topicId={topic.id} by={by} steps={topic.procedure.steps} />
      <Records topic={topic} />
      <Timeline topic={topic} />
    </div>
  );
}
