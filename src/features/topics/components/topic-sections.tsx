import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { formatYuan } from '@/domain/shared/money';
import { CalendarWarning } from '@/components/calendar-warning';
import { calendarWarning } from '@/features/shared/calendar-warning';
import { Link } from '@/i18n/link';
import type { getTopicForViewer } from '@/server/topics/read-topic';
import type { TResultView } from '@/domain/votes/result-view';
import { describeView, type TLocale } from '@/server/votes/describe';
import { labels } from '@/i18n/labels';
import { WithdrawForm } from './topic-forms';

type TTopic = NonNullable<Awaited<ReturnType<typeof getTopicForViewer>>>;

/**
 * A section folded under its heading (issue 20: a long topic read on a phone): open when it holds something of the
 * current step, closed otherwise; a plain <details>, so it opens without JavaScript.
 */
export function Fold({ id, title, open, children }: { id: string; title: string; open: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <details open={open} className="group space-y-2">
        <summary className="flex min-h-12 cursor-pointer items-center gap-2">
          <h2 id={id} className="text-2xl font-semibold">
            {title}
          </h2>
        </summary>
        {children}
      </details>
    </section>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The procedure's steps, the current one highlighted; what the gate still needs. */
export async function Stepper({ topic }: { topic: TTopic }) {
  const t = await getTranslations('topics');
  const te = await getTranslations('errors');
  const format = await getFormatter();
  const warning = await calendarWarning(topic.dueUncovered.years, topic.dueUncovered.districtId);
  return (
    <div className="space-y-3">
      <ol className="space-y-1" data-testid="steps" aria-label={t('detail.steps')}>
        {topic.procedure.steps.map((s, i) => {
          const current = topic.status === 'OPEN' && i === topic.stepIndex;
          const past = i < topic.stepIndex || topic.status === 'DONE';
          return (
            <li
              key={s.key}
              aria-current={current ? 'step' : undefined}
              className={`rounded-lg px-3 py-2 text-lg ${current ? 'bg-brand-700 font-semibold text-white' : past ? 'bg-green-50 text-green-900' : 'bg-stone-100 text-stone-700'}`}
            >
              {i + 1}. {t(`step.${s.key}` as 'step.raise')}
              {past ? ' ✓' : ''}
            </li>
          );
        })}
      </ol>
      {topic.status === 'OPEN' ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-lg text-amber-950" data-testid="gate">
          <p>{t('detail.due', { due: format.dateTime(topic.stepDueAt, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }) })}</p>
          {warning && <CalendarWarning warning={warning} />}
          {topic.gates.length === 0 ? (
            <p>{t('detail.ready')}</p>
          ) : (
            <>
              <p className="font-semibold">{t('detail.needs')}</p>
              <ul className="list-disc pl-6">
                {topic.gates.map((g) => (
                  <li key={g.code}>{te(g.code as 'topic.closed', g.values as never)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        <p className="rounded-lg bg-green-50 p-3 text-lg text-green-900">
          {topic.status === 'DONE' ? t('detail.done') : t('detail.withdrawn')}
        </p>
      )}
    </div>
  );
}

/** A result with everything it carries: rule, who voted, counts, the checks, the sentence with the least count. */
export function ResultWords({ view, locale, testId }: { view: TResultView; locale: TLocale; testId?: string }) {
  const w = describeView(view, locale);
  return (
    <div data-testid={testId}>
      {[w.rule, w.voters, w.counts, w.area, ...w.lines].filter(Boolean).map((l) => (
        <span key={l} className="block">
          {l}
        </span>
      ))}
      <strong className="block">{w.sentence}</strong>
    </div>
  );
}

export async function Records({ topic }: { topic: TTopic }) {
  const t = await getTranslations('topics');
  const locale = (await getLocale()) as TLocale;
  const formLabels = await labels('topics.form');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
  // What belongs to the step under way is open; the rest folded under its heading.
  const open = topic.status === 'OPEN';
  const now = (xs: { stepIndex: number | null }[]) => open && xs.some((x) => x.stepIndex === topic.stepIndex);
  return (
    <>
      <Section id="stakeholders" title={t('detail.stakeholders')}>
        {topic.stakeholders.length === 0 ? (
          <p className="text-lg">{t('detail.noStakeholders')}</p>
        ) : (
          <ul className="space-y-1 text-lg" data-testid="stakeholders">
            {topic.stakeholders.map((s) => (
              <li key={s.id}>
                {t(`group.${s.group}`)}：{s.label}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Fold id="suggestions" title={t('detail.suggestions')} open={now(topic.suggestions)}>
        {topic.suggestions.length === 0 ? (
          <p className="text-lg">{t('detail.noSuggestions')}</p>
        ) : (
          <ul className="space-y-2" data-testid="suggestions">
            {topic.suggestions.map((s) => (
              <li key={s.id} className="rounded-lg border border-stone-200 bg-white p-3 text-lg">
                <strong>{t(`stance.${s.stance}`)}</strong> · {s.by}
                <span className="block">{s.body}</span>
              </li>
            ))}
          </ul>
        )}
      </Fold>
      {topic.plans.length > 0 && (
        <Fold id="plans" title={t('detail.plans')} open={open && topic.plans.some((p) => !p.frozen)}>
          <ol className="space-y-3" data-testid="plans">
            {topic.plans.map((p) => (
              <li key={p.id} className="space-y-1 rounded-lg border border-stone-200 bg-white p-3 text-lg">
                <p className="font-semibold">
                  {t('detail.version', { version: p.version, title: p.title })}
                  {p.convention ? ` · ${t('detail.convention')}` : ''}
                  {p.frozen ? ` · ${t('detail.frozen')}` : ''}
                </p>
                <p className="whitespace-pre-wrap">{p.body}</p>
                {p.budgetFen !== null && <p>{t('detail.budget', { amount: formatYuan(p.budgetFen) })}</p>}
                {p.funding.length > 0 && (
                  <p>{t('detail.funding', { list: p.funding.map((f) => `${f.source} ${formatYuan(f.amountFen)}`).join('；') })}</p>
                )}
                {p.diff && (
                  <details>
                    <summary className="min-h-12 cursor-pointer py-2">{t('detail.changes')}</summary>
                    <p className="whitespace-pre-wrap" data-testid="diff">
                      {p.diff.map((d, i) =>
                        d.op === 'add' ? (
                          <ins key={i} className="bg-green-100 text-green-900">
                            {d.text}
                          </ins>
                        ) : d.op === 'del' ? (
                          <del key={i} className="bg-red-100 text-red-900">
                            {d.text}
                          </del>
                        ) : (
                          <span key={i}>{d.text}</span>
                        ),
                      )}
                    </p>
                  </details>
                )}
              </li>
            ))}
          </ol>
        </Fold>
      )}
      {topic.records.length > 0 && (
        <Fold id="records" title={t('detail.records')} open={now(topic.records)}>
          <ul className="space-y-2">
            {topic.records.map((r) => (
              <li key={r.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3 text-lg" data-testid={`record-${r.id}`}>
                {r.withdrawnAt ? (
                  <del>
                    {day(r.heldOn)} · {r.statement}
                  </del>
                ) : (
                  <>
                    {day(r.heldOn)} · <span className="whitespace-pre-wrap">{r.statement}</span>
                  </>
                )}
                {r.view && <span className="block text-base">{t('detail.partyView', r.view)}</span>}
                {r.participants.length > 0 && (
                  <span className="block text-base">{t('detail.participants', { list: r.participants.join('、') })}</span>
                )}
                {r.withdrawnAt && <span className="block text-base">{t('detail.entryWithdrawn', { reason: r.withdrawReason ?? '' })}</span>}
                {r.withdrawable && <WithdrawForm topicId={topic.id} entry="record" entryId={r.id} t={formLabels} />}
              </li>
            ))}
          </ul>
        </Fold>
      )}
      {topic.motions.length > 0 && (
        <Fold id="motions" title={t('detail.motions')} open={now(topic.motions)}>
          <ul className="space-y-2" data-testid="motions">
            {topic.motions.map((m) => {
              const voters = m.voters as { kind: string };
              return (
                <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-3 text-lg">
                  {m.mode !== 'SHOW_OF_HANDS' && (
                    <Link href={`/motions/${m.id}`} className="float-right inline-flex min-h-12 items-center underline">
                      {t('detail.openMotion')}
                    </Link>
                  )}
                  {m.view ? (
                    <ResultWords view={m.view} locale={locale} testId="motion-result" />
                  ) : voters.kind === 'OWNERS' ? (
                    t('detail.motionOwners', { roster: m.roster })
                  ) : voters.kind === 'PARTY_MEMBERS' ? (
                    t('detail.motionPartyMembers', { roster: m.roster })
                  ) : voters.kind === 'HOUSEHOLDS' ? (
                    t('detail.motionHouseholds', { roster: m.roster })
                  ) : (
                    t('detail.motionOpen', { body: m.body ?? '', roster: m.roster })
                  )}
                </li>
              );
            })}
          </ul>
        </Fold>
      )}
      {topic.bids.length > 0 && (
        <Fold id="bids" title={t('detail.bids')} open={open && !topic.bids.some((b) => b.chosen)}>
          <ul className="space-y-1 text-lg">
            {topic.bids.map((b) => (
              <li key={b.id}>
                {b.contractor} · {formatYuan(b.amountFen)}
                {b.chosen ? ` · ${t('detail.chosen')}` : ''}
                {b.note ? ` · ${b.note}` : ''}
              </li>
            ))}
          </ul>
        </Fold>
      )}
      {topic.actualCostFen !== null && <p className="text-lg">{t('detail.actualCost', { amount: formatYuan(topic.actualCostFen) })}</p>}
      {topic.notices.length > 0 && (
        <Fold id="notices" title={t('detail.notices')} open={now(topic.notices)}>
          <ul className="space-y-2" data-testid="notices">
            {topic.notices.map((n) => (
              <li key={n.id} className="rounded-lg border border-stone-200 bg-white p-3 text-lg">
                <strong>{n.title}</strong>
                <span className="block whitespace-pre-wrap text-base">{n.body}</span>
              </li>
            ))}
          </ul>
        </Fold>
      )}
      {topic.issues.length > 0 && (
        <Section id="issues" title={t('detail.issues')}>
          <ul className="space-y-1 text-lg">
            {topic.issues.map((i) => (
              <li key={i.id}>
                <Link href={`/issues/${i.id}`} className="inline-flex min-h-12 items-center underline">
                  #{i.id} {i.title}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

export async function Timeline({ topic }: { topic: TTopic }) {
  const t = await getTranslations('topics');
  const locale = (await getLocale()) as TLocale;
  const format = await getFormatter();
  // One fold per step reached (issue 20): the step under way open (the last one once the topic has ended), the others closed.
  const shown = topic.status === 'OPEN' ? topic.stepIndex : Math.max(0, ...topic.events.map((e) => e.stepIndex));
  const steps = topic.procedure.steps
    .map((s, i) => ({ key: s.key, i, events: topic.events.filter((e) => e.stepIndex === i) }))
    .filter((s) => s.events.length > 0 || s.i === shown);
  return (
    <Section id="timeline" title={t('detail.timeline')}>
      <div className="space-y-2" data-testid="timeline">
        {steps.map((s) => (
          <details
            key={s.key}
            open={s.i === shown}
            className="rounded-lg border border-stone-200 bg-white px-3"
            data-testid={`step-fold-${s.i}`}
          >
            <summary className="flex min-h-12 cursor-pointer items-center text-lg font-semibold">
              {t('detail.stepFold', { n: s.i + 1, step: t(`step.${s.key}` as 'step.raise'), count: s.events.length })}
            </summary>
            <ol className="space-y-2 border-l-4 border-brand-100 pb-3 pl-4">
              {s.events.map((e) => (
                <li key={e.id} className="text-lg">
                  <span className="font-semibold">{t(`event.${e.type}` as 'event.RAISED')}</span> · {e.actor} ·{' '}
                  <time className="text-base text-stone-700">
                    {format.dateTime(e.at, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' })}
                  </time>
                  {e.result ? (
                    <div className="text-base text-stone-800">
                      <ResultWords view={e.result} locale={locale} />
                    </div>
                  ) : e.partyView ? (
                    <span className="block text-base text-stone-800">
                      {t('detail.partyViewEvent', { ...e.partyView, statement: e.message ?? '' })}
                    </span>
                  ) : (
                    e.message &&
                    !['SUGGESTION', 'ACTUAL_COST'].includes(e.type) && <span className="block text-base text-stone-800">{e.message}</span>
                  )}
                </li>
              ))}
            </ol>
          </details>
        ))}
      </div>
    </Section>
  );
}
