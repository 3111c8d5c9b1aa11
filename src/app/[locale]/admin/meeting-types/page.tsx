import { getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { meetingKinds } from '@/domain/meetings/meetings';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { AddTypeForm, TypeForm } from '@/features/meetings/components/meeting-types-form';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { titled } from '@/i18n/titles';
import { BODY_KINDS, listMeetingTypes } from '@/server/meetings/types';
import { districtsByIds } from '@/server/places/districts';
import { fromDateOnly } from '@/server/today';

export const generateMetadata = titled('admin-meeting-types');

/** A district's own meeting kinds (decision 066): its administrators add, change and retire them. */
export default async function MeetingTypesPage({ params, searchParams }: PageProps<'/[locale]/admin/meeting-types'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/meeting-types', 'meetingType.manage');
  const districts = scopesOf(by.actor, 'meetingType.manage', by.today)
    .filter((p) => p.level === 'district')
    .map((p) => p.id);
  const raw = (await searchParams).district;
  const districtId = typeof raw === 'string' && districts.includes(Number(raw)) ? Number(raw) : districts[0]!;
  const t = await getTranslations('admin.meetingTypes');
  const tm = await getTranslations('meetings');
  const tb = await getTranslations('meetings.types');
  const l = await labels('admin.meetingTypes');
  const [names, types] = await Promise.all([districtsByIds(districts), listMeetingTypes(by, districtId)]);
  const kinds = meetingKinds.map((k) => ({ value: k, label: tm(`kind.${k}`) }));
  const bodyKinds = BODY_KINDS.map((k) => ({ value: k, label: tb(`body.${k}`) }));
  return (
    <AdminShell title={t('title')}>
      {names.length > 1 && (
        <nav aria-label={t('district')} className="flex flex-wrap gap-2">
          {names.map((d) => (
            <Link
              key={d.id}
              href={`/admin/meeting-types?district=${d.id}`}
              aria-current={d.id === districtId ? 'page' : undefined}
              className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 px-4 text-lg aria-[current=page]:bg-brand-100"
            >
              {d.name}
            </Link>
          ))}
        </nav>
      )}
      <p className="text-lg">{t('intro', { district: names.find((d) => d.id === districtId)?.name ?? '' })}</p>
      {types.length === 0 ? (
        <p className="text-lg">{t('none')}</p>
      ) : (
        <ul className="space-y-3" data-testid="meeting-types">
          {types.map((x) => (
            <li key={x.id}>
              <details className="rounded-lg border border-stone-300 p-3">
                <summary className="flex min-h-12 cursor-pointer flex-wrap items-center gap-x-2 text-lg font-medium">
                  <span>{locale === 'en' ? x.nameEn : x.nameZh}</span>
                  <span className="text-base font-normal text-stone-700">
                    {x.code} · {t('follows', { kind: tm(`kind.${x.baseKind}`) })} · {t('notice', { days: x.noticeDays })}
                    {x.open ? ` · ${t('isOpen')}` : ''}
                    {x.needsApproval ? ` · ${t('isApproved')}` : ''}
                    {x.retiredOn ? ` · ${t('retiredOn', { day: fromDateOnly(x.retiredOn) })}` : ''}
                  </span>
                </summary>
                {!x.retiredOn && <TypeForm row={x} kinds={kinds} bodyKinds={bodyKinds} t={l} />}
              </details>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="add-type" className="space-y-3">
        <h2 id="add-type" className="text-2xl font-semibold">
          {t('addTitle')}
        </h2>
        <AddTypeForm districtId={districtId} kinds={kinds} bodyKinds={bodyKinds} t={l} />
      </section>
    </AdminShell>
  );
}
