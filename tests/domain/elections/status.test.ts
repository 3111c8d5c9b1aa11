import { describe, expect, test } from 'vitest';
import {
  electionStatuses,
  electionTransition,
  isFinal,
  rulesFor,
  type TElectionEvent,
  type TElectionStatus,
} from '@/domain/elections/status';

// The life of an election (decision 069), every status × every event.
const publish = (listed: number, seats = 2): TElectionEvent => ({ type: 'PUBLISH_CANDIDATES', listed, seats });
const open = (objectionsOpen: number, publicityEnded: boolean): TElectionEvent => ({ type: 'OPEN_VOTING', objectionsOpen, publicityEnded });

const cases: [TElectionStatus, TElectionEvent, TElectionStatus | string][] = [
  ['NOMINATING', publish(2), 'PUBLICISING'],
  ['NOMINATING', publish(3), 'PUBLICISING'],
  ['NOMINATING', publish(1), 'election.tooFewCandidates'],
  ['NOMINATING', publish(0, 1), 'election.tooFewCandidates'],
  ['PUBLICISING', publish(2), 'election.wrongState'],
  ['VOTING', publish(2), 'election.wrongState'],
  ['COUNTED', publish(2), 'election.wrongState'],
  ['DONE', publish(2), 'election.wrongState'],
  ['CANCELLED', publish(2), 'election.wrongState'],
  ['PUBLICISING', open(0, true), 'VOTING'],
  ['PUBLICISING', open(0, false), 'election.publicityRunning'],
  ['PUBLICISING', open(1, true), 'election.objectionsOpen'],
  ['PUBLICISING', open(1, false), 'election.publicityRunning'],
  ['NOMINATING', open(0, true), 'election.wrongState'],
  ['VOTING', open(0, true), 'election.wrongState'],
  ['COUNTED', open(0, true), 'election.wrongState'],
  ['DONE', open(0, true), 'election.wrongState'],
  ['CANCELLED', open(0, true), 'election.wrongState'],
  ['VOTING', { type: 'COUNT' }, 'COUNTED'],
  ['NOMINATING', { type: 'COUNT' }, 'election.wrongState'],
  ['PUBLICISING', { type: 'COUNT' }, 'election.wrongState'],
  ['COUNTED', { type: 'COUNT' }, 'election.wrongState'],
  ['DONE', { type: 'COUNT' }, 'election.wrongState'],
  ['CANCELLED', { type: 'COUNT' }, 'election.wrongState'],
  ['COUNTED', { type: 'PUBLISH_RESULT' }, 'DONE'],
  ['NOMINATING', { type: 'PUBLISH_RESULT' }, 'election.wrongState'],
  ['PUBLICISING', { type: 'PUBLISH_RESULT' }, 'election.wrongState'],
  ['VOTING', { type: 'PUBLISH_RESULT' }, 'election.wrongState'],
  ['DONE', { type: 'PUBLISH_RESULT' }, 'election.wrongState'],
  ['CANCELLED', { type: 'PUBLISH_RESULT' }, 'election.wrongState'],
  ['NOMINATING', { type: 'CANCEL' }, 'CANCELLED'],
  ['PUBLICISING', { type: 'CANCEL' }, 'CANCELLED'],
  ['VOTING', { type: 'CANCEL' }, 'CANCELLED'],
  ['COUNTED', { type: 'CANCEL' }, 'CANCELLED'],
  ['DONE', { type: 'CANCEL' }, 'election.wrongState'],
  ['CANCELLED', { type: 'CANCEL' }, 'election.wrongState'],
];

describe('electionTransition', () => {
  test.each(cases)('%s + %o → %s', (status, event, expected) => {
    const step = electionTransition(status, event);
    expect(step.ok ? step.next : step.code).toBe(expected);
  });

  test('every status meets every kind of event in the table', () => {
    const kinds = ['PUBLISH_CANDIDATES', 'OPEN_VOTING', 'COUNT', 'PUBLISH_RESULT', 'CANCEL'];
    for (const s of electionStatuses)
      for (const k of kinds)
        expect(
          cases.some(([st, e]) => st === s && e.type === k),
          `${s} ${k}`,
        ).toBe(true);
  });
});

describe('finality and rules', () => {
  test.each(electionStatuses.map((s) => [s, s === 'DONE' || s === 'CANCELLED'] as const))('%s final: %s', (s, final) => {
    expect(isFinal(s)).toBe(final);
  });
  test.each([
    ['OWNERS', ['OWNERS_278']],
    ['ADULT_RESIDENTS', ['MAJORITY', 'PLURALITY']],
    ['HOUSEHOLDS', ['MAJORITY', 'PLURALITY']],
    ['PARTY_MEMBERS', ['MAJORITY', 'PLURALITY']],
  ] as const)('%s is counted by %o', (electorate, rules) => {
    expect(rulesFor(electorate)).toEqual(rules);
  });
});
