import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import * as F from '@/features/elections/components/nominate-forms';
import { VotingSection } from '@/features/elections/components/voting-section';
import { byOf, orNotFound, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { titled } from '@/i18n/titles';
import { getElectionView } from '@/server/elections/read';

export const generateMetadata = titled('elections-id');

const box = 'space-y-3 rounded-lg border border-stone-200 bg-white p-4';

/**
 * One election (issue 22, decision 069): its header, nominations, the candidate list with seconders, objections during
 * publicity, then the voting part (VotingSection, the second half). Staff of its place and the residents (or party
 * members) around it read it; anyone else gets the not-found page.
 */
export default async function ElectionPage({ params }: PageProps<'/[locale]/elections/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const electionId = Number(id);
  const by = byOf(await requireUser(`/elections/${id}`));
  const v = await orNotFound(getElectionView(by, electionId));
  const { election: e, can } = v;
  const t = await getTranslations('elections');
  const format = await getFormatter();
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  const raw = (ns: string) => ({ ...(t.raw(ns) as Record<string, string>), choose: t('nominate.choose') });
  const listed = v.candidates.filter((c) => c.status === 'LISTED');
  return (
    <div className="space-y-5 pt-2" data-testid="election">
      <Link href="/elections" className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
        {t('page.back')}
      </Link>
      <h1 className="text-3xl font-bold">{e.title}</h1>
      <section className={box} data-testid="election-header">
        <p className="text-lg font-semibold" data-testid="election-status">
          {t(`status.${e.status}`)}
          {e.round > 1 && ` · ${t('page.runoff', { round: e.round })}`}
        </p>
        {e.status === 'CANCELLED' && (
          <p className="rounded-lg bg-red-50 p-3 text-lg">{t('page.cancelledBecause', { reason: e.cancelReason ?? '' })}</p>
        )}
        <ul className="space-y-1 text-lg">
          <li>{t('page.place', { place: [e.community.name, e.compound?.name, e.building?.name].filter(Boolean).join(' ') })}</li>
          <li>{t('page.seatOf', { seat: e.body?.name ?? e.post ?? '' })}</li>
          <li>{t('page.seats', { seats: e.seats, max: e.maxChoices })}</li>
          <li>{t('page.electorate', { electorate: t(`electorate.${e.electorate}`) })}</li>
          {e.partyOrg && <li>{t('page.partyOrg', { name: e.partyOrg.name })}</li>}
          <li>
            {t('page.rule')}：{t(`rule.${e.rule}`)}
          </li>
          <li>{e.secret ? t('page.secret') : t('page.open')}</li>
          <li>{t('page.term', { start: day(e.termStartsOn), end: day(e.termEndsOn) })}</li>
        </ul>
      </section>

      {e.status === 'NOMINATING' && (
        <section className={box} data-testid="nominations">
          <h2 className="text-xl font-semibold">{t('nominate.heading')}</h2>
          <p className="text-lg">{t('nominate.closesAt', { at: at(e.nominationEndsAt) })}</p>
          {!v.nominating && <p className="text-lg">{t('nominate.closed')}</p>}
          {can.nominateSelf && (
            <details className="rounded-lg border border-stone-200 p-3">
              <summary className="flex min-h-12 cursor-pointer items-center text-lg font-medium">{t('nominate.selfHeading')}</summary>
              <p className="text-lg">{t('nominate.selfIntro')}</p>
              <F.SelfNominateForm t={raw('nominate')} electionId={e.id} />
            </details>
          )}
          {(
            [
              ['RESIDENTS', can.nominateOthers, 'othersHeading', 'othersIntro', 'othersSubmit'],
              ['BRANCH', can.nominateBranch, 'branchHeading', 'branchIntro', 'branchSubmit'],
              ['STAFF', can.nominateStaff, 'staffHeading', 'staffIntro', 'staffSubmit'],
            ] as const
          )
            .filter(([, allowed]) => allowed)
            .map(([kind, , heading, intro, submit]) => (
              <details key={kind} className="rounded-lg border border-stone-200 p-3" data-testid={`nominate-${kind}`}>
                <summary className="flex min-h-12 cursor-pointer items-center text-lg font-medium">{t(`nominate.${heading}`)}</summary>
                <p className="text-lg">{t(`nominate.${intro}`)}</p>
                {kind === 'RESIDENTS' && e.secondersNeeded > 0 && (
                  <p className="text-lg">{t('nominate.othersSeconders', { n: e.secondersNeeded })}</p>
                )}
                <F.PersonNominateForm
                  t={raw('nominate')}
                  electionId={e.id}
                  kind={kind}
                  buildings={v.buildings}
                  submit={t(`nominate.${submit}`)}
                />
              </details>
            ))}
        </section>
      )}

      <section className={box} data-testid="candidates">
        <h2 className="text-xl font-semibold">{t('candidates.heading')}</h2>
        {v.candidates.length === 0 && <p className="text-lg">{t('candidates.empty')}</p>}
        <ul className="space-y-3">
          {v.candidates.map((c) => (
            <li key={c.id} className="space-y-2 rounded-lg border border-stone-200 p-3" data-testid="candidate">
              <p className="text-lg font-medium">
                {c.listOrder && `${t('candidates.listOrder', { n: c.listOrder })} `}
                {c.name}
                {c.mine && ` ${t('candidates.you')}`}
              </p>
              <p className="text-base text-stone-700">
                {t(`nomination.${c.kind}`)} · {t(`candidates.status.${c.status}`)}
                {c.kind === 'RESIDENTS' &&
                  e.secondersNeeded > 0 &&
                  ` · ${t('candidates.seconders', { count: c.seconders, needed: e.secondersNeeded })}`}
              </p>
              {c.statement && <p className="text-lg whitespace-pre-wrap">{c.statement}</p>}
              {c.canSecond && <F.SecondForm label={t('candidates.second')} candidateId={c.id} />}
              {c.canWithdraw && <F.WithdrawForm t={raw('candidates')} candidateId={c.id} />}
            </li>
          ))}
        </ul>
        {can.publish && (
          <div className="space-y-2 border-t border-stone-200 pt-3">
            <p className="text-lg">{t('candidates.publishHint', { seats: e.seats, days: e.publicityDays })}</p>
            <F.PublishForm label={t('candidates.publish')} electionId={e.id} />
          </div>
        )}
        {v.notice && (
          <Link href={`/board/n/${v.notice.id}`} className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
            {t('candidates.notice')}
          </Link>
        )}
      </section>

      {v.notice && (
        <section className={box} data-testid="objections">
          <h2 className="text-xl font-semibold">{t('objections.heading')}</h2>
          {v.notice.periodEndsAt && <p className="text-lg">{t('objections.until', { at: at(v.notice.periodEndsAt) })}</p>}
          {v.objections.length > 0 && <h3 className="text-lg font-semibold">{v.manages ? t('objections.all') : t('objections.mine')}</h3>}
          {v.objections.length === 0 && v.manages && <p className="text-lg">{t('objections.none')}</p>}
          <ul className="space-y-3">
            {v.objections.map((o) => (
              <li key={o.id} className="space-y-2 rounded-lg border border-stone-200 p-3" data-testid="objection">
                <p className="text-base text-stone-700">
                  {o.candidate ? t('objections.about', { name: o.candidate }) : t('objections.general')}
                </p>
                <p className="text-lg whitespace-pre-wrap">{o.text}</p>
                {o.answer === null ? (
                  <p className="text-base text-amber-900">{t('objections.waiting')}</p>
                ) : (
                  <p className="rounded-lg bg-stone-50 p-2 text-lg">
                    {t(`objections.result.${o.upheld ? 'true' : 'false'}`)}：{o.answer}
                  </p>
                )}
                {o.answer === null && can.answer && <F.AnswerForm t={raw('objections')} objectionId={o.id} />}
              </li>
            ))}
          </ul>
          {can.object && (
            <F.ObjectForm
              t={raw('objections')}
              electionId={e.id}
              candidates={listed.map((c) => ({ value: String(c.id), label: c.name }))}
            />
          )}
        </section>
      )}

      <VotingSection electionId={e.id} locale={locale} />

      {can.cancel && <F.CancelForm t={raw('page')} electionId={e.id} />}
    </div>
  );
}
