import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkList } from '@/components/link-list';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { requirePermission } from '@/features/shared/guards';
import { PlaceIntakeForm } from '@/features/open311/components/place-intake-form';
import { labels } from '@/i18n/labels';
import { listWorkQueue } from '@/server/issues/read-issues';
import { compoundChoices, listIntakes } from '@/server/open311/intake';
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
  // Hotline requests no compound was found for (decision 060): only staff who handle issues district-wide see them.
  const intakes = await listIntakes(by);
  const choices = await compoundChoices([...new Set(intakes.map((i) => i.districtId))]);
  const l = await labels('issues.intake');
  return (
    <AdminShell title={t('queue.title')}>
      {intakes.length > 0 && (
        <section aria-labelledby="intakes" className="space-y-3">
          <h2 id="intakes" className="text-2xl font-semibold">
            {t('intake.title')}
          </h2>
          <p className="text-lg">{t('intake.intro')}</p>
          <ul className="space-y-4">
            {intakes.map((i) => (
              <li key={i.id} className="space-y-2 rounded-lg border border-amber-400 bg-amber-50 p-3 text-lg">
                <p className="text-base text-stone-700">
                  {t('intake.received', { at: time(i.createdAt), category: locale === 'en' ? i.category.nameEn : i.category.nameZh })}
                </p>
                <p className="whitespace-pre-line break-words">{i.description}</p>
                {i.addressString && <p className="break-words">{t('intake.where', { address: i.addressString })}</p>}
                {i.lat !== null && i.long !== null && <p>{t('intake.coordinates', { lat: i.lat, long: i.long })}</p>}
                <p>
                  {i.reporterPhone ? t('intake.caller', { name: i.reporterName ?? '', phone: i.reporterPhone }) : t('intake.anonymous')}
                </p>
                {i.mediaUrl && (
                  <p>
                    <a href={i.mediaUrl} rel="noopener noreferrer nofollow" target="_blank" className="break-all underline">
                      {t('intake.media')}
                    </a>
                  </p>
                )}
                <PlaceIntakeForm intakeId={i.id} compounds={choices.get(i.districtId) ?? []} t={l} />
              </li>
            ))}
          </ul>
        </section>
      )}
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
