import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { markResidentAction } from '@/features/meetings/residents-actions';
import { BuildingAttendance } from '@/features/meetings/components/household-attendance';
import { AttendancePanel, ButtonForm } from '@/features/meetings/components/meeting-forms';
import { byOf, orNotFound, requireUser } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { residentsAttendanceView } from '@/server/meetings/households';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('meetings-id-households');

/** A residents' meeting's attendance (decision 068): households ticked by building, or residents found by name; the live panel. */
export default async function HouseholdsPage({ params, searchParams }: PageProps<'/[locale]/meetings/[id]/households'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const raw = (await searchParams).q;
  const q = typeof raw === 'string' ? raw.trim().slice(0, 20) : '';
  const user = await requireUser(`/meetings/${id}/households`);
  const v = await orNotFound(residentsAttendanceView(byOf(user), Number(id), q));
  const t = await getTranslations('meetings.residents');
  const l = await labels('meetings.residents');
  const panelT = { expected: l.expected!, present: l.present!, quorumMet: l.quorumMet!, quorumNotMet: l.quorumNotMet! };
  return (
    <div className="space-y-5 pt-2">
      <Link href={`/meetings/${v.meeting.id}`} className="text-lg underline">
        {v.meeting.title}
      </Link>
      <h1 className="text-3xl font-bold">{t('householdsTitle', { title: v.meeting.title })}</h1>
      <AttendancePanel meetingId={v.meeting.id} initial={v.panel} t={panelT} src={`/api/meetings/${v.meeting.id}/households`} />
      {v.results.length > 0 && (
        <section aria-labelledby="results" className="space-y-2">
          <h2 id="results" className="text-2xl font-semibold">
            {t('results')}
          </h2>
          <ul className="space-y-2 text-lg" data-testid="meeting-results">
            {v.results.map((r) => (
              <li key={r.id}>
                <Link href={`/topics/${r.topic.id}`} className="underline">
                  {r.topic.title}
                </Link>
                ：{r.sentence}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="text-lg">{v.kind === 'HOUSEHOLDS' ? t('householdsHint') : t('persons')}</p>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <label className="flex-1 space-y-1">
          <span className="block text-lg font-medium">{v.kind === 'HOUSEHOLDS' ? t('search') : t('personSearch')}</span>
          <input name="q" defaultValue={q} className="min-h-12 w-full rounded-lg border border-stone-400 px-3 text-lg" />
        </label>
        <button type="submit" className="min-h-12 rounded-lg border border-brand-700 px-5 text-lg font-semibold text-brand-700">
          {t('searchSubmit')}
        </button>
        {q && (
          <Link href={`/meetings/${v.meeting.id}/households`} className="inline-flex min-h-12 items-center text-lg underline">
            {t('clearSearch')}
          </Link>
        )}
      </form>
      {v.kind === 'HOUSEHOLDS' ? (
        v.sheet.buildings.length === 0 ? (
          <p className="text-lg">{t('noHouseholds')}</p>
        ) : (
          v.sheet.buildings.map((b) => (
            <BuildingAttendance key={b.id} meetingId={v.meeting.id} building={b} t={l} open={!!q || v.sheet.buildings.length === 1} />
          ))
        )
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {v.people.map((p) => (
            <li key={p.personId} className="flex min-h-14 flex-wrap items-center justify-between gap-2 px-3 text-lg">
              <span>
                {p.name} · {p.home}
              </span>
              <ButtonForm
                action={markResidentAction}
                fields={{ meetingId: v.meeting.id, personId: p.personId }}
                label={l.markPerson!}
                secondary
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
