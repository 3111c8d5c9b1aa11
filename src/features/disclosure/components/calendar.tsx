import { getTranslations } from 'next-intl/server';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import type { TBy } from '@/server/accounts/by';
import { eventTargets, readCalendar } from '@/server/disclosure/calendar';
import { EventForm } from './catalogue-forms';
import { SlotList } from './slot-list';

/** A community's calendar: the rate, the slots (overdue first) and the form to record an event. */
export async function CalendarSection({ by, communityId, only }: { by: TBy; communityId: number; only?: 'overdue' }) {
  const t = await getTranslations('disclosure');
  const cal = await readCalendar(by, communityId, only);
  const targets = only ? [] : await eventTargets(by, communityId);
  return (
    <section aria-labelledby="disclosure-calendar" className="space-y-4">
      <h2 id="disclosure-calendar" className="text-2xl font-semibold">
        {t('calendar.title', { community: cal.community.name })}
      </h2>
      <div className="rounded-lg border border-stone-300 p-3" data-testid="calendar-rate">
        <p className="text-xl font-semibold">
          {t('calendar.rate')}: <span data-testid="calendar-percent">{cal.rate.percent}</span>
        </p>
        <p className="text-lg">
          {t('calendar.counted', { onTime: cal.rate.onTime, counted: cal.rate.counted })} ·{' '}
          {t('calendar.overdue', { count: cal.rate.overdue })}
        </p>
        <p className="text-base text-stone-700">{t('calendar.rateHint')}</p>
      </div>
      {only ? (
        <Link
          href={`/admin/disclosure?community=${communityId}`}
          className="inline-flex min-h-12 items-center text-lg text-brand-700 underline"
        >
          {t('desk.all')}
        </Link>
      ) : null}
      <SlotList slots={cal.slots} testId="calendar-slots" />
      {targets.length > 0 && (
        <details className="rounded-lg border border-stone-300 p-3">
          <summary className="min-h-12 cursor-pointer py-2 text-lg font-semibold">{t('event.title')}</summary>
          <EventForm targets={targets} today={by.today} t={{ ...(await labels('disclosure.event')), choose: t('catalogue.choose') }} />
        </details>
      )}
    </section>
  );
}
