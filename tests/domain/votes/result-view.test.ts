import { describe, expect, test } from 'vitest';
import { TWO_THIRDS } from '@/domain/votes/arithmetic';
import { evaluateBody, evaluateOwners, type TRule } from '@/domain/votes/evaluate';
import { resultView, type TStoredTally } from '@/domain/votes/result-view';

type TBodyRule = Exclude<TRule, { kind: 'OWNERS_ASSEMBLY' }>;
const body = (rule: TBodyRule, roster: number, tally: TStoredTally, voters: 'BODY' | 'HOUSEHOLDS' = 'BODY') =>
  resultView({
    result: evaluateBody(rule, { roster, present: tally.present ?? 0, for: tally.for ?? 0 }),
    tally,
    voters,
    bodyName: voters === 'BODY' ? '议事会' : null,
    roster,
  });
const twoThirds: TBodyRule = { kind: 'ROSTER_FRACTION', fraction: TWO_THIRDS };

describe('a result carries the rule, the body, every count, the least count, the fraction and the outcome', () => {
  test.each([
    // [case, rule, roster, tally, denominator, counts, least, fraction, outcome]
    [
      'exactly two thirds: 24 of 36 (never "66.66%" vs "66.67%")',
      twoThirds,
      36,
      { present: 36, for: 24, against: 0, abstain: 12 },
      ['ROSTER', 36],
      { for: 24, against: 0, abstain: 12, notFor: 12, notVoted: 0, present: 36, absent: 0 },
      24,
      { n: 24, d: 36 },
      'passed',
    ],
    [
      'vector 10: 24 of 37',
      twoThirds,
      37,
      { present: 30, for: 24, against: 3, abstain: 3 },
      ['ROSTER', 37],
      { for: 24, against: 3, abstain: 3, notFor: 6, notVoted: 7, present: 30, absent: 7 },
      25,
      { n: 24, d: 37 },
      'failed',
    ],
    [
      'vector 9: 420 households, 211 attend, 106 for',
      { kind: 'RESIDENTS_MEETING' },
      420,
      { present: 211, for: 106, against: 100, abstain: 5 },
      ['PRESENT', 211],
      { for: 106, against: 100, abstain: 5, notFor: 105, notVoted: 209, present: 211, absent: 209 },
      106,
      { n: 106, d: 211 },
      'passed',
    ],
    [
      'vector 9: 420 households, 211 attend, 105 for',
      { kind: 'RESIDENTS_MEETING' },
      420,
      { present: 211, for: 105, against: 106, abstain: 0 },
      ['PRESENT', 211],
      { for: 105, against: 106, abstain: 0, notFor: 106, notVoted: 209, present: 211, absent: 209 },
      106,
      { n: 105, d: 211 },
      'failed',
    ],
    [
      'vector 9: 420 households, 210 attend',
      { kind: 'RESIDENTS_MEETING' },
      420,
      { present: 210, for: 200, against: 10, abstain: 0 },
      ['PRESENT', 210],
      { for: 200, against: 10, abstain: 0, notFor: 10, notVoted: 210, present: 210, absent: 210 },
      106,
      { n: 200, d: 210 },
      'noQuorum',
    ],
    [
      'vector 11: committee of 7, 4 present, 3 for',
      { kind: 'OWNERS_COMMITTEE', jurisdiction: 'NATIONAL' },
      7,
      { present: 4, for: 3, against: 1, abstain: 0 },
      ['MEMBERS', 7],
      { for: 3, against: 1, abstain: 0, notFor: 1, notVoted: 3, present: 4, absent: 3 },
      4,
      { n: 3, d: 7 },
      'failed',
    ],
    [
      'vector 12: committee of 6, 3 for, national',
      { kind: 'OWNERS_COMMITTEE', jurisdiction: 'NATIONAL' },
      6,
      { present: 5, for: 3, against: 2, abstain: 0 },
      ['MEMBERS', 6],
      { for: 3, against: 2, abstain: 0, notFor: 2, notVoted: 1, present: 5, absent: 1 },
      3,
      { n: 3, d: 6 },
      'passed',
    ],
    [
      'vector 12: committee of 6, 3 for, Beijing',
      { kind: 'OWNERS_COMMITTEE', jurisdiction: 'BEIJING_SHANGHAI' },
      6,
      { present: 5, for: 3, against: 2, abstain: 0 },
      ['MEMBERS', 6],
      { for: 3, against: 2, abstain: 0, notFor: 2, notVoted: 1, present: 5, absent: 1 },
      4,
      { n: 3, d: 6 },
      'failed',
    ],
  ] as const)('%s', (_, rule, roster, tally, [kind, size], counts, least, fraction, outcome) => {
    const v = body(rule, roster, tally);
    expect(v).toMatchObject({
      rule: rule.kind,
      voters: 'BODY',
      bodyName: '议事会',
      roster,
      denominator: { kind, size },
      counts,
      least,
      fraction,
      outcome,
    });
  });

  test('the jurisdiction and the household roster are named', () => {
    expect(body({ kind: 'OWNERS_COMMITTEE', jurisdiction: 'BEIJING_SHANGHAI' }, 6, { present: 6, for: 4 }).jurisdiction).toBe(
      'BEIJING_SHANGHAI',
    );
    expect(body({ kind: 'RESIDENTS_MEETING' }, 420, { present: 211, for: 106 }, 'HOUSEHOLDS')).toMatchObject({
      voters: 'HOUSEHOLDS',
      bodyName: null,
      jurisdiction: null,
    });
  });

  test('without a quorum rule and without a recorded attendance, present and absent are not part of it', () => {
    expect(body(twoThirds, 37, { roster: 37, for: 25, against: 0, abstain: 0 }).counts).toMatchObject({
      present: null,
      absent: null,
      notVoted: 12,
    });
  });

  test.each([
    [
      'from ballots: against and abstain counted',
      {
        headsTotal: 300,
        areaTotal: 3_000_000,
        headsParticipating: 200,
        areaParticipating: 2_000_000,
        headsFor: 101,
        areaFor: 1_000_100,
        against: 90,
        abstain: 9,
      },
      { for: 101, against: 90, abstain: 9, notFor: 99, notVoted: 100, present: null, absent: null },
    ],
    [
      'a hand count: only those for are known',
      { headsTotal: 300, areaTotal: 3_000_000, headsParticipating: 200, areaParticipating: 2_000_000, headsFor: 101, areaFor: 1_000_100 },
      { for: 101, against: null, abstain: null, notFor: 99, notVoted: 100, present: null, absent: null },
    ],
  ])('owners’ assembly, matter 9 (vector 4): %s', (_, tally, counts) => {
    const v = resultView({ result: evaluateOwners({ kind: 'OWNERS_ASSEMBLY', matter: 9 }, tally), tally, voters: 'OWNERS', roster: 300 });
    expect(v).toMatchObject({
      rule: 'OWNERS_ASSEMBLY',
      matter: 9,
      voters: 'OWNERS',
      roster: 300,
      denominator: { kind: 'PARTICIPATING', size: 200 },
      least: 101,
      fraction: { n: 101, d: 200 },
      outcome: 'passed',
      counts,
    });
    expect(v.area).toEqual({ total: 3_000_000, voting: 2_000_000, for: 1_000_100 });
    expect(v.checks.map((c) => [c.what, c.fraction.n, c.fraction.d, c.least])).toEqual([
      ['turnoutArea', 2_000_000, 3_000_000, 2_000_000],
      ['turnoutHeads', 200, 300, 200],
      ['decisionArea', 1_000_100, 2_000_000, 1_000_001],
      ['decisionHeads', 101, 200, 101],
    ]);
  });
});
