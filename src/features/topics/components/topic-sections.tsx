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
      <Section id="suggestions" title={t('detail.suggestions')}>
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
      </Section>
      {topic.plans.length > 0 && (
        <Section id="plans" title={t('detail.plans')}>
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
        </Section>
      )}
      {topic.records.length > 0 && (
        <Section id="records" title={t('detail.records')}>
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
        </Section>
      )}
      {topic.motions.length > 0 && (
        <Section id="motions" title={t('detail.motions')}>
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
        </Section>
      )}
      {topic.bids.length > 0 && (
        <Section id="bids" title={t('detail.bids')}>
          <ul className="space-y-1 text-lg">
            {topic.bids.map((b) => (
              <li key={b.id}>
                {b.contractor} · {formatYuan(b.amountFen)}
                {b.chosen ? ` · ${t('detail.chosen')}` : ''}
                {b.note ? ` · ${b.note}` : ''}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {topic.actualCostFen !== null && <p className="text-lg">{t('detail.actualCost', { amount: formatYuan(topic.actualCostFen) })}</p>}
      {topic.notices.length > 0 && (
        <Section id="notices" title={t('detail.notices')}>
          <ul className="space-y-2" data-testid="notices">
            {topic.notices.map((n) => (
              <li key={n.id} className="rounded-lg border border-stone-200 bg-white p-3 text-lg">
                <strong>{n.title}</strong>
                <span className="block whitespace-pre-wrap text-base">{n.body}</span>
              </li>
            ))}
          </ul>
        </Section>
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
  return (
    <Section id="timeline" title={t('detail.timeline')}>
      <ol className="space-y-2 border-l-4 border-brand-100 pl-4" data-testid="timeline">
        {topic.events.map((e) => (
          <li key={e.id} className="text-lg">
            <span className="font-semibold">{t(`event.${e.type}` as 'event.RAISED')}</span> ·{' '}
            {t(`step.${topic.procedure.steps[e.stepIndex]?.key ?? 'raise'}` as 'step.raise')} · {e.actor} ·{' '}
            <time className="text-base text-stone-700">
              {format.dateTime(e.at, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' })}
            </time>
            {e.result ? (
              <div className="text-base text-stone-800">
                <ResultWords view={e.result} locale={locale} />
              </div>
            ) : (
              e.message &&
              !['SUGGESTION', 'ACTUAL_COST'].includes(e.type) && <span className="block text-base text-stone-800">{e.message}</span>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}
