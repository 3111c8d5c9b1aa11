import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonForm } from '@/features/meetings/components/meeting-forms';
import { closeVoteAction, recheckAction } from '@/features/votes/actions';
import { BallotButtons, ConfigureForm, EarlyCloseForm, PaperBallotForm } from '@/features/votes/components/vote-forms';
import { byOf, requireUser } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { upcomingMeetingsOfTopic } from '@/server/meetings/read-meetings';
import { motionView } from '@/server/votes/ballots';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('motions-id');

/** A motion: how it is voted, turnout while open, the voter's ballot buttons and receipt, the result in words. */
export default async function MotionPage({ params }: PageProps<'/[locale]/motions/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(`/motions/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const v = await motionView(byOf(user), Number(id), locale === 'en' ? 'en' : 'zh-CN');
  if (!v) notFound();
  const t = await getTranslations('votes');
  const l = await labels('votes.form');
  const format = await getFormatter();
  const open = v.status === 'OPEN';
  const m2 = (centi: number) => (centi / 100).toFixed(2);
  const meetings = v.viewer.runs && !v.owners ? await upcomingMeetingsOfTopic(v.topicId) : [];
  return (
    <div className="space-y-5 pt-2">
      <div className="space-y-1">
        <p className="text-base text-stone-700">
          <Link href={`/topics/${v.topicId}`} className="underline">
            {v.topicTitle}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{t('page.title')}</h1>
        <p className="text-lg">
          {v.rule.kind === 'OWNERS_COMMITTEE' && v.rule.jurisdiction === 'BEIJING_SHANGHAI'
            ? t('page.rule_OWNERS_COMMITTEE_BEIJING_SHANGHAI')
            : t(`page.rule_${v.rule.kind}` as 'page.rule_ROSTER_FRACTION')}
          {v.rule.kind === 'OWNERS_ASSEMBLY' ? t('page.matter', { n: v.rule.matter }) : ''}
        </p>
        <p className="text-lg">
          {t('page.mode', { mode: l[`mode_${v.mode}`] ?? v.mode })}
          {v.secret ? ` · ${t('page.secret')}` : ''}
          {v.closesAt
            ? ` · ${t('page.closesAt', { at: format.dateTime(v.closesAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }) })}`
            : ''}
        </p>
        {v.votingFrom && (
          <p className="text-lg" data-testid="voting-from">
            {t('page.votingFrom', {
              at: format.dateTime(v.votingFrom, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }),
            })}
          </p>
        )}
        {v.closeReason && <p className="text-lg">{t('page.closeReason', { reason: v.closeReason })}</p>}
        <p className="text-lg font-semibold" data-testid="motion-status">
          {t(`page.status_${v.status}`)}
        </p>
      </div>
      {open && (
        <div className="rounded-lg bg-stone-100 p-4 text-lg" data-testid="progress">
          {v.owners && v.progress.area
            ? t('page.turnoutOwners', {
                heads: v.progress.heads.n,
                headsTotal: v.progress.heads.d,
                headsLeast: v.progress.heads.least,
                area: m2(v.progress.area.n),
                areaTotal: m2(v.progress.area.d),
                areaLeast: m2(v.progress.area.least),
              })
            : t('page.turnout', { ballots: v.ballots, roster: v.roster })}
          {v.liveCounts && (
            <span className="block">
              {t('page.live', { for: v.liveCounts.for, against: v.liveCounts.against, abstain: v.liveCounts.abstain })}
            </span>
          )}
        </div>
      )}
      {v.words && (
        <div
          className={`rounded-lg p-4 text-lg ${v.status === 'PASSED' ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}
          data-testid="result"
        >
          {[v.words.voters, v.words.counts, v.words.area, ...v.words.lines].filter(Boolean).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p className="font-semibold">{v.words.sentence}</p>
          {v.tallyHash && <p className="break-all text-base">{t('page.hash', { hash: v.tallyHash })}</p>}
        </div>
      )}
      {v.viewer.receipt && (
        <p className="rounded-lg border border-green-300 bg-green-50 p-3 text-lg text-green-900" data-testid="receipt">
          {v.viewer.receipt.choice
            ? t('page.receipt', { id: v.viewer.receipt.id, choice: l[`choice_${v.viewer.receipt.choice}`] ?? '' })
            : t('page.receiptSecret', { id: v.viewer.receipt.id })}
        </p>
      )}
      {open && v.viewer.onRoster && v.mode !== 'SHOW_OF_HANDS' && (!v.viewer.receipt || v.allowChange) && (
        <section aria-labelledby="ballot" className="space-y-2">
          <h2 id="ballot" className="text-2xl font-semibold">
            {t('page.vote')}
          </h2>
          <BallotButtons motionId={v.id} t={l} />
        </section>
      )}
      {v.viewer.runs && open && (
        <section aria-labelledby="run" className="space-y-3">
          <h2 id="run" className="text-2xl font-semibold">
            {t('page.run')}
          </h2>
          {v.ballots === 0 && (
            <details className="rounded-lg border border-stone-300 p-3">
              <summary className="min-h-12 cursor-pointer py-2 text-lg">{l.configure}</summary>
              <ConfigureForm
                motionId={v.id}
                owners={v.owners}
                meetings={meetings.map((m) => ({
                  value: String(m.id),
                  label: `${format.dateTime(m.startsAt, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' })} ${m.title}`,
                }))}
                t={l}
              />
            </details>
          )}
          {v.mode === 'WRITTEN' && v.pending.length > 0 && (
            <PaperBallotForm
              motionId={v.id}
              voters={v.pending.map((p) => ({
                value: String(p.key),
                label: v.owners ? t('page.voterArea', { name: p.name, units: p.units, area: (p.area / 100).toFixed(2) }) : p.name,
              }))}
              t={l}
            />
          )}
          {v.mode === 'SHOW_OF_HANDS' ? (
            <p className="text-lg">
              <Link href={`/topics/${v.topicId}`} className="underline">
                {t('page.handsOnTopic')}
              </Link>
            </p>
          ) : v.closingIsEarly ? (
            <EarlyCloseForm motionId={v.id} t={l} />
          ) : (
            <ButtonForm action={closeVoteAction} fields={{ motionId: v.id }} label={l.close!} secondary />
          )}
        </section>
      )}
      {!open && v.tallyHash && <ButtonForm action={recheckAction} fields={{ motionId: v.id }} label={l.recheck!} secondary />}
    </div>
  );
}
