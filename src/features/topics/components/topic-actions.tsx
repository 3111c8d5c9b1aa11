import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/link';
import type { TBy } from '@/server/accounts/by';
import { labels } from '@/i18n/labels';
import type { getTopicForViewer } from '@/server/topics/read-topic';
import { stakeholderCandidates } from '@/server/topics/participation';
import { ownerCandidates } from '@/server/topics/task-assign';
import { bulletinsOf } from '@/server/topics/bulletins';
import { presentAtMotionMeeting } from '@/server/meetings/households';
import {
  ActualCostForm,
  AdvanceForm,
  ExpenseForm,
  ApprovalForm,
  AppointLiaisonForm,
  BidForm,
  PartyViewForm,
  RevokeLiaisonForm,
  BulletinDraftForms,
  BulletinScheduleForm,
  ChooseBidForm,
  InviteForm,
  PlanForm,
  ReasonForm,
  RecordForm,
  ResultNoticeForm,
  SuggestionForm,
  TallyForm,
  OwnerSearch,
  TaskForm,
  TaskUpdateForm,
  WithdrawForm,
} from './topic-forms';
import { Section } from './topic-sections';

type TTopic = NonNullable<Awaited<ReturnType<typeof getTopicForViewer>>>;

/**
 * What the viewer can do now, by the current step's activity: those running the step record its
 * outputs and move it on; residents and stakeholders give suggestions and supervise tasks. The server
 * checks every one of these again.
 */
