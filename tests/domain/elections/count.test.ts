import { describe, expect, test } from 'vitest';
import { countElection, runoffRuleOf, type TCountInput } from '@/domain/elections/count';
import { electionTransition } from '@/domain/elections/status';

// Table-driven vectors for the election count (decision 069), in the style of rules.md: integers only, 0.01 m² areas.
const c = (id: number, votes: number, areaCentiM2 = 0) => ({ id, votes, areaCentiM2 });
const heads = (rollHeads: number, castHeads: number) => ({
  roll: { heads: rollHeads, areaCentiM2: 0 },
  cast: { heads: castHeads, areaCentiM2: 0 },
});

describe('turnout', () => {
  test.each([
    // [roll, cast, met, least]
    [37, 18, false, 19],
    [37, 19, true, 19],
    [10, 5, false, 6],
    [10, 6, true, 6],
    [1, 1, true, 1],
  ])('residents: %i on the roll, %i cast → met %s (least %i)', (roll, cast, met, least) => {
    const r = countElection({ rule: 'PLURALITY', seats: 1, ...heads(roll, cast), candidates: [c(1, cast)] });
    expect(r.turnout).toEqual([{ what: 'turnoutHeads', threshold: 'MORE_THAN_HALF', denominator: roll, count: cast, least, met }]);
    expect(r.code).toBe(met ? 'ELECTED' : 'TURNOUT_FAILED');
  });

  test.each([
    // owners: heads and area both two thirds or more (以上 includes the number)
    [{ heads: 6, areaCentiM2: 60_000 }, { heads: 4, areaCentiM2: 40_000 }, [true, true]],
    [{ heads: 6, areaCentiM2: 60_000 }, { heads: 3, areaCentiM2: 50_000 }, [false, true]],
    [{ heads: 6, areaCentiM2: 60_000 }, { heads: 5, areaCentiM2: 39_999 }, [true, false]],
    [{ heads: 7, areaCentiM2: 100 }, { heads: 5, areaCentiM2: 67 }, [true, true]],
    [{ heads: 7, areaCentiM2: 100 }, { heads: 4, areaCentiM2: 66 }, [false, false]],
  ] as const)('owners: roll %o, cast %o → heads/area met %o', (roll, cast, met) => {
    const r = countElection({ rule: 'OWNERS_278', seats: 1, roll, cast, candidates: [c(1, cast.heads, cast.areaCentiM2)] });
    expect(r.turnout.map((t) => [t.what, t.threshold, t.met])).toEqual([
      ['turnoutHeads', '2/3', met[0]],
      ['turnoutArea', '2/3', met[1]],
    ]);
    expect(r.code === 'TURNOUT_FAILED').toBe(!(met[0] && met[1]));
    if (r.code === 'TURNOUT_FAILED') expect(r.elected).toEqual([]);
  });
});

