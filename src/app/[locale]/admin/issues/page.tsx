import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkList } from '@/components/link-list';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { requirePermission } from '@/features/shared/guards';
import { listWorkQueue } from '@/server/issues/read-issues';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-issues');

export default async function WorkQueuePage({ params }: PageProps<'/[locale]/admin/issues'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/issues', 'issue.handle');
  const t = await getTranslations('issues');
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const queue = await listWorkQueue(by);
  return (
    <AdminShell title={t('queue.title')}>
      {queue.length === 0 ? (
        <p className="text-lg">{t('queue.empty')}</p>
      ) : (
        <LinkList
          items={queue.map((i) => ({
            key: String(i.id),
            href: `/issues/${i.id}`,
            title: i.title,
            badge: i.unverified ? t('queue.unverified', { level: t(`level.${i.level}`) }) : t(`level.${i.level}`),
            detail: t('queue.due', { state: t(`state.${i.state}`), ack: time(i.acknowledgeBy), resolve: time(i.resolveBy) }),
          }))}
        />
      )}
    </AdminShell>
  );
}
