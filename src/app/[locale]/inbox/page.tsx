import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { MarkReadButton } from '@/features/issues/components/mark-read';
import { requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { listInbox } from '@/server/issues/read-issues';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('inbox');

export default async function InboxPage({ params }: PageProps<'/[locale]/inbox'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser('/inbox');
  const t = await getTranslations('issues.inbox');
  const format = await getFormatter();
  const { items, unread } = await listInbox(user.id);
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {unread > 0 && <MarkReadButton text={t('markRead')} />}
      {items.length === 0 ? (
        <p className="text-lg">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="inbox">
          {items.map((n) => (
            <li key={n.id} className={`p-3 text-lg ${n.readAt ? '' : 'font-semibold'}`}>
              {n.issueId || n.topicId || n.link ? (
                <Link href={n.link ?? (n.topicId ? `/topics/${n.topicId}` : `/issues/${n.issueId}`)} className="underline">
                  {t.has(`kind.${n.kind.replace('.', '_')}`) ? t(`kind.${n.kind.replace('.', '_')}` as 'kind.issue_assigned') : n.kind}：
                  {n.title}
                </Link>
              ) : (
                n.title
              )}
              <span className="block text-base font-normal text-stone-700">
                {format.dateTime(n.at, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