describe('who qualifies', () => {
  test.each([
    // MAJORITY: 2 × votes > cast
    [10, 5, false],
    [10, 6, true],
    [9, 5, true],
    [9, 4, false],
  ])('MAJORITY, %i cast: %i votes qualifies %s', (cast, votes, ok) => {
    const r = countElection({ rule: 'MAJORITY', seats: 1, ...heads(cast, cast), candidates: [c(1, votes)] });
    expect(r.lines[0]!.qualifies).toBe(ok);
    expect(r.lines[0]!.leastVotes).toBe(Math.floor(cast / 2) + 1);
  });

  test.each([
    // RUNOFF_THIRD: 3 × votes ≥ cast
    [9, 3, true],
    [9, 2, false],
    [10, 4, true],
    [10, 3, false],
  ])('RUNOFF_THIRD, %i cast: %i votes qualifies %s', (cast, votes, ok) => {
    const r = countElection({ rule: 'RUNOFF_THIRD', seats: 1, ...heads(cast, cast), candidates: [c(1, votes)] });
    expect(r.lines[0]!.qualifies).toBe(ok);
  });

  test('PLURALITY: any vote, none for no vote', () => {
    const r = countElection({ rule: 'PLURALITY', seats: 2, ...heads(10, 6), candidates: [c(1, 1), c(2, 0)] });
    expect(r.lines.map((l) => [l.id, l.qualifies])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(r.code).toBe('VACANT');
  });

  test('OWNERS_278: more than half of participating heads and area; heads pass, area fails', () => {
    const r = countElection({
      rule: 'OWNERS_278',
      seats: 2,
      roll: { heads: 6, areaCentiM2: 100_000 },
      cast: { heads: 6, areaCentiM2: 100_000 },
      // 1: 4 heads, 60 % area; 2: 4 heads but only 40 % area (the developer's big share voted elsewhere).
      candidates: [c(1, 4, 60_000), c(2, 4, 40_000), c(3, 2, 60_000)],
    });
    const line = (id: number) => r.lines.find((l) => l.id === id)!;
    expect([line(1).qualifies, line(2).qualifies, line(3).qualifies]).toEqual([true, false, false]);
    expect([line(2).leastVotes, line(2).leastAreaCentiM2]).toEqual([4, 50_001]);
    expect(r.elected).toEqual([1]);
    // One seat left: run-off among the next two, same rule for owners.
    expect(r.runoff).toEqual({ seats: 1, candidateIds: [2, 3], rule: 'OWNERS_278', reason: 'SHORT' });
  });
});

describe('seats, ties and run-offs', () => {
  test('every seat filled by the ranking', () => {
    const r = countElection({ rule: 'PLURALITY', seats: 2, ...heads(10, 8), candidates: [c(1, 3), c(2, 7), c(3, 5)] });
    expect([r.code, r.elected, r.runoff]).toEqual(['ELECTED', [2, 3], null]);
    expect(r.lines.map((l) => l.outcome)).toEqual(['ELECTED', 'ELECTED', 'NOT_ELECTED']);
  });

  test('a tie across the last seat goes to a run-off among the tied only', () => {
    const r = countElection({ rule: 'PLURALITY', seats: 2, ...heads(10, 8), candidates: [c(1, 6), c(2, 4), c(3, 4), c(4, 1)] });
    expect(r.code).toBe('RUNOFF');
    expect(r.elected).toEqual([1]);
    expect(r.runoff).toEqual({ seats: 1, candidateIds: [2, 3], rule: 'PLURALITY', reason: 'TIE' });
  });

  test('a tie of everyone for the only seats', () => {
    const r = countElection({ rule: 'MAJORITY', seats: 1, ...heads(10, 10), candidates: [c(1, 6), c(2, 6)] });
    expect(r.elected).toEqual([]);
    expect(r.runoff).toEqual({ seats: 1, candidateIds: [1, 2], rule: 'MAJORITY', reason: 'TIE' });
  });

  test('short under MAJORITY: run-off by RUNOFF_THIRD among twice the seats left, ties at the cut kept', () => {
    // 10 cast; need 6. Only 1 qualifies for 3 seats → 2 left → 4 next candidates, and 5 tied at the cut.
    const r = countElection({
      rule: 'MAJORITY',
      seats: 3,
      ...heads(12, 10),
      candidates: [c(1, 8), c(2, 5), c(3, 4), c(4, 3), c(5, 2), c(6, 2), c(7, 1), c(8, 0)],
    });
    expect(r.code).toBe('RUNOFF');
    expect(r.elected).toEqual([1]);
    expect(r.runoff).toEqual({ seats: 2, candidateIds: [2, 3, 4, 5, 6], rule: 'RUNOFF_THIRD', reason: 'SHORT' });
    expect(r.lines.find((l) => l.id === 7)!.outcome).toBe('NOT_ELECTED');
  });

  test('short with nobody left to run off → VACANT', () => {
    const r = countElection({ rule: 'MAJORITY', seats: 2, ...heads(10, 10), candidates: [c(1, 9), c(2, 0)] });
    expect([r.code, r.elected, r.runoff]).toEqual(['VACANT', [1], null]);
  });

  test('the run-off rule of each rule', () => {
    expect([runoffRuleOf('MAJORITY'), runoffRuleOf('PLURALITY'), runoffRuleOf('OWNERS_278'), runoffRuleOf('RUNOFF_THIRD')]).toEqual([
      'RUNOFF_THIRD',
      'PLURALITY',
      'OWNERS_278',
      'RUNOFF_THIRD',
    ]);
  });

  test('owners ranked by votes then area', () => {
    const r = countElection({
      rule: 'OWNERS_278',
      seats: 1,
      roll: { heads: 4, areaCentiM2: 40_000 },
      cast: { heads: 4, areaCentiM2: 40_000 },
      candidates: [c(1, 3, 25_000), c(2, 3, 30_000)],
    });
    expect(r.elected).toEqual([2]);
  });

  test('no seat is refused', () => {
    expect(() => countElection({ rule: 'PLURALITY', seats: 0, ...heads(1, 1), candidates: [] } as TCountInput)).toThrow();
  });
});

describe('the life of an election', () => {
  test.each([
    ['NOMINATING', { type: 'PUBLISH_CANDIDATES', listed: 4, seats: 5 }, 'election.tooFewCandidates'],
    ['NOMINATING', { type: 'PUBLISH_CANDIDATES', listed: 5, seats: 5 }, 'PUBLICISING'],
    ['PUBLICISING', { type: 'OPEN_VOTING', objectionsOpen: 0, publicityEnded: false }, 'election.publicityRunning'],
    ['PUBLICISING', { type: 'OPEN_VOTING', objectionsOpen: 1, publicityEnded: true }, 'election.objectionsOpen'],
    ['PUBLICISING', { type: 'OPEN_VOTING', objectionsOpen: 0, publicityEnded: true }, 'VOTING'],
    ['VOTING', { type: 'COUNT' }, 'COUNTED'],
    ['COUNTED', { type: 'COUNT' }, 'election.wrongState'],
    ['COUNTED', { type: 'PUBLISH_RESULT' }, 'DONE'],
    ['DONE', { type: 'CANCEL' }, 'election.wrongState'],
    ['VOTING', { type: 'CANCEL' }, 'CANCELLED'],
  ] as const)('%s + %o → %s', (status, event, out) => {
    const t = electionTransition(status, event);
    expect(t.ok ? t.next : t.code).toBe(out);
  });
});
