import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkList } from '@/components/link-list';
import { byOf, requireUser } from '@/features/shared/guards';
import { issueLinkItem } from '@/features/issues/components/issue-link-item';
import { Link } from '@/i18n/link';
import { listMyIssues, listWorkQueue } from '@/server/issues/read-issues';
import { unreadCount } from '@/server/notifications/inbox';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('issues');

export default async function MyIssuesPage({ params }: PageProps<'/[locale]/issues'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser('/issues');
  const t = await getTranslations('issues');
  const [issues, unread, handed] = await Promise.all([
    listMyIssues(user.id),
    unreadCount(user.id),
    listWorkQueue(byOf(user), 'handedToMe'),
  ]);
  // A keeper of the contact chain (decision 051) reaches the households they keep in touch with from here.
  const keeps = user.actor.grants.some((g) => g.role === 'CONTACT_KEEPER');
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('mine.title')}</h1>
      <div className="flex flex-wrap gap-3">
        <Link
          href="/issues/new"
          className="inline-flex min-h-14 items-center rounded-lg bg-brand-700 px-6 text-lg font-semibold text-white"
        >
          {t('mine.new')}
        </Link>
        <Link href="/inbox" className="inline-flex min-h-14 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg">
          {t('mine.inbox', { count: unread })}
        </Link>
        <Link href="/topics" className="inline-flex min-h-14 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg">
          {t('mine.topics')}
        </Link>
        {keeps && (
          <Link href="/contacts" className="inline-flex min-h-14 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg">
            {t('mine.contacts')}
          </Link>
        )}
      </div>
      {handed.length > 0 && (
        <section aria-labelledby="handed" className="space-y-2" data-testid="handed-to-me">
          <h2 id="handed" className="text-2xl font-semibold">
            {t('mine.handed')}
          </h2>
          <LinkList items={handed.map((i) => issueLinkItem(i, (x) => t(`state.${x}`), locale))} />
        </section>
      )}
      {issues.length === 0 ? (
        <p className="text-lg">{t('mine.empty')}</p>
      ) : (
        <LinkList items={issues.map((i) => issueLinkItem(i, (x) => t(`state.${x}`), locale))} />
      )}
    </div>
  );
}
