/**
 * The life of a resident's issue under grid rapid response (网格化快速响应):
 * submitted → acknowledged → in progress → resolved → closed, plus reopened, and "closed without
 * being fixed" kept apart from "fixed" so that resolution rates cannot be gamed. An issue taken up as a
 * deliberation topic waits IN_TOPIC (its clock stopped) until the topic ends it (decision 047); one taken up as a
 * mediation case waits IN_MEDIATION until the case's outcome ends it (decision 062).
 * `transition` is pure: it returns the next state and the effects to carry out, or a refusal code.
 */
export const issueStates = [
  'SUBMITTED',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'RESOLVED',
  'CLOSED',
  'CLOSED_UNFIXED',
  'REOPENED',
  'IN_TOPIC',
  'IN_MEDIATION',
] as const;
export type TIssueState = (typeof issueStates)[number];
export type TRating = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED';
export const escalationLevels = ['COMPOUND', 'COMMUNITY', 'STREET', 'DISTRICT'] as const;
export type TLevel = (typeof escalationLevels)[number];

export type TIssueEvent =
  | { type: 'ACKNOWLEDGE' }
  | { type: 'START' }
  | { type: 'RESOLVE'; message: string }
  | { type: 'CLOSE_UNFIXED'; reason: string }
  | { type: 'RATE'; rating: TRating; comment?: string }
  | { type: 'REOPEN'; reason: string }
  | { type: 'ESCALATE'; reason: string }
  | { type: 'TAKE_OVER' }
  /** Taken up as a topic: acknowledged, its deadlines stop; the topic is its handling now. */
  | { type: 'TAKE_UP' }
  /** The topic ended (done): the issue is resolved by its outcome and the reporters rate it. */
  | { type: 'TOPIC_DONE'; message: string }
  /** The topic was withdrawn: the issue goes back to its handlers, acknowledged. */
  | { type: 'TOPIC_WITHDRAWN'; reason: string }
  /** Taken up as a mediation case (decision 062): acknowledged, its deadlines stop; the case is its handling now. */
  | { type: 'MEDIATE' }
  /** The case reached its outcome (an agreement signed, or the parties referred elsewhere): resolved, the reporter rates it. */
  | { type: 'MEDIATION_DONE'; message: string }
  /** The case was withdrawn: the issue goes back to its handlers, acknowledged. */
  | { type: 'MEDIATION_WITHDRAWN'; reason: string }
  /** Handed sideways (to the property firm or the owners' committee): same state, same clock (decision 050). */
  | { type: 'HAND_OFF'; to: string }
  | { type: 'ADD_CO_HANDLER'; who: string }
  | { type: 'REMOVE_CO_HANDLER'; who: string }
  /** A cost estimate in fen; a revision is a new one, never an edit. */
  | { type: 'ESTIMATE'; amountFen: number; note: string }
  /** A quick written consultation of the building's owners, closing after `hours`; advisory, not an art. 278 vote. */
  | { type: 'CONSULT'; question: string; hours: number };

/**
 * Who acts, as the server established it; TOPIC is the topics capability acting on the issues a topic took up, MEDIATION
 * the mediation capability on the issue a case took up.
 */
export type TIssueContext = {
  role: 'REPORTER' | 'HANDLER' | 'HIGHER_LEVEL' | 'TOPIC' | 'MEDIATION' | 'OTHER';
  level: TLevel;
  reopenCount: number;
  lastRating: TRating | null;
};

export type TEffect =
  | { kind: 'NOTIFY_REPORTERS' }
  | { kind: 'NOTIFY_HANDLERS' }
  | { kind: 'ASK_RATING' }
  | { kind: 'SET_LEVEL'; level: TLevel }
  | { kind: 'ASSIGN_TO_ACTOR' };

export type TTransition =
  | { ok: true; next: TIssueState; effects: TEffect[] }
  | {
      ok: false;
      code:
        | 'issue.notAllowed'
        | 'issue.wrongState'
        | 'issue.reasonRequired'
        | 'issue.reopenedAlready'
        | 'issue.notUnsatisfied'
        | 'issue.topLevel'
        | 'issue.estimateInvalid'
        | 'issue.consultHours';
    };

/** The longest a building consultation may stay open: a week. */
export const CONSULT_MAX_HOURS = 24 * 7;

/** The states in which an issue still waits for its handlers. */
export const openStates: readonly TIssueState[] = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED'];
export const isOpen = (s: TIssueState) => openStates.includes(s);

const ok = (next: TIssueState, ...effects: TEffect[]): TTransition => ({ ok: true, next, effects });
const no = (code: Extract<TTransition, { ok: false }>['code']): TTransition => ({ ok: false, code });

