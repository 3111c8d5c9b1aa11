import { getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { AddCategoryForm, CalendarDayForm, CategoryForm, RemoveDayButton } from '@/features/issue-settings/components/settings-forms';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { coveredYears, districtCategories, FIRST_RESPONDERS, listCalendarDays, yearsToEnter } from '@/server/issues/district-settings';
import { districtsByIds } from '@/server/places/districts';
import { fromDateOnly } from '@/server/today';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-issue-settings');

/** A district's issue categories (with deadlines and first responder) and its extra calendar days. */
export default async function IssueSettingsPage({ params, searchParams }: PageProps<'/[locale]/admin/issue-settings'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/issue-settings', 'issue.configure');
  const districts = scopesOf(by.actor, 'issue.configure', by.today)
    .filter((p) => p.level === 'district')
    .map((p) => p.id);
  const raw = (await searchParams).district;
  const districtId = typeof raw === 'string' && districts.includes(Number(raw)) ? Number(raw) : districts[0]!;
  const t = await getTranslations('issueSettings');
  const ta = await getTranslations('account');
  const l = await labels('issueSettings');
  const names = await districtsByIds(districts);
  const [categories, days, toEnter] = await Promise.all([
    districtCategories(districtId, { includeInactive: true }),
    orNotFound(listCalendarDays(by, districtId)),
    yearsToEnter(districtId),
  ]);
  const roles = FIRST_RESPONDERS.map((r) => ({ value: r, label: ta(`role.${r}`) }));
  const kinds = (['HOLIDAY', 'WORKDAY'] as const).map((k) => ({ value: k, label: t(`kind_${k}`) }));
  const years = coveredYears();
  return (
    <AdminShell title={t('title')}>
      {names.length > 1 && (
        <nav aria-label={t('district')} className="flex flex-wrap gap-2">
          {names.map((d) => (
            <Link
              key={d.id}
              href={`/admin/issue-settings?district=${d.id}`}
              aria-current={d.id === districtId ? 'page' : undefined}
              className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 px-4 text-lg aria-[current=page]:bg-brand-100"
            >
              {d.name}
            </Link>
          ))}
        </nav>
      )}
      <p className="text-lg">{t('intro', { district: names.find((d) => d.id === districtId)?.name ?? '' })}</p>
      <section aria-labelledby="categories" className="space-y-3">
        <h2 id="categories" className="text-2xl font-semibold">
          {t('categories')}
        </h2>
        <ul className="space-y-3">
          {categories.map((c) => (
            <li key={c.code}>
              <details className="rounded-lg border border-stone-300 p-3">
                <summary className="flex min-h-12 cursor-pointer items-center text-lg font-medium">
                  <span>{locale === 'en' ? c.nameEn : c.nameZh}</span>
                  <span className="ml-2 text-base font-normal text-stone-700">
                    {c.aroundTheClock
                      ? t('summaryClock', { role: ta(`role.${c.handlerRole}`), ack: c.acknowledgeMinutes, minutes: c.resolveMinutes })
                      : t('summary', { role: ta(`role.${c.handlerRole}`), ack: c.acknowledgeMinutes, days: c.resolveWorkingDays })}
                    {c.districtId === null ? ` · ${t('default')}` : ''}
                    {c.active ? '' : ` · ${t('inactive')}`}
                  </span>
                </summary>
                <CategoryForm districtId={districtId} c={c} roles={roles} t={l} />
              </details>
            </li>
          ))}
        </ul>
        <details className="rounded-lg border border-stone-300 p-3">
          <summary className="flex min-h-12 cursor-pointer items-center text-lg font-medium">{t('addCategory')}</summary>
          <AddCategoryForm districtId={districtId} roles={roles} t={l} />
        </details>
      </section>
      <section aria-labelledby="calendar" className="space-y-3">
        <h2 id="calendar" className="text-2xl font-semibold">
          {t('calendar')}
        </h2>
        <p className="text-lg">{t('calendarIntro', { from: years[0] ?? '', to: years[years.length - 1] ?? '' })}</p>
        {toEnter.length > 0 && (
          <p data-testid="years-to-enter" className="rounded-lg bg-amber-50 p-3 text-lg text-amber-950">
            {t('uncoveredYears', { years: toEnter.join('、') })}
          </p>
        )}
        {days.length === 0 ? (
          <p className="text-lg">{t('noDays')}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-300" data-testid="calendar-days">
            {days.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-lg">
                <span>
                  {fromDateOnly(d.date)} · {t(`kind_${d.kind}`)} · {d.note}
                </span>
                <RemoveDayButton districtId={districtId} dayId={d.id} label={t('remove')} />
              </li>
            ))}
          </ul>
        )}
        <CalendarDayForm districtId={districtId} kinds={kinds} t={l} />
      </section>
    </AdminShell>
  );
}
