/**
 * The topic state machine. Pure: the server passes in the topic's state, the event, and the facts the
 * gates read (counted from the database); it gets back the next state and the effects to carry out, or
 * a refusal code with the values its message needs.
 */
import { actsInStep, type TEffect, type TGate, type TProcedure, type TTopicStanding } from './procedure';

export type TTopicStatus = 'OPEN' | 'DONE' | 'WITHDRAWN';
export type TTopicState = { status: TTopicStatus; stepIndex: number };

/** What the gates read, for the current step. */
export type TFacts = {
  stakeholders: number;
  suggestions: number;
  /** Plan versions not yet agreed (drafts); an agreed version is frozen. */
  planVersions: number;
  planAgreed: boolean;
  opinionRecorded: boolean;
  partyApproved: boolean;
  /** A party members' view (PARTY_VIEW record) made in the current step. */
  partyView: boolean;
  /** The motion opened for the current step: its outcome, or null if none or not decided yet. */
  motion: 'PASSED' | 'FAILED' | 'OPEN' | null;
  contractorChosen: boolean;
  tasks: { total: number; accepted: number };
  actualCostRecorded: boolean;
  notices: string[];
};

export type TTopicEvent =
  | { type: 'ADVANCE' }
  /** After a failed motion: back to the nearest earlier step that drafts the plan, to revise it. */
  | { type: 'RETURN'; reason: string }
  | { type: 'WITHDRAW'; reason: string };

export type TTopicContext = { actors: ReadonlySet<TTopicStanding>; facts: TFacts };

export type TRefusal = { ok: false; code: string; values?: Record<string, string | number> };
export type TTransition = { ok: true; next: TTopicState; effects: TEffect[] } | TRefusal;

/** The first unmet gate of a step, as a refusal code ("topic.gate.PLAN_AGREED") with its values. */
export function unmetGate(gates: TGate[], f: TFacts): TRefusal | null {
  for (const g of gates) {
    const fail = (values?: Record<string, string | number>): TRefusal => ({ ok: false, code: `topic.gate.${g.kind}`, values });
    switch (g.kind) {
      case 'STAKEHOLDERS':
        if (f.stakeholders < g.min) return fail({ min: g.min, have: f.stakeholders });
        break;
      case 'SUGGESTIONS':
        if (f.suggestions < g.min) return fail({ min: g.min, have: f.suggestions });
        break;
      case 'PLAN_VERSION':
        if (f.planVersions < 1) return fail();
        break;
      case 'PLAN_AGREED':
        if (!f.planAgreed) return fail();
        break;
      case 'OPINION_RECORDED':
        if (!f.opinionRecorded) return fail();
        break;
      case 'PARTY_APPROVED':
        if (!f.partyApproved) return fail();
        break;
      case 'PARTY_VIEW':
        if (!f.partyView) return fail();
        break;
      case 'MOTION_PASSED':
        if (f.motion !== 'PASSED') return fail({ motion: f.motion ?? 'NONE' });
        break;
      case 'CONTRACTOR_CHOSEN':
        if (!f.contractorChosen) return fail();
        break;
      case 'TASKS_ACCEPTED':
        if (f.tasks.total === 0 || f.tasks.accepted < f.tasks.total) return fail({ total: f.tasks.total, accepted: f.tasks.accepted });
        break;
      case 'ACTUAL_COST':
        if (!f.actualCostRecorded) return fail();
        break;
      case 'NOTICE':
        if (!f.notices.includes(g.notice)) return fail({ notice: g.notice });
        break;
    }
  }
  return null;
}

export function transition(procedure: TProcedure, state: TTopicState, event: TTopicEvent, ctx: TTopicContext): TTransition {
  if (state.status !== 'OPEN') return { ok: false, code: 'topic.closed' };
  const step = procedure.steps[state.stepIndex];
  if (!step) return { ok: false, code: 'topic.closed' };
  if (!actsInStep(step, ctx.actors)) return { ok: false, code: 'topic.notYourStep' };

  switch (event.type) {
    case 'ADVANCE': {
      // A party-members-first step never opens to residents without the members' recorded view, whatever its gates say.
      const gates: TGate[] = step.activity === 'PARTY_FIRST' ? [...step.gates, { kind: 'PARTY_VIEW' }] : step.gates;
      const unmet = unmetGate(gates, ctx.facts);
      if (unmet) return unmet;
      const last = state.stepIndex === procedure.steps.length - 1;
      return {
        ok: true,
        next: last ? { status: 'DONE', stepIndex: state.stepIndex } : { status: 'OPEN', stepIndex: state.stepIndex + 1 },
        effects: step.onLeave,
      };
    }
    case 'RETURN': {
      if (!event.reason.trim()) return { ok: false, code: 'topic.reasonRequired' };
      if (step.activity !== 'MOTION' || ctx.facts.motion !== 'FAILED') return { ok: false, code: 'topic.returnOnlyAfterFailedMotion' };
      const back = procedure.steps
        .slice(0, state.stepIndex)
        .map((s, i) => [s, i] as const)
        .reverse()
        .find(([s]) => s.activity === 'PLAN');
      if (!back) return { ok: false, code: 'topic.returnNowhere' };
      return { ok: true, next: { status: 'OPEN', stepIndex: back[1] }, effects: [{ kind: 'NOTIFY_STAKEHOLDERS' }] };
    }
    case 'WITHDRAW':
      if (!event.reason.trim()) return { ok: false, code: 'topic.reasonRequired' };
      if (!ctx.actors.has('COMMUNITY_STAFF')) return { ok: false, code: 'topic.notYourStep' };
      return { ok: true, next: { status: 'WITHDRAWN', stepIndex: state.stepIndex }, effects: [{ kind: 'NOTIFY_STAKEHOLDERS' }] };
  }
}

/** What the topic page says the current step still needs (every unmet gate, not only the first). */
export function openGates(procedure: TProcedure, state: TTopicState, facts: TFacts): TRefusal[] {
  const step = procedure.steps[state.stepIndex];
  if (state.status !== 'OPEN' || !step) return [];
  return step.gates.map((g) => unmetGate([g], facts)).filter((r): r is TRefusal => r !== null);
}

/** Whether an activity may be carried out now (e.g. suggestions only while ideas are gathered). */
export function activityOpen(procedure: TProcedure, state: TTopicState, activity: TProcedure['steps'][number]['activity']): boolean {
  return state.status === 'OPEN' && procedure.steps[state.stepIndex]?.activity === activity;
}