export function transition(state: TIssueState, event: TIssueEvent, ctx: TIssueContext): TTransition {
  const handles = ctx.role === 'HANDLER' || ctx.role === 'HIGHER_LEVEL';
  switch (event.type) {
    case 'ACKNOWLEDGE':
      if (!handles) return no('issue.notAllowed');
      return state === 'SUBMITTED' || state === 'REOPENED' ? ok('ACKNOWLEDGED', { kind: 'NOTIFY_REPORTERS' }) : no('issue.wrongState');
    case 'START':
      if (!handles) return no('issue.notAllowed');
      return state === 'ACKNOWLEDGED' || state === 'REOPENED' ? ok('IN_PROGRESS', { kind: 'NOTIFY_REPORTERS' }) : no('issue.wrongState');
    case 'RESOLVE':
      if (!handles) return no('issue.notAllowed');
      if (!isOpen(state)) return no('issue.wrongState');
      if (!event.message.trim()) return no('issue.reasonRequired');
      return ok('RESOLVED', { kind: 'NOTIFY_REPORTERS' }, { kind: 'ASK_RATING' });
    case 'CLOSE_UNFIXED':
      if (!handles) return no('issue.notAllowed');
      if (!isOpen(state)) return no('issue.wrongState');
      if (!event.reason.trim()) return no('issue.reasonRequired');
      return ok('CLOSED_UNFIXED', { kind: 'NOTIFY_REPORTERS' });
    case 'RATE':
      if (ctx.role !== 'REPORTER') return no('issue.notAllowed');
      return state === 'RESOLVED' ? ok('CLOSED', { kind: 'NOTIFY_HANDLERS' }) : no('issue.wrongState');
    case 'REOPEN':
      // An unsatisfied reporter may reopen once.
      if (ctx.role !== 'REPORTER') return no('issue.notAllowed');
      if (state !== 'CLOSED') return no('issue.wrongState');
      if (ctx.lastRating !== 'UNSATISFIED') return no('issue.notUnsatisfied');
      if (ctx.reopenCount >= 1) return no('issue.reopenedAlready');
      return ok('REOPENED', { kind: 'NOTIFY_HANDLERS' });
    case 'ESCALATE': {
      if (!handles) return no('issue.notAllowed');
      if (!isOpen(state)) return no('issue.wrongState');
      if (!event.reason.trim()) return no('issue.reasonRequired');
      const next = nextLevel(ctx.level);
      return next
        ? ok(state, { kind: 'SET_LEVEL', level: next }, { kind: 'NOTIFY_HANDLERS' }, { kind: 'NOTIFY_REPORTERS' })
        : no('issue.topLevel');
    }
    case 'TAKE_OVER':
      if (ctx.role !== 'HIGHER_LEVEL') return no('issue.notAllowed');
      return isOpen(state) ? ok(state, { kind: 'ASSIGN_TO_ACTOR' }, { kind: 'NOTIFY_REPORTERS' }) : no('issue.wrongState');
    case 'TAKE_UP':
      if (ctx.role !== 'TOPIC') return no('issue.notAllowed');
      return isOpen(state) ? ok('IN_TOPIC', { kind: 'NOTIFY_REPORTERS' }) : no('issue.wrongState');
    case 'TOPIC_DONE':
      if (ctx.role !== 'TOPIC') return no('issue.notAllowed');
      return state === 'IN_TOPIC' ? ok('RESOLVED', { kind: 'NOTIFY_REPORTERS' }, { kind: 'ASK_RATING' }) : no('issue.wrongState');
    case 'TOPIC_WITHDRAWN':
      if (ctx.role !== 'TOPIC') return no('issue.notAllowed');
      return state === 'IN_TOPIC' ? ok('ACKNOWLEDGED', { kind: 'NOTIFY_REPORTERS' }) : no('issue.wrongState');
    case 'MEDIATE':
      if (ctx.role !== 'MEDIATION') return no('issue.notAllowed');
      return isOpen(state) ? ok('IN_MEDIATION', { kind: 'NOTIFY_REPORTERS' }) : no('issue.wrongState');
    case 'MEDIATION_DONE':
      if (ctx.role !== 'MEDIATION') return no('issue.notAllowed');
      return state === 'IN_MEDIATION' ? ok('RESOLVED', { kind: 'NOTIFY_REPORTERS' }, { kind: 'ASK_RATING' }) : no('issue.wrongState');
    case 'MEDIATION_WITHDRAWN':
      if (ctx.role !== 'MEDIATION') return no('issue.notAllowed');
      return state === 'IN_MEDIATION' ? ok('ACKNOWLEDGED', { kind: 'NOTIFY_REPORTERS' }) : no('issue.wrongState');
    // Steps beside the state machine: the state and the deadlines stay as they are (decision 050).
    case 'HAND_OFF':
      if (!handles) return no('issue.notAllowed');
      return isOpen(state) ? ok(state, { kind: 'NOTIFY_HANDLERS' }, { kind: 'NOTIFY_REPORTERS' }) : no('issue.wrongState');
    case 'ADD_CO_HANDLER':
    case 'REMOVE_CO_HANDLER':
      if (!handles) return no('issue.notAllowed');
      return isOpen(state) ? ok(state) : no('issue.wrongState');
    case 'ESTIMATE':
      if (!handles) return no('issue.notAllowed');
      if (!isOpen(state)) return no('issue.wrongState');
      return Number.isSafeInteger(event.amountFen) && event.amountFen >= 0 ? ok(state) : no('issue.estimateInvalid');
    case 'CONSULT':
      if (!handles) return no('issue.notAllowed');
      if (!isOpen(state)) return no('issue.wrongState');
      if (!event.question.trim()) return no('issue.reasonRequired');
      return Number.isInteger(event.hours) && event.hours >= 1 && event.hours <= CONSULT_MAX_HOURS ? ok(state) : no('issue.consultHours');
  }
}

/** 小事不出小区、大事不出社区、难事街道统筹: compound → community → street → district. */
export function nextLevel(level: TLevel): TLevel | null {
  return escalationLevels[escalationLevels.indexOf(level) + 1] ?? null;
}
