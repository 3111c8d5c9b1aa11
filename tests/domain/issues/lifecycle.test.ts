import { describe, expect, test } from 'vitest';
import {
  isOpen,
  issueStates,
  nextLevel,
  transition,
  type TIssueContext,
  type TIssueEvent,
  type TIssueState,
} from '@/domain/issues/lifecycle';

const handler: TIssueContext = { role: 'HANDLER', level: 'COMPOUND', reopenCount: 0, lastRating: null };
const reporter: TIssueContext = { ...handler, role: 'REPORTER' };
const higher: TIssueContext = { ...handler, role: 'HIGHER_LEVEL', level: 'COMMUNITY' };
const other: TIssueContext = { ...handler, role: 'OTHER' };
/** The topics capability, acting on the issues a topic took up (issue 19 item 4). */
const topic: TIssueContext = { ...handler, role: 'TOPIC' };

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
  takeUp: { type: 'TAKE_UP' },
  topicDone: { type: 'TOPIC_DONE', message: '议题已办结' },
  topicWithdrawn: { type: 'TOPIC_WITHDRAWN', reason: '议题撤回' },
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
    expect(issueStates).toHaveLength(9);
  });
});

describe('an issue taken up as a topic (the topic seam)', () => {
  test.each<[TIssueState, TIssueEvent, TIssueState]>([
    ['SUBMITTED', E.takeUp, 'IN_TOPIC'],
    ['ACKNOWLEDGED', E.takeUp, 'IN_TOPIC'],
    ['IN_PROGRESS', E.takeUp, 'IN_TOPIC'],
    ['REOPENED', E.takeUp, 'IN_TOPIC'],
    ['IN_TOPIC', E.topicDone, 'RESOLVED'],
    ['IN_TOPIC', E.topicWithdrawn, 'ACKNOWLEDGED'],
  ])('%s --%j--> %s', (from, event, to) => {
    expect(transition(from, event, topic)).toMatchObject({ ok: true, next: to });
  });

  test('taking up acknowledges and tells the reporters; the topic ending asks them to rate', () => {
    expect(transition('SUBMITTED', E.takeUp, topic)).toEqual({ ok: true, next: 'IN_TOPIC', effects: [{ kind: 'NOTIFY_REPORTERS' }] });
    expect(transition('IN_TOPIC', E.topicDone, topic)).toEqual({
      ok: true,
      next: 'RESOLVED',
      effects: [{ kind: 'NOTIFY_REPORTERS' }, { kind: 'ASK_RATING' }],
    });
    // Then the issue's own rules: rated, closed, reopened once if unsatisfied.
    expect(transition('RESOLVED', E.rateBad, reporter)).toMatchObject({ ok: true, next: 'CLOSED' });
  });

  test('an issue in a topic is not open: its clock has stopped', () => {
    expect(isOpen('IN_TOPIC')).toBe(false);
  });

  test.each<[string, TIssueState, TIssueEvent, TIssueContext, string]>([
    ['only the topic takes an issue up', 'SUBMITTED', E.takeUp, handler, 'issue.notAllowed'],
    ['a closed issue is not taken up', 'CLOSED', E.takeUp, topic, 'issue.wrongState'],
    ['nor one in a topic already', 'IN_TOPIC', E.takeUp, topic, 'issue.wrongState'],
    ['handlers do not resolve what the topic handles', 'IN_TOPIC', E.resolve, handler, 'issue.wrongState'],
    ['nor close it unfixed', 'IN_TOPIC', E.unfixed, higher, 'issue.wrongState'],
    ['nor escalate it', 'IN_TOPIC', E.escalate, handler, 'issue.wrongState'],
    ['nor take it over', 'IN_TOPIC', E.takeOver, higher, 'issue.wrongState'],
    ['nor acknowledge it', 'IN_TOPIC', E.ack, handler, 'issue.wrongState'],
    ['a reporter does not rate it before the topic ends', 'IN_TOPIC', E.rateOk, reporter, 'issue.wrongState'],
    ['only the topic ends it', 'IN_TOPIC', E.topicDone, higher, 'issue.notAllowed'],
    ['only an issue in a topic is ended by it', 'ACKNOWLEDGED', E.topicDone, topic, 'issue.wrongState'],
    ['only an issue in a topic is released by its withdrawal', 'RESOLVED', E.topicWithdrawn, topic, 'issue.wrongState'],
    ['the topic does not handle issues otherwise', 'SUBMITTED', E.resolve, topic, 'issue.notAllowed'],
  ])('%s', (_, from, event, ctx, code) => {
    expect(transition(from, event, ctx)).toEqual({ ok: false, code });
  });
});

describe('an issue taken up as a mediation case (decision 062)', () => {
  const mediation: TIssueContext = { ...topic, role: 'MEDIATION' };
  const mediate: TIssueEvent = { type: 'MEDIATE' };
  const done: TIssueEvent = { type: 'MEDIATION_DONE', message: '双方签订调解协议' };
  const withdrawn: TIssueEvent = { type: 'MEDIATION_WITHDRAWN', reason: '申请人撤回' };
  test.each<[TIssueState, TIssueEvent, TIssueContext, TIssueState | string]>([
    ['SUBMITTED', mediate, mediation, 'IN_MEDIATION'],
    ['IN_PROGRESS', mediate, mediation, 'IN_MEDIATION'],
    ['REOPENED', mediate, mediation, 'IN_MEDIATION'],
    ['IN_MEDIATION', done, mediation, 'RESOLVED'],
    ['IN_MEDIATION', withdrawn, mediation, 'ACKNOWLEDGED'],
    ['SUBMITTED', mediate, handler, 'issue.notAllowed'],
    ['SUBMITTED', mediate, topic, 'issue.notAllowed'],
    ['IN_TOPIC', mediate, mediation, 'issue.wrongState'],
    ['CLOSED', mediate, mediation, 'issue.wrongState'],
    ['IN_MEDIATION', mediate, mediation, 'issue.wrongState'],
    ['IN_MEDIATION', E.resolve, handler, 'issue.wrongState'],
    ['IN_MEDIATION', E.escalate, handler, 'issue.wrongState'],
    ['IN_MEDIATION', E.takeUp, topic, 'issue.wrongState'],
    ['IN_MEDIATION', E.topicDone, topic, 'issue.wrongState'],
    ['IN_MEDIATION', E.rateOk, reporter, 'issue.wrongState'],
    ['IN_MEDIATION', done, higher, 'issue.notAllowed'],
    ['ACKNOWLEDGED', done, mediation, 'issue.wrongState'],
  ])('%s --%j--> (%j) %s', (from, event, ctx, expected) => {
    const r = transition(from, event, ctx);
    if (expected.startsWith('issue.')) expect(r).toEqual({ ok: false, code: expected });
    else expect(r).toMatchObject({ ok: true, next: expected });
  });

  test('the outcome asks the reporter to rate; a case waiting is not open (no clock)', () => {
    expect(transition('IN_MEDIATION', done, mediation)).toEqual({
      ok: true,
      next: 'RESOLVED',
      effects: [{ kind: 'NOTIFY_REPORTERS' }, { kind: 'ASK_RATING' }],
    });
    expect(isOpen('IN_MEDIATION')).toBe(false);
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
