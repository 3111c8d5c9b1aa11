import { describe, expect, test } from 'vitest';
import { issueStates, transition, type TIssueContext, type TIssueEvent, type TIssueState } from '@/domain/issues/lifecycle';

// Issue 19 item 6: hand-offs, co-handlers, a cost estimate and a building consultation keep the state and the clock.
const handler: TIssueContext = { role: 'HANDLER', level: 'COMPOUND', reopenCount: 0, lastRating: null };
const higher: TIssueContext = { ...handler, role: 'HIGHER_LEVEL', level: 'COMMUNITY' };
const reporter: TIssueContext = { ...handler, role: 'REPORTER' };
const other: TIssueContext = { ...handler, role: 'OTHER' };

const E = {
  handOff: { type: 'HAND_OFF', to: '泸州金沙物业服务有限公司' },
  addCo: { type: 'ADD_CO_HANDLER', who: '金沙小区业主委员会' },
  removeCo: { type: 'REMOVE_CO_HANDLER', who: '金沙小区业主委员会' },
  estimate: { type: 'ESTIMATE', amountFen: 380000, note: '疏通并更换管道' },
  consult: { type: 'CONSULT', question: '是否同意由维修资金列支？', hours: 24 },
} satisfies Record<string, TIssueEvent>;
const open: TIssueState[] = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED'];
const closed = issueStates.filter((s) => !open.includes(s));

describe('hand-offs and co-handlers keep the state and touch no deadline', () => {
  test.each(open.flatMap((s) => Object.values(E).flatMap((e) => [[s, e, handler] as const, [s, e, higher] as const])))(
    'in %s, %j by a handler',
    (state, event, ctx) => {
      const r = transition(state, event, ctx);
      expect(r).toMatchObject({ ok: true, next: state });
      // The clock is the issue's: nothing here sets a level or new deadlines.
      if (r.ok) expect(r.effects.some((e) => e.kind === 'SET_LEVEL' || e.kind === 'ASSIGN_TO_ACTOR')).toBe(false);
    },
  );
  test('a hand-off tells the reporters and the new handler', () => {
    const r = transition('ACKNOWLEDGED', E.handOff, handler);
    expect(r.ok && r.effects.map((e) => e.kind).sort()).toEqual(['NOTIFY_HANDLERS', 'NOTIFY_REPORTERS']);
  });
});

describe('refusals', () => {
  test.each(closed.flatMap((s) => Object.values(E).map((e) => [s, e] as const)))('in %s, %j is refused', (state, event) => {
    expect(transition(state, event, handler)).toEqual({ ok: false, code: 'issue.wrongState' });
  });
  test.each(Object.values(E).flatMap((e) => [[e, reporter] as const, [e, other] as const]))('%j by %j is not allowed', (event, ctx) => {
    expect(transition('ACKNOWLEDGED', event, ctx)).toEqual({ ok: false, code: 'issue.notAllowed' });
  });
  test.each<[TIssueEvent, string]>([
    [{ type: 'ESTIMATE', amountFen: -1, note: '' }, 'issue.estimateInvalid'],
    [{ type: 'ESTIMATE', amountFen: 12.5, note: '' }, 'issue.estimateInvalid'],
    [{ type: 'CONSULT', question: ' ', hours: 24 }, 'issue.reasonRequired'],
    [{ type: 'CONSULT', question: '同意吗？', hours: 0 }, 'issue.consultHours'],
    [{ type: 'CONSULT', question: '同意吗？', hours: 24 * 7 + 1 }, 'issue.consultHours'],
  ])('%j → %s', (event, code) => {
    expect(transition('IN_PROGRESS', event, handler)).toEqual({ ok: false, code });
  });
});
