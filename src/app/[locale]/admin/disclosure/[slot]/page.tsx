import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { PhotoForm, PublishForm, WaiveForm } from '@/features/disclosure/components/slot-forms';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { titled } from '@/i18n/titles';
import { draftFor } from '@/server/disclosure/file';

export const generateMetadata = titled('admin-disclosure-slot');

/** One slot: the filled template to edit and publish, or the waiver; once filed, the notice-board photo. */
export default async function SlotPage({ params }: PageProps<'/[locale]/admin/disclosure/[slot]'>) {
  const { locale, slot } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission(`/admin/disclosure/${slot}`, 'disclosure.publish');
  const d = await orNotFound(draftFor(by, slot));
  const t = await getTranslations('disclosure');
  const words = { ...(await labels('disclosure.slot')), notice: t('calendar.notice') };
  const { row } = d;
  return (
    <AdminShell title={`${row.item.name} · ${row.label}`}>
      <p className="text-lg">
        {t(`state.${row.state}`)} · {t('slot.due', { day: row.dueOn })} · {t('slot.place', { place: row.place.name })}
      </p>
      {row.filing ? (
        <>
          <p className="text-lg">{t('slot.filed')}</p>
          {row.filing.noticeId && (
            <Link href={`/board/n/${row.filing.noticeId}`} className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
              {t('calendar.notice')}
            </Link>
          )}
          <section aria-labelledby="slot-photo" className="space-y-3">
            <h2 id="slot-photo" className="text-2xl font-semibold">
              {t('slot.photoTitle')}
            </h2>
            {row.filing.photo && (
              <a
                href={`/api/disclosure/${row.filing.id}/photo`}
                className="inline-flex min-h-12 items-center text-lg text-brand-700 underline"
              >
                {t('calendar.photo')}
              </a>
            )}
            <PhotoForm slot={slot} t={words} />
          </section>
        </>
      ) : (
        <>
          <section aria-labelledby="slot-publish" className="space-y-3">
            <h2 id="slot-publish" className="text-2xl font-semibold">
              {t('slot.title')}
            </h2>
            <PublishForm slot={slot} title={d.title} body={d.body} t={words} noticeHref="/board/n/ID" />
          </section>
          <section aria-labelledby="slot-waive" className="space-y-3">
            <h2 id="slot-waive" className="text-2xl font-semibold">
              {t('slot.waiveTitle')}
            </h2>
            <WaiveForm slot={slot} t={words} />
          </section>
        </>
      )}
      <Link
        href={`/admin/disclosure?community=${row.place.communityId}`}
        className="inline-flex min-h-12 items-center text-lg text-brand-700 underline"
      >
        {t('slot.back')}
      </Link>
    </AdminShell>
  );
}