export async function TopicActions({ topic, by, ownerQuery = '' }: { topic: TTopic; by: TBy; ownerQuery?: string }) {
  if (topic.status !== 'OPEN') return null;
  const t = await getTranslations('topics');
  const format = await getFormatter();
  const dueOn = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  const l = await labels('topics.form');
  const step = topic.procedure.steps[topic.stepIndex]!;
  const runs = topic.viewer.runsStep;
  const manages = topic.viewer.manages;
  const latest = topic.plans.at(-1);
  const motion = topic.motions.filter((m) => m.stepIndex === topic.stepIndex).at(-1);
  const parts = [];
  const suggestion = (
    <Section key="suggest" id="suggest" title={l.suggest!}>
      <SuggestionForm
        topicId={topic.id}
        staff={manages}
        stances={(['SUPPORT', 'OPPOSE', 'AMEND'] as const).map((s) => ({ value: s, label: t(`stance.${s}`) }))}
        t={l}
      />
    </Section>
  );
  // Party members first (decision 052): whoever sees the topic now is a party member or runs it; they give suggestions.
  if (step.activity === 'PARTY_FIRST') {
    parts.push(suggestion);
    if (runs)
      parts.push(
        <Section key="party-view" id="party-view-form" title={l.partyView!}>
          <PartyViewForm topicId={topic.id} t={l} />
        </Section>,
      );
  }
  if (step.activity === 'SUGGESTIONS') {
    if (manages) {
      const candidates = await stakeholderCandidates(by, topic.id);
      const invited = new Set(topic.stakeholders.map((s) => s.label));
      const groups = [...new Set(candidates.map((c) => c.group))]
        .map((g) => ({
          label: t(`group.${g}`),
          items: candidates.filter((c) => c.group === g && !invited.has(c.label)).map((c) => ({ key: c.key, label: c.label })),
        }))
        .filter((g) => g.items.length);
      if (groups.length)
        parts.push(
          <Section key="invite" id="invite" title={l.invite!}>
            <InviteForm topicId={topic.id} groups={groups} t={l} />
          </Section>,
        );
    }
    parts.push(suggestion);
  }
  if (runs && step.activity === 'PLAN')
    parts.push(
      <Section key="plan" id="plan-form" title={l.plan!}>
        <PlanForm topicId={topic.id} t={l} />
      </Section>,
    );
  if (runs && step.activity === 'CONSENSUS') {
    const opinion = step.gates.some((g) => g.kind === 'OPINION_RECORDED');
    parts.push(
      <Section key="record" id="record-form" title={l.record!}>
        <RecordForm topicId={topic.id} planVersionId={opinion ? null : (latest?.id ?? null)} opinion={opinion} t={l} />
      </Section>,
    );
  }
  if (runs && step.activity === 'APPROVAL')
    parts.push(
      <Section key="approval" id="approval-form" title={l.approval!}>
        <ApprovalForm topicId={topic.id} t={l} />
      </Section>,
    );
  if (step.activity === 'MOTION' && motion?.status === 'OPEN') {
    // The vote itself is on the motion's page (phones, paper ballots); a show of hands is entered here.
    parts.push(
      <Link
        key="motion"
        href={`/motions/${motion.id}`}
        className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white"
      >
        {l.toMotion}
      </Link>,
    );
    const atMeeting = runs && motion.mode === 'SHOW_OF_HANDS' ? await presentAtMotionMeeting(motion.id) : {};
    if (runs && motion.mode === 'SHOW_OF_HANDS')
      parts.push(
        <Section key="tally" id="tally-form" title={l.tally!}>
          <TallyForm
            topicId={topic.id}
            owners={(motion.voters as { kind: string }).kind === 'OWNERS'}
            t={l}
            roster={t('form.rosterLine', { count: motion.roster })}
            {...atMeeting}
          />
        </Section>,
      );
  }
  if (runs && step.activity === 'MOTION' && motion?.status === 'FAILED')
    parts.push(<ReasonForm key="return" topicId={topic.id} lockVersion={topic.lockVersion} type="RETURN" t={l} />);
  if (runs && step.activity === 'CONTRACTORS') {
    parts.push(
      <Section key="bid" id="bid-form" title={l.bid!}>
        <BidForm topicId={topic.id} t={l} />
      </Section>,
    );
    if (topic.bids.length >= 2 && !topic.bids.some((b) => b.chosen)) {
      for (const b of topic.bids)
        parts.push(
          <div key={`choose-${b.id}`} className="rounded-lg border border-stone-200 p-3">
            <p className="text-lg font-medium">{b.contractor}</p>
            <ChooseBidForm topicId={topic.id} bidId={b.id} t={l} />
          </div>,
        );
    }
  }
  if (step.activity === 'TASKS') {
    if (runs)
      parts.push(
        <Section key="task" id="task-form" title={l.task!}>
          <OwnerSearch query={ownerQuery} t={l} />
          <TaskForm topicId={topic.id} t={l} owners={await ownerCandidates(by, topic.id, ownerQuery)} />
        </Section>,
      );
    for (const k of topic.tasks) {
      const kinds = k.withdrawnAt
        ? []
        : [
            ...((k.owned ? k.mine : runs) && k.status === 'OPEN' ? (['PROGRESS', 'DONE'] as const) : []),
            ...(k.status !== 'ACCEPTED' ? (['COMMENT'] as const) : []),
            ...(k.status === 'DONE' && !(k.owned && k.mine) ? (['ACCEPT', 'SEND_BACK'] as const) : []),
          ];
      parts.push(
        <div
          key={`task-${k.id}`}
          id={`task-${k.id}`}
          className="space-y-2 rounded-lg border border-stone-200 bg-white p-3"
          data-testid={`task-${k.id}`}
        >
          {k.withdrawnAt ? (
            <p className="text-lg">
              <del>{k.title}</del> · {t('detail.entryWithdrawn', { reason: k.withdrawReason ?? '' })}
            </p>
          ) : (
            <>
              <p className="text-lg font-medium">
                {k.title} · {t(`detail.taskStatus_${k.status}`)}
              </p>
              {/* Who carries it out and by when, on the card itself (issue 20): a phone shows one card at a time. */}
              <p className="text-base text-stone-800" data-testid="owner-due">
                {t('detail.taskOwnerDue', { owner: k.responsible, due: dueOn(k.dueOn) })}
              </p>
            </>
          )}
          <ul className="space-y-1 text-base">
            {k.updates.map((u) => (
              <li key={u.id}>
                {u.by}：{u.body}
                {u.photos > 0 && (
                  <span className="mt-1 grid grid-cols-3 gap-2">
                    {Array.from({ length: u.photos }, (_, n) => (
                      // eslint-disable-next-line @next/next/no-img-element -- served by an authorized route
                      <img
                        key={n}
                        src={`/api/topics/${topic.id}/updates/${u.id}/${n}`}
                        alt={t('detail.photoOf', { task: k.title, n: n + 1 })}
                        className="h-auto w-full rounded border border-stone-200"
                        loading="lazy"
                      />
                    ))}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {kinds.length > 0 && <TaskUpdateForm topicId={topic.id} taskId={k.id} kinds={kinds} t={l} />}
          {k.withdrawable && <WithdrawForm topicId={topic.id} entry="task" entryId={k.id} t={l} />}
        </div>,
      );
    }
    if (runs && topic.plans.some((p) => p.budgetFen !== null))
      parts.push(
        <Section key="expense" id="expense-form" title={l.expense!}>
          <ExpenseForm topicId={topic.id} t={l} />
        </Section>,
      );
    if (runs && step.gates.some((g) => g.kind === 'ACTUAL_COST') && topic.expenses === 0)
      parts.push(
        <Section key="cost" id="cost-form" title={l.actualCost!}>
          <ActualCostForm topicId={topic.id} t={l} />
        </Section>,
      );
  }
  const tasksStep = topic.procedure.steps.findIndex((s) => s.activity === 'TASKS');
  if (manages && tasksStep >= 0 && topic.stepIndex >= tasksStep) {
    const { schedule, bulletins } = await bulletinsOf(topic.id);
    parts.push(
      <Section key="bulletins" id="bulletins" title={l.bulletins!}>
        {schedule && (
          <p className="text-lg">
            {t('form.bulletinScheduled', {
              cadence: schedule.cadence === 'MONTHLY' ? l.bulletinMonthly! : l.bulletinBiweekly!,
              from: schedule.startsOn,
              to: schedule.endsOn ?? l.bulletinUntilDone!,
            })}
          </p>
        )}
        <BulletinScheduleForm topicId={topic.id} t={l} />
        {bulletins.map((b) => (
          <div key={b.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid={`bulletin-${b.id}`}>
            <p className="text-lg font-medium break-words">
              {b.title} · {b.published ? l.bulletinIsPublished : l.bulletinIsDraft}
            </p>
            {b.published ? (
              <p className="whitespace-pre-wrap text-base break-words">{b.body}</p>
            ) : (
              <BulletinDraftForms topicId={topic.id} bulletinId={b.id} body={b.body} t={l} />
            )}
          </div>
        ))}
      </Section>,
    );
  }
  if (runs && step.activity === 'NOTICES') parts.push(<ResultNoticeForm key="notice" topicId={topic.id} t={l} />);
  if (runs) parts.push(<AdvanceForm key="advance" topicId={topic.id} lockVersion={topic.lockVersion} t={l} />);
  if (manages)
    parts.push(
      <Section key="liaison" id="liaison-form" title={l.liaison!}>
        {topic.liaison ? (
          <>
            <p className="text-lg">{t('detail.liaison', { name: topic.liaison.person.name })}</p>
            <RevokeLiaisonForm topicId={topic.id} t={l} />
          </>
        ) : (
          <AppointLiaisonForm topicId={topic.id} t={l} />
        )}
      </Section>,
    );
  if (topic.viewer.actors.includes('COMMUNITY_STAFF')) {
    parts.push(
      <details key="withdraw" className="rounded-lg border border-stone-300 p-3">
        <summary className="min-h-12 cursor-pointer py-2 text-lg">{l.withdraw}</summary>
        <ReasonForm topicId={topic.id} lockVersion={topic.lockVersion} type="WITHDRAW" t={l} />
      </details>,
    );
  }
  return parts.length ? (
    <div className="space-y-4" data-testid="topic-actions">
      {parts}
    </div>
  ) : null;
}
