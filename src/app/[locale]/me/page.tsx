import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkList, type TLinkItem } from '@/components/link-list';
import { isStaff } from '@/features/admin/staff-permissions';
import { issueLinkItem } from '@/features/issues/components/issue-link-item';
import { byOf, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { titled } from '@/i18n/titles';
import { listMyIssues } from '@/server/issues/read-issues';
import { hasCases } from '@/server/mediation/read';
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
          {(await hasCases(by)) && (
            <Link href="/mediation" className={button}>
              {(await getTranslations('mediation.page'))('desk')}
            </Link>
          )}
          <Link href="/surveys" className={button}>
            {(await getTranslations('surveys'))('nav')}
          </Link>
          <Link href="/ledgers" className={button}>
            {(await getTranslations('ledgers'))('nav')}
          </Link>
          <Link href="/account" className={button}>
            {t('settings')}
          </Link>
        </div>
      </section>
      <HomeSection
        id="me-votes"
        title={t('votes')}
        empty={t('votesNone')}
        items={votes.map((v) => ({
          key: String(v.motionId),
          href: `/motions/${v.motionId}`,
          title: v.title ?? v.topicTitle,
          detail: v.closesAt ? t('closes', { date: day(v.closesAt) }) : t('noEnd'),
        }))}
      />
      <HomeSection
        id="me-issues"
        title={t('issues')}
        empty={t('issuesNone')}
        items={issues.slice(0, SHOWN).map((i) => issueLinkItem(i, (x) => ti(`state.${x}`), locale))}
        more={{ href: '/issues', text: t('allIssues') }}
      />
      <HomeSection
        id="me-topics"
        title={t('topics')}
        empty={t('topicsNone')}
        items={topics.slice(0, SHOWN).map((tp) => ({
          key: String(tp.id),
          href: `/topics/${tp.id}`,
          title: tp.title,
          badge: tt(`list.status_${tp.status}`),
        }))}
        more={{ href: '/topics', text: t('allTopics') }}
      />
    </div>
  );
}

/** One part of the home page: its heading, its rows (or a sentence when there are none), and the link to all of them. */
function HomeSection(p: {
  id: string;
  title: string;
  empty: string;
  items: TLinkItem[];
  more?: { href: '/issues' | '/topics'; text: string };
}) {
  return (
    <section aria-labelledby={p.id} className="space-y-2" data-testid={p.id}>
      <h2 id={p.id} className="text-2xl font-semibold">
        {p.title}
      </h2>
      {p.items.length === 0 ? <p className="text-lg">{p.empty}</p> : <LinkList items={p.items} />}
      {p.more && (
        <Link href={p.more.href} className="inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline">
          {p.more.text}
        </Link>
      )}
    </section>
  );
}
