import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import * as F from '@/features/mediation/components/case-forms';
import { MediationOutcome } from '@/features/mediation/components/outcome';
import { byOf, orNotFound, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { pageTitle } from '@/i18n/titles';
import { caseDesk, readCase } from '@/server/mediation/read';

export const generateMetadata = () => pageTitle('mediation-id');

const box = 'space-y-3 rounded-lg border border-stone-200 bg-white p-4';

/**
 * A mediation case (issue 21, decision 062). Staff (the community's managers, the case's mediators) see everything and
 * act; each of their reads is audited. A party sees the party view: status, sessions' time and place, the mediators'
 * names. Anyone else — another community's secretary, the street, an unrelated resident — gets the not-found page.
 */
export default async function MediationCasePage({ params, searchParams }: PageProps<'/[locale]/mediation/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const caseId = Number(id);
  const by = byOf(await requireUser(`/mediation/${id}`));
  const c = await orNotFound(readCase(by, caseId));
  const t = await getTranslations('mediation');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const form = t.raw('form') as Record<string, string>;
  const sides = (['APPLICANT', 'RESPONDENT'] as const).map((v) => ({ value: v, label: t(`side.${v}`) }));
  const formats = (['FACE_TO_FACE', 'BACK_TO_BACK'] as const).map((v) => ({ value: v, label: t(`format.${v}`) }));
  const open = c.status === 'OPEN';
  const q = await searchParams;
  const find = { buildingId: Number(q.building) || undefined, unit: String(q.unit ?? ''), room: String(q.room ?? '') };
  const desk = c.view === 'staff' && open ? await caseDesk(by, caseId, find) : null;
  const present = {
    parties: c.parties.map((p) => ({ value: p.id, label: `${t(`side.${p.side}`)} ${p.name}` })),
    mediators: c.mediators.map((m) => ({ value: m.id, label: m.name })),
  };
  const names = (a: unknown) => {
    const at = a as { partyIds?: number[]; mediatorIds?: number[] } | null;
    const ps = c.parties.filter((p) => at?.partyIds?.includes(p.id)).map((p) => p.name);
    return [...ps, ...c.mediators.filter((m) => at?.mediatorIds?.includes(m.id)).map((m) => m.name)].join('、');
  };
  return (
    <div className="space-y-5 pt-2" data-testid="mediation-case">
      <h1 className="text-3xl font-bold">{t('caseNo', { year: c.year, community: c.community.name, seq: c.seq })}</h1>
      <p className="text-lg">
        {t(`kind.${c.kind}`)} · {t(`status.${c.status}`)} ·{' '}
        {t('page.receivedOn', { day: format.dateTime(c.receivedOn, { dateStyle: 'medium', timeZone: 'UTC' }) })}
      </p>
      <p className="rounded-lg bg-amber-50 p-3 text-lg">{t('confidential')}</p>
      {c.view === 'party' && <p className="text-lg">{t('page.partyView')}</p>}
      {c.view === 'staff' && (
        <section className={box}>
          <h2 className="text-xl font-semibold">{t('page.summary')}</h2>
          <p className="text-lg whitespace-pre-wrap">{c.summary}</p>
          <p className="text-base text-stone-700">
            {t(`source.${c.source}`)} · {t(`urgency.${c.urgency}`)}
            {c.referredBy && ` · ${t('page.referredBy', { who: c.referredBy })}`}
          </p>
          {c.issueId && (
            <Link href={`/issues/${c.issueId}`} className="text-lg text-brand-700 underline">
              {t('page.fromIssueLink', { id: c.issueId })}
            </Link>
          )}
        </section>
      )}
      <section className={box}>
        <h2 className="text-xl font-semibold">{t('page.parties')}</h2>
        {c.parties.length === 0 && <p className="text-lg">{t('page.noParties')}</p>}
        <ul className="space-y-1 text-lg" data-testid="parties">
          {c.parties.map((p) => (
            <li key={p.id}>
              {t(`side.${p.side}`)}：{p.name}
              {p.phone && ` · ${p.phone}`}
              {'address' in p && p.address && ` · ${p.address}`}
            </li>
          ))}
        </ul>
        {desk && (
          <>
            <details className="space-y-3" open={desk.found !== undefined}>
              <summary className="min-h-12 cursor-pointer text-lg font-medium">{t('page.findResident')}</summary>
              <p className="text-base">{t('page.findResidentHint')}</p>
              <form method="get" className="flex flex-wrap items-end gap-3">
                <label className="text-lg">
                  {form.building}
                  <select
                    name="building"
                    defaultValue={find.buildingId ?? ''}
                    className="ml-2 min-h-12 rounded-lg border border-stone-400 px-3"
                  >
                    <option value="">{form.choose}</option>
                    {desk.buildings.map((b) => (
                      <option key={b.id} value={b.id}>
                        {b.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="text-lg">
                  {form.unit}
                  <input
                    name="unit"
                    defaultValue={find.unit || '1'}
                    className="ml-2 min-h-12 w-20 rounded-lg border border-stone-400 px-3"
                  />
                </label>
                <label className="text-lg">
                  {form.room}
                  <input name="room" defaultValue={find.room} className="ml-2 min-h-12 w-28 rounded-lg border border-stone-400 px-3" />
                </label>
                <button className="min-h-12 rounded-lg border border-brand-700 px-5 text-lg text-brand-700">{form.find}</button>
              </form>
              {desk.found === null && <p className="text-lg">{t('page.noHousehold')}</p>}
              {desk.found && (
                <>
                  <p className="text-lg">
                    {t('page.household', { building: desk.found.building, unit: desk.found.unitNo, room: desk.found.roomNo })}
                  </p>
                  <F.ResidentPartyForm
                    t={form}
                    caseId={caseId}
                    householdId={desk.found.id}
                    sides={sides}
                    people={desk.found.people.map((p) => ({ value: String(p.id), label: p.name }))}
                  />
                </>
              )}
            </details>
            <details>
              <summary className="min-h-12 cursor-pointer text-lg font-medium">{t('page.addOutside')}</summary>
              <F.OutsidePartyForm t={form} caseId={caseId} sides={sides} />
            </details>
          </>
        )}
      </section>
      <section className={box}>
        <h2 className="text-xl font-semibold">{t('page.mediators')}</h2>
        {c.mediators.length === 0 && <p className="text-lg">{t('page.noMediators')}</p>}
        <ul className="space-y-2 text-lg" data-testid="mediators">
          {c.mediators.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-3">
              <span>
                {m.name}
                {m.lead && ` · ${t('page.lead')}`}
                {'source' in m && ` · ${t(`mediatorSource.${m.source}`)}`}
                {'conflictNote' in m && m.conflictNote && ` · ${m.conflictNote}`}
              </span>
              {desk && c.manages && <F.RemoveMediatorForm t={form} caseId={caseId} mediatorId={m.id} />}
            </li>
          ))}
        </ul>
        {desk && c.manages && (
          <details>
            <summary className="min-h-12 cursor-pointer text-lg font-medium">{t('page.addMediator')}</summary>
            {desk.eligible.length === 0 ? (
              <p className="text-lg">{t('page.noEligible')}</p>
            ) : (
              <F.MediatorForm
                t={form}
                caseId={caseId}
                eligible={desk.eligible.map((e) => ({
                  value: `${e.personId}:${e.source}`,
                  label: `${e.name} · ${t(`mediatorSource.${e.source}`)}${e.from ? ` · ${e.from}` : ''}`,
                }))}
              />
            )}
          </details>
        )}
      </section>
      <section className={box}>
        <h2 className="text-xl font-semibold">{t('page.sessions')}</h2>
        {c.sessions.length === 0 && <p className="text-lg">{t('page.noSessions')}</p>}
        <ol className="space-y-3" data-testid="sessions">
          {c.sessions.map((s) => (
            <li key={s.id} className="space-y-1 border-t border-stone-200 pt-2 text-lg">
              <p className="font-medium">
                {t('page.sessionNo', { no: s.no })} · {t(`sessionStatus.${s.status}`)}
              </p>
              <p>
                {when(s.startsAt)} · {s.location} · {t(`format.${s.format}`)}
              </p>
              {'notes' in s && s.status === 'HELD' && (
                <>
                  <p>{t('page.attendance', { names: names(s.attendance) })}</p>
                  <p className="whitespace-pre-wrap">
                    {t('page.notes')}：{s.notes}
                  </p>
                  {s.outcome && (
                    <p>
                      {t('page.outcome')}：{s.outcome}
                    </p>
                  )}
                </>
              )}
              {desk && s.status === 'SCHEDULED' && (
                <details>
                  <summary className="min-h-12 cursor-pointer">{t('page.recordScheduled')}</summary>
                  <F.RecordForm t={form} caseId={caseId} sessionId={s.id} present={present} formats={formats} />
                  <F.CancelSessionForm t={form} caseId={caseId} sessionId={s.id} />
                </details>
              )}
            </li>
          ))}
        </ol>
        {desk && (
          <>
            <details>
              <summary className="min-h-12 cursor-pointer text-lg font-medium">{t('page.schedule')}</summary>
              <F.ScheduleForm t={form} caseId={caseId} formats={formats} />
            </details>
            <details>
              <summary className="min-h-12 cursor-pointer text-lg font-medium">{t('page.recordHeld')}</summary>
              <F.RecordForm t={form} caseId={caseId} present={present} formats={formats} />
            </details>
          </>
        )}
      </section>
      <MediationOutcome caseId={caseId} />
      {desk && (
        <details className={box}>
          <summary className="min-h-12 cursor-pointer text-lg font-medium">{t('page.withdraw')}</summary>
          <F.WithdrawForm t={form} caseId={caseId} />
        </details>
      )}
    </div>
  );
}
