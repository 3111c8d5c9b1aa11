import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkList } from '@/components/link-list';
import { isStaff } from '@/features/admin/staff-permissions';
import { byOf, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { titled } from '@/i18n/titles';
import { listMyIssues } from '@/server/issues/read-issues';
import { listTopics } from '@/server/topics/read-topic';
import { votesWaitingFor } from '@/server/votes/waiting';

export const generateMetadata = titled('me');

const SHOWN = 5;
const button = 'inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg';

/** A resident's own home, where sign-in lands (issue 20, item 9): raise an issue, votes waiting, my issues and topics. */
export default async function MyHomePage({ params }: PageProps<'/[locale]/me'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser('/me');
  const by = byOf(user);
  const t = await getTranslations('account.home');
  const ti = await getTranslations('issues');
  const tt = await getTranslations('topics');
  const format = await getFormatter();
  const [votes, issues, topics] = await Promise.all([votesWaitingFor(user.personId), listMyIssues(user.id), listTopics(by)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <div className="space-y-6 pt-2">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <p className="text-lg">{t('intro', { name: user.name })}</p>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/issues/new"
            className="inline-flex min-h-14 items-center rounded-lg bg-brand-700 px-6 text-lg font-semibold text-white"
          >
            {t('raise')}
          </Link>
          {isStaff(by) && (
            <Link href="/admin" className={button}>
              {t('desk')}
            </Link>
          )}
          <Link href="/account" className={button}>
            {t('settings')}
          </Link>
        </div>
      </section>
      <section aria-labelledby="me-votes" className="space-y-2" data-testid="votes-waiting">
        <h2 id="me-votes" className="text-2xl font-semibold">
          {t('votes')}
        </h2>
        {votes.length === 0 ? (
          <p className="text-lg">{t('votesNone')}</p>
        ) : (
          <LinkList
            items={votes.map((v) => ({
              key: String(v.motionId),
              href: `/motions/${v.motionId}`,
              title: v.title ?? v.topicTitle,
              detail: v.closesAt ? t('closes', { date: day(v.closesAt) }) : t('noEnd'),
            }))}
          />
        )}
      </section>
      <section aria-labelledby="me-issues" className="space-y-2">
        <h2 id="me-issues" className="text-2xl font-semibold">
          {t('issues')}
        </h2>
        {issues.length === 0 ? (
          <p className="text-lg">{t('issuesNone')}</p>
        ) : (
          <LinkList
            items={issues.slice(0, SHOWN).map((i) => ({
              key: String(i.id),
              href: `/issues/${i.id}`,
              title: i.title,
              badge: ti(`state.${i.state}`),
              detail: `${locale === 'en' ? i.category.nameEn : i.category.nameZh} · #${i.id}`,
            }))}
          />
        )}
        <Link href="/issues" className="inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline">
          {t('allIssues')}
        </Link>
      </section>
      <section aria-labelledby="me-topics" className="space-y-2">
        <h2 id="me-topics" className="text-2xl font-semibold">
          {t('topics')}
        </h2>
        {topics.length === 0 ? (
          <p className="text-lg">{t('topicsNone')}</p>
        ) : (
          <LinkList
            items={topics.slice(0, SHOWN).map((tp) => ({
              key: String(tp.id),
              href: `/topics/${tp.id}`,
              title: tp.title,
              badge: tt(`list.status_${tp.status}`),
            }))}
          />
        )}
        <Link href="/topics" className="inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline">
          {t('allTopics')}
        </Link>
      </section>
    </div>
  );
}
