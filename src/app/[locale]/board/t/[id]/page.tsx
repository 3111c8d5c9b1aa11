import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ResultWords, Section } from '@/features/topics/components/topic-sections';
import { Link } from '@/i18n/link';
import { sharedPageMetadata } from '@/features/shared/share-metadata';
import { publicTopicRecord } from '@/server/topics/public-record';
import type { TLocale } from '@/server/votes/describe';

const load = async (id: string) => (/^\d{1,9}$/.test(id) ? publicTopicRecord(Number(id)) : null);

export async function generateMetadata({ params }: PageProps<'/[locale]/board/t/[id]'>): Promise<Metadata> {
  return sharedPageMetadata('board-t-id', 'topic', (await params).id);
}

/** A topic's public record, opened from its decision notice (issue 20, item 9): steps, dates, meetings, tallies; no names. */
export default async function TopicRecordPage({ params }: PageProps<'/[locale]/board/t/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const r = await load(id);
  if (!r) notFound();
  const t = await getTranslations('board.record');
  const ts = await getTranslations('topics');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'Asia/Shanghai' });
  const place = [r.place.community, r.place.compound].filter(Boolean).join(' · ');
  const stepName = (i: number) => ts(`step.${r.steps[i]?.key ?? 'raise'}` as 'step.raise');
  return (
    <article className="space-y-6 pt-2" data-testid="topic-record">
      <div className="space-y-1">
        <p className="text-base text-stone-700">
          {t('place', { place })} · {t(`status_${r.status}`)}
        </p>
        <h1 className="text-3xl font-bold">{t('title', { title: r.title })}</h1>
        <p className="text-lg">{t('procedure', { name: locale === 'en' ? r.procedure.nameEn : r.procedure.name })}</p>
        <p className="text-lg">{t('intro', { title: r.title })}</p>
      </div>
      <Section id="record-steps" title={t('steps')}>
        <ol className="space-y-1" data-testid="record-steps">
          {r.steps.map((s, i) => (
            <li
              key={s.key}
              aria-current={s.current ? 'step' : undefined}
              className={`rounded-lg px-3 py-2 text-lg ${s.current ? 'bg-brand-700 font-semibold text-white' : s.reached ? 'bg-green-50 text-green-900' : 'bg-stone-100 text-stone-700'}`}
            >
              {i + 1}. {stepName(i)} · {s.current ? t('current') : s.reached ? t('done') : t('notYet')}
              {s.from && <span className="block text-base">{t('from', { date: day(s.from) })}</span>}
            </li>
          ))}
        </ol>
      </Section>
      <Section id="record-meetings" title={t('meetings')}>
        {r.meetings.length === 0 ? (
          <p className="text-lg">{t('noMeetings')}</p>
        ) : (
          <ul className="space-y-1 text-lg">
            {r.meetings.map((m) => (
              <li key={m.id}>{t('meeting', { date: day(m.startsAt), title: m.title, count: m.attended })}</li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="record-votes" title={t('votes')}>
        {r.motions.length === 0 ? (
          <p className="text-lg">{t('noVotes')}</p>
        ) : (
          <ul className="space-y-2" data-testid="record-votes">
            {r.motions.map((m) => (
              <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-3 text-lg">
                <p className="font-semibold">{stepName(m.stepIndex)}</p>
                {m.view && <ResultWords view={m.view} locale={locale as TLocale} />}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="record-notices" title={t('notices')}>
        <ul className="space-y-1 text-lg">
          {r.notices.map((n) => (
            <li key={n.id}>
              <Link href={`/board/n/${n.id}`} className="inline-flex min-h-12 items-center underline">
                {day(n.publishedAt)} · {n.title}
              </Link>
            </li>
          ))}
        </ul>
      </Section>
    </article>
  );
}
