import { describe, expect, test } from 'vitest';
import { issueStates, nextLevel, transition, type TIssueContext, type TIssueEvent, type TIssueState } from '@/domain/issues/lifecycle';

const handler: TIssueContext = { role: 'HANDLER', level: 'COMPOUND', reopenCount: 0, lastRating: null };
const reporter: TIssueContext = { ...handler, role: 'REPORTER' };
const higher: TIssueContext = { ...handler, role: 'HIGHER_LEVEL', level: 'COMMUNITY' };
const other: TIssueContext = { ...handler, role: 'OTHER' };

const E = {
  ack: { type: 'ACKNOWLEDGE' },
  start: { type: 'START' },
  resolve: { type: 'RESOLVE', message: '已疏通化粪池' },
  unfixed: { type: 'CLOSE_UNFIXED', reason: '不属于物业范围' },
  rateOk: { type: 'RATE', rating: 'SATISFIED' },
  rateBad: { type: 'RATE', rating: 'UNSATISFIED', comment: '还是堵' },
  reopen: { type: 'REOPEN', reason: '又堵了' },
  escalate: { type: 'ESCALATE', reason: '需要社区协调' },
  takeOver: { type: 'TAKE_OVER' },
} satisfies Record<string, TIssueEvent>;

describe('the allowed path', () => {
  test.each<[TIssueState, TIssueEvent, TIssueContext, TIssueState]>([
    ['SUBMITTED', E.ack, handler, 'ACKNOWLEDGED'],
    ['ACKNOWLEDGED', E.start, handler, 'IN_PROGRESS'],
    ['IN_PROGRESS', E.resolve, handler, 'RESOLVED'],
    ['SUBMITTED', E.resolve, handler, 'RESOLVED'], // a quick fix needs no intermediate steps
    ['RESOLVED', E.rateOk, reporter, 'CLOSED'],
    ['RESOLVED', E.rateBad, reporter, 'CLOSED'],
    ['CLOSED', E.reopen, { ...reporter, lastRating: 'UNSATISFIED' }, 'REOPENED'],
    ['REOPENED', E.ack, handler, 'ACKNOWLEDGED'],
    ['REOPENED', E.start, handler, 'IN_PROGRESS'],
    ['IN_PROGRESS', E.unfixed, handler, 'CLOSED_UNFIXED'],
    ['ACKNOWLEDGED', E.escalate, handler, 'ACKNOWLEDGED'],
    ['IN_PROGRESS', E.takeOver, higher, 'IN_PROGRESS'],
  ])('%s --%j--> %s', (from, event, ctx, to) => {
    const r = transition(from, event, ctx);
    expect(r).toMatchObject({ ok: true, next: to });
  });

  test('effects: reporters hear of every change; resolving asks for a rating; escalation moves one level up', () => {
    expect(transition('SUBMITTED', E.ack, handler)).toMatchObject({ effects: [{ kind: 'NOTIFY_REPORTERS' }] });
    expect(transition('IN_PROGRESS', E.resolve, handler)).toMatchObject({
      effects: [{ kind: 'NOTIFY_REPORTERS' }, { kind: 'ASK_RATING' }],
    });
    expect(transition('SUBMITTED', E.escalate, { ...handler, level: 'STREET' })).toMatchObject({
      effects: [{ kind: 'SET_LEVEL', level: 'DISTRICT' }, { kind: 'NOTIFY_HANDLERS' }, { kind: 'NOTIFY_REPORTERS' }],
    });
  });
});

describe('refusals', () => {
  test.each<[string, TIssueState, TIssueEvent, TIssueContext, string]>([
    ['a resident cannot acknowledge', 'SUBMITTED', E.ack, reporter, 'issue.notAllowed'],
    ['nobody else may act', 'SUBMITTED', E.resolve, other, 'issue.notAllowed'],
    ['a handler cannot rate', 'RESOLVED', E.rateOk, handler, 'issue.notAllowed'],
    ['no acknowledging twice', 'ACKNOWLEDGED', E.ack, handler, 'issue.wrongState'],
    ['resolving needs a message', 'IN_PROGRESS', { type: 'RESOLVE', message: '  ' }, handler, 'issue.reasonRequired'],
    ['closing unfixed needs a reason', 'IN_PROGRESS', { type: 'CLOSE_UNFIXED', reason: '' }, handler, 'issue.reasonRequired'],
    ['closed unfixed is final', 'CLOSED_UNFIXED', E.resolve, handler, 'issue.wrongState'],
    ['only a resolved issue is rated', 'IN_PROGRESS', E.rateOk, reporter, 'issue.wrongState'],
    ['a satisfied reporter cannot reopen', 'CLOSED', E.reopen, { ...reporter, lastRating: 'SATISFIED' }, 'issue.notUnsatisfied'],
    ['reopening happens once', 'CLOSED', E.reopen, { ...reporter, lastRating: 'UNSATISFIED', reopenCount: 1 }, 'issue.reopenedAlready'],
    ['the district is the top', 'IN_PROGRESS', E.escalate, { ...handler, level: 'DISTRICT' }, 'issue.topLevel'],
    ['only a higher level takes over', 'IN_PROGRESS', E.takeOver, handler, 'issue.notAllowed'],
    ['a closed issue is not taken over', 'CLOSED', E.takeOver, higher, 'issue.wrongState'],
  ])('%s', (_, from, event, ctx, code) => {
    expect(transition(from, event, ctx)).toEqual({ ok: false, code });
  });

  test('no event leads out of a closed state except an unsatisfied reopen', () => {
    for (const event of Object.values(E)) {
      for (const ctx of [handler, reporter, higher]) {
        const r = transition('CLOSED_UNFIXED', event, { ...ctx, lastRating: 'UNSATISFIED' });
        expect(r.ok).toBe(false);
      }
    }
    expect(issueStates).toHaveLength(7);
  });
});

test('the ladder: compound → community → street → district', () => {
  expect([nextLevel('COMPOUND'), nextLevel('COMMUNITY'), nextLevel('STREET'), nextLevel('DISTRICT')]).toEqual([
    'COMMUNITY',
    'STREET',
    'DISTRICT',
    null,
  ]);
});
