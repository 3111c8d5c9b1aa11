import { getFormatter, getTranslations } from 'next-intl/server';
import { byOf, requireUser } from '@/features/shared/guards';
import { votingView, type TVotingView } from '@/server/elections/voting-read';
import { ElectionBallotForm, PaperBallotForm, RunoffForm, StepButton } from './ballot-forms';

const box = 'space-y-3 rounded-lg border border-stone-200 bg-white p-4';
const m2 = (centi: number) => (centi / 100).toFixed(2);

/**
 * The voting half of the election page (decision 069): the elector's ballot (or that they voted), the manager's desk
 * (roll, ballots, paper entry, the next step), and the result in words. Everything shown is decided by votingView.
 */
export async function VotingSection({ electionId, locale }: { electionId: number; locale: string }) {
  const by = byOf(await requireUser(`/elections/${electionId}`));
  const v = await votingView(by, electionId, locale === 'en' ? 'en' : 'zh-CN');
  if (!v || v.status === 'CANCELLED') return null;
  const t = await getTranslations('elections');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const texts = {
    ...(t.raw('vote') as Record<string, string>),
    ...(t.raw('count') as Record<string, string>),
    maxChoices: t('vote.maxChoices', { max: v.maxChoices }),
  };
  const manages = v.viewer.manages;
  return (
    <section className="space-y-4" data-testid="voting-section" aria-labelledby="voting-heading">
      <h2 id="voting-heading" className="text-2xl font-bold">
        {v.status === 'DONE' || v.status === 'COUNTED' ? t('result.heading') : t('vote.heading')}
        {v.round > 1 && <span className="ml-2 text-lg font-normal">{t('result.round', { round: v.round })}</span>}
      </h2>
      {(v.status === 'NOMINATING' || v.status === 'PUBLICISING') && <p className="text-lg">{t('vote.notOpen')}</p>}
      {v.status === 'PUBLICISING' && manages && <StepButton electionId={v.id} step="open" label={t('count.openVoting')} />}
      {v.status === 'VOTING' && <Elector v={v} t={t} when={when} texts={texts} />}
      {manages && v.desk && (v.status === 'VOTING' || v.status === 'COUNTED') && <Desk v={v} t={t} texts={texts} />}
      {v.result && <Result v={v} t={t} />}
      {manages && v.status === 'COUNTED' && <StepButton electionId={v.id} step="publish" label={t('count.publish')} />}
      {manages && v.result?.runoff && v.desk && !v.desk.runoffId && (
        <div className={box}>
          <h3 className="text-xl font-semibold">{t('count.runoffHeading')}</h3>
          <RunoffForm electionId={v.id} t={texts} />
        </div>
      )}
    </section>
  );
}

type TTr = Awaited<ReturnType<typeof getTranslations<'elections'>>>;

function Elector({ v, t, when, texts }: { v: TVotingView; t: TTr; when: (d: Date) => string; texts: Record<string, string> }) {
  if (v.viewer.ballot) {
    return (
      <div className="rounded-lg border border-green-300 bg-green-50 p-3 text-lg text-green-900" data-testid="voted">
        <p>{t('vote.voted', { at: when(v.viewer.ballot.castAt) })}</p>
        {v.viewer.ballot.choices && (
          <p>{v.viewer.ballot.choices.length ? t('vote.votedChoices', { names: v.viewer.ballot.choices.join('、') }) : t('vote.blank')}</p>
        )}
      </div>
    );
  }
  if (!v.viewer.onRoll) {
    const why = v.viewer.householdVoter
      ? t('vote.householdVoter', { name: v.viewer.householdVoter })
      : v.viewer.manages
        ? null
        : t('vote.notOnRoll');
    return why ? <p className="text-lg">{why}</p> : null;
  }
  return (
    <div className={box}>
      <p className="text-lg">{v.secret ? t('vote.secret') : t('vote.open')}</p>
      {v.votingEndsAt && <p className="text-lg">{t('vote.ends', { at: when(v.votingEndsAt) })}</p>}
      <ElectionBallotForm electionId={v.id} candidates={v.candidates} t={texts} />
    </div>
  );
}

function Desk({ v, t, texts }: { v: TVotingView; t: TTr; texts: Record<string, string> }) {
  const d = v.desk!;
  const voters = d.pending.map((p) => ({ value: `v${p.key}`, label: `${p.where} ${p.name ?? t('count.developer')}`.trim() }));
  return (
    <div className={box} data-testid="election-desk">
      <h3 className="text-xl font-semibold">{t('count.heading')}</h3>
      <p className="text-lg">
        {v.owners ? t('count.rollSizeOwners', { roll: d.roll, area: m2(d.rollArea) }) : t('count.rollSize', { roll: d.roll })}
      </p>
      <p className="text-lg">{t('count.cast', { cast: d.cast, paper: d.paper })}</p>
      {v.status === 'VOTING' && (
        <>
          {d.pending.length > 0 && (
            <details className="rounded-lg border border-stone-200 p-3">
              <summary className="min-h-12 cursor-pointer text-lg font-medium">{t('count.paperHeading')}</summary>
              <p className="text-base">{t('count.pending', { n: d.pending.length })}</p>
              <PaperBallotForm electionId={v.id} voters={voters} candidates={v.candidates} t={texts} />
            </details>
          )}
          <p className="text-base text-stone-700">{t('count.countConfirm')}</p>
          <StepButton electionId={v.id} step="count" label={t('count.count')} />
        </>
      )}
    </div>
  );
}

function Result({ v, t }: { v: TVotingView; t: TTr }) {
  const r = v.result!.words;
  return (
    <div className={box} data-testid="election-result">
      <p className="text-lg">{r.rule}</p>
      <ul className="space-y-1 text-lg">
        {r.turnout.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <ol className="space-y-2">
        {r.lines.map((l) => (
          <li key={l.id} className="rounded-lg bg-stone-50 p-3 text-lg" data-testid="result-line">
            {l.text}：<strong>{l.outcome}</strong>
            {l.why && <span>（{l.why}）</span>}
          </li>
        ))}
      </ol>
      <p className="text-lg font-semibold">{r.code}</p>
      {r.winners && <p className="text-lg">{r.winners}</p>}
      {r.runoff && <p className="text-lg">{r.runoff}</p>}
      {v.tallyHash && <p className="break-all text-sm text-stone-600">{t('count.hash', { hash: v.tallyHash })}</p>}
    </div>
  );
}
