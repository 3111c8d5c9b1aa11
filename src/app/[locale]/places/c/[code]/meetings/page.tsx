import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { byOf } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { getSessionUser } from '@/server/auth/session';
import { fromChinaLocal } from '@/server/issues/clock';
import { calendarOf, personTimes } from '@/server/meetings/read-meetings';
import { thisYear } from '@/server/today';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('places-c-code-meetings');

/** A community's meetings for the year, public: reception days, joint meetings, councils, party days; an .ics feed. */
export default async function MeetingsCalendarPage({ params, searchParams }: PageProps<'/[locale]/places/c/[code]/meetings'>) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const y = (await searchParams).year;
  const year = typeof y === 'string' && /^20\d\d$/.test(y) ? Number(y) : thisYear();
  const cal = await calendarOf(code, year);
  if (!cal) notFound();
  const t = await getTranslations('meetings');
  const format = await getFormatter();
  const user = await getSessionUser();
  const organiser = !!user && scopesOf(byOf(user).actor, 'meeting.manage', byOf(user).today).length > 0;
  const stats = await personTimes(
    cal.community.id,
    fromChinaLocal({ date: `${year}-01-01`, minute: 0 }),
    fromChinaLocal({ date: `${year + 1}-01-01`, minute: 0 }),
  );
  const months = new Map<string, typeof cal.meetings>();
  for (const m of cal.meetings) {
    const key = format.dateTime(m.startsAt, { year: 'numeric', month: 'long', timeZone: 'Asia/Shanghai' });
    months.set(key, [...(months.get(key) ?? []), m]);
  }
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('calendar.title', { community: cal.community.name, year })}</h1>
      <div className="flex flex-wrap gap-3">
        <a
          href={`/api/meetings/c/${code}/calendar.ics`}
          className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-4 text-lg"
        >
          {t('calendar.subscribe')}
        </a>
        {organiser && (
          <Link
            href={`/meetings/new?community=${code}`}
            className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 text-lg font-semibold text-white"
          >
            {t('calendar.new')}
          </Link>
        )}
        {[year - 1, year + 1].map((y2) => (
          <Link
            key={y2}
            href={`/places/c/${code}/meetings?year=${y2}`}
            className="inline-flex min-h-12 items-center px-2 text-lg underline"
          >
            {y2}
          </Link>
        ))}
      </div>
      {Object.keys(stats).length > 0 && (
        <p className="text-lg" data-testid="person-times">
          {Object.entries(stats)
            .map(([k, v]) => t('calendar.stats', { kind: t(`kind.${k}` as 'kind.COUNCIL'), meetings: v.meetings, times: v.personTimes }))
            .join('；')}
        </p>
      )}
      {cal.meetings.length === 0 ? (
        <p className="text-lg">{t('calendar.empty')}</p>
      ) : (
        [...months.entries()].map(([month, list]) => (
          <section key={month} aria-label={month} className="space-y-2">
            <h2 className="text-2xl font-semibold">{month}</h2>
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="calendar-month">
              {list.map((m) => (
                <li key={m.id}>
                  <Link href={`/meetings/${m.id}`} className="flex min-h-14 flex-col justify-center px-4 py-2 hover:bg-brand-50">
                    <span className="text-lg font-medium">
                      {format.dateTime(m.startsAt, {
                        month: 'numeric',
                        day: 'numeric',
                        weekday: 'short',
                        hour: '2-digit',
                        minute: '2-digit',
                        timeZone: 'Asia/Shanghai',
                      })}{' '}
                      · {m.title}
                    </span>
                    <span className="text-base text-stone-700">
                      {m.kindLabel ? m.kindLabel[locale === 'en' ? 'en' : 'zh'] : t(`kind.${m.kind}`)} · {m.location}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
