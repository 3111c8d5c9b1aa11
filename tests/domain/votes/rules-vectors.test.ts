import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, test } from 'vitest';
import {
  HALF,
  halfOrMore,
  leastForFraction,
  leastForHalfOrMore,
  leastForMoreThanHalf,
  moreThanHalf,
  reachesFraction,
  THREE_QUARTERS,
  TWO_THIRDS,
} from '@/domain/votes/arithmetic';
import { evaluateBody, evaluateOwners, noticeIsInTime } from '@/domain/votes/evaluate';
import { countOwners, type TChoice, type TOwnerCounts, type TUnit } from '@/domain/votes/owners';

// Every vector of shared/domain/rules.md §8 (and the worked figures of §0), as written there.

describe('§0 counting', () => {
  test.each([
    ['2/3以上', leastForFraction(37, TWO_THIRDS), 25],
    ['3/4以上', leastForFraction(37, THREE_QUARTERS), 28],
    ['过半数', leastForMoreThanHalf(37), 19],
    ['半数以上', leastForHalfOrMore(37), 19],
  ])('37 members, %s: at least %i', (_, least, expected) => expect(least).toBe(expected));

  test('the least count is exactly the boundary for every roster size up to 500', () => {
    for (let n = 1; n <= 500; n++) {
      for (const f of [TWO_THIRDS, THREE_QUARTERS, HALF]) {
        const least = leastForFraction(n, f);
        expect([reachesFraction(least, n, f), reachesFraction(least - 1, n, f)]).toEqual([true, false]);
      }
      expect([moreThanHalf(leastForMoreThanHalf(n), n), moreThanHalf(leastForMoreThanHalf(n) - 1, n)]).toEqual([true, false]);
      expect([halfOrMore(leastForHalfOrMore(n), n), halfOrMore(leastForHalfOrMore(n) - 1, n)]).toEqual([true, false]);
    }
  });

  test('a tie is not more than half, but is half or more', () => {
    expect([moreThanHalf(5, 10), halfOrMore(5, 10)]).toEqual([false, true]);
  });

  test('areas whose products pass 2^53 are compared exactly', () => {
    const total = 9_007_199_254_740_993n; // 2^53 + 1
    expect(reachesFraction(6_004_799_503_160_662n, total, TWO_THIRDS)).toBe(true);
    expect(reachesFraction(6_004_799_503_160_661n, total, TWO_THIRDS)).toBe(false);
  });
});

// N_total = 300 owners, A_total = 30000.00 m² unless stated; areas in 0.01 m².
const owners = (o: Partial<TOwnerCounts>): TOwnerCounts => ({
  headsTotal: 300,
  areaTotal: 3_000_000,
  headsParticipating: 0,
  areaParticipating: 0,
  headsFor: 0,
  areaFor: 0,
  ...o,
});
const ordinary = { kind: 'OWNERS_ASSEMBLY', matter: 9 } as const;
const check = (r: ReturnType<typeof evaluateOwners>, what: string) => r.checks.find((c) => c.what === what)!.met;

describe('§8 owners’ assembly vectors', () => {
  test.each([
    ['1: turnout 200 people, 20000.00 m²', owners({ headsParticipating: 200, areaParticipating: 2_000_000 }), true],
    ['2: turnout 199 people, 20000.00 m²', owners({ headsParticipating: 199, areaParticipating: 2_000_000 }), false],
    [
      '3: A_total 30000.01, A_part 20000.00 (shows "66.67%")',
      owners({ areaTotal: 3_000_001, headsParticipating: 200, areaParticipating: 2_000_000 }),
      false,
    ],
  ])('%s → turnout holds: %s', (_, c, holds) => {
    const r = evaluateOwners(ordinary, c);
    expect(check(r, 'turnoutArea') && check(r, 'turnoutHeads')).toBe(holds);
    if (!holds) expect(r).toMatchObject({ passed: false, code: 'turnoutFailed' });
  });

  const turnout = { headsParticipating: 200, areaParticipating: 2_000_000 };
  test.each([
    ['4: 200 participants, 100 yes (area passing)', owners({ ...turnout, headsFor: 100, areaFor: 1_500_000 }), false],
    ['4: 200 participants, 101 yes (area passing)', owners({ ...turnout, headsFor: 101, areaFor: 1_500_000 }), true],
    [
      '5: 201 participants: 100 yes, 50 no, 51 abstain',
      owners({ headsParticipating: 201, areaParticipating: 2_010_000, headsFor: 100, areaFor: 1_500_000 }),
      false,
    ],
    [
      '6: A_part 20100.00, yes area 10050.00 (heads passing)',
      owners({ headsParticipating: 201, areaParticipating: 2_010_000, headsFor: 150, areaFor: 1_005_000 }),
      false,
    ],
    [
      '6: A_part 20100.00, yes area 10050.01 (heads passing)',
      owners({ headsParticipating: 201, areaParticipating: 2_010_000, headsFor: 150, areaFor: 1_005_001 }),
      true,
    ],
  ])('ordinary matter %s → %s', (_, c, passed) => {
    expect(evaluateOwners(ordinary, c).passed).toBe(passed);
  });

  test.each([
    ['150 yes with 15000.00 m²', 150, true],
    ['149 yes', 149, false],
  ])('7: matter (7), 200 participants, A_part 20000.00: %s → %s', (_, yes, passed) => {
    const r = evaluateOwners({ kind: 'OWNERS_ASSEMBLY', matter: 7 }, owners({ ...turnout, headsFor: yes, areaFor: 1_500_000 }));
    expect(r.passed).toBe(passed);
    expect(r.checks.filter((c) => c.what.startsWith('decision')).map((c) => c.threshold)).toEqual(['3/4', '3/4']);
  });

  // 10 units × 100 m²: U1–U4 four owners; owner P holds U5–U6; the developer holds U7–U10 unsold.
  const P = 5;
  const units: TUnit[] = [
    ...[1, 2, 3, 4].map((n) => ({ id: n, areaCentiM2: 10_000, voter: n })),
    { id: 5, areaCentiM2: 10_000, voter: P },
    { id: 6, areaCentiM2: 10_000, voter: P },
    ...[7, 8, 9, 10].map((n) => ({ id: n, areaCentiM2: 10_000, voter: 'DEVELOPER' as const })),
  ];
  const ballots = (entries: [number | 'DEVELOPER', TChoice][]) => new Map(entries);
  const settings = { parkingCountsInArea: false };

  test('8: N_total = 6, A_total = 1000 m²', () => {
    expect(countOwners(units, new Map(), settings)).toMatchObject({ headsTotal: 6, areaTotal: 100_000 });
  });

  test('8a: voters U1, U2, U3, P (4 people, 500 m²) → turnout fails on area', () => {
    const c = countOwners(
      units,
      ballots([
        [1, 'FOR'],
        [2, 'FOR'],
        [3, 'AGAINST'],
        [P, 'FOR'],
      ]),
      settings,
    );
    expect([c.headsParticipating, c.areaParticipating]).toEqual([4, 50_000]);
    const r = evaluateOwners(ordinary, c);
    expect([check(r, 'turnoutHeads'), check(r, 'turnoutArea'), r.code]).toEqual([true, false, 'turnoutFailed']);
  });

  test('8b: voters U1, U2, P, developer; ordinary; yes = developer + U1 → turnout holds; fails on heads though area passes', () => {
    const c = countOwners(
      units,
      ballots([
        [1, 'FOR'],
        [2, 'AGAINST'],
        [P, 'ABSTAIN'],
        ['DEVELOPER', 'FOR'],
      ]),
      settings,
    );
    expect([c.headsParticipating, c.areaParticipating, c.headsFor, c.areaFor]).toEqual([4, 80_000, 2, 50_000]);
    const r = evaluateOwners(ordinary, c);
    expect([check(r, 'turnoutHeads'), check(r, 'turnoutArea'), check(r, 'decisionHeads'), check(r, 'decisionArea'), r.passed]).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
  });

  test('8c: same voters, matter (6)–(8), yes = developer, P, U1 → pass (12 ≥ 12, 2800 ≥ 2400)', () => {
    const c = countOwners(
      units,
      ballots([
        [1, 'FOR'],
        [2, 'AGAINST'],
        [P, 'FOR'],
        ['DEVELOPER', 'FOR'],
      ]),
      settings,
    );
    expect([c.headsFor, c.areaFor]).toEqual([3, 70_000]);
    expect(evaluateOwners({ kind: 'OWNERS_ASSEMBLY', matter: 6 }, c).passed).toBe(true);
  });

  test('parking spaces count toward area only where the compound says so', () => {
    const withParking: TUnit[] = [...units, { id: 11, areaCentiM2: 1_250, voter: 1, isParking: true }];
    expect(countOwners(withParking, new Map(), { parkingCountsInArea: false }).areaTotal).toBe(100_000);
    expect(countOwners(withParking, new Map(), { parkingCountsInArea: true })).toMatchObject({ headsTotal: 6, areaTotal: 101_250 });
  });

  test('ballots of people who own nothing are ignored', () => {
    expect(countOwners(units, ballots([[99, 'FOR']]), settings).headsParticipating).toBe(0);
  });

  test('14: silent-follow-majority ON, 150 of 300 vote → turnout still fails', () => {
    const r = evaluateOwners(
      { ...ordinary, silentFollowMajority: true },
      owners({ headsParticipating: 150, areaParticipating: 1_500_000, headsFor: 150, areaFor: 1_500_000 }),
    );
    expect([r.passed, r.code]).toEqual([false, 'turnoutFailed']);
  });
});

describe('§8 bodies with a roster', () => {
  test.each([
    ['210 attend', { roster: 420, present: 210, for: 210 }, 'noQuorum'],
    ['211 attend, 106 yes', { roster: 420, present: 211, for: 106 }, 'passed'],
    ['211 attend, 105 yes', { roster: 420, present: 211, for: 105 }, 'failed'],
  ])('9: residents’ meeting of 420 households, %s → %s', (_, t, code) => {
    expect(evaluateBody({ kind: 'RESIDENTS_MEETING' }, t).code).toBe(code);
  });

  test.each([
    [25, 'passed'],
    [24, 'failed'],
  ])('10: 37-member body, two thirds of all: %i yes → %s, whatever the abstentions', (yes, code) => {
    for (const present of [yes, 30, 37]) {
      const r = evaluateBody({ kind: 'ROSTER_FRACTION', fraction: TWO_THIRDS }, { roster: 37, present, for: yes });
      expect(r.code).toBe(code);
      expect(r.checks[0]).toMatchObject({ base: 'ROSTER', denominator: 37, least: 25, count: yes });
    }
  });

  test.each([
    ['4 present, 4 yes', { roster: 7, present: 4, for: 4 }, 'passed'],
    ['4 present, 3 yes', { roster: 7, present: 4, for: 3 }, 'failed'],
    ['3 present', { roster: 7, present: 3, for: 3 }, 'noQuorum'],
  ])('11: owners’ committee of 7, %s → %s', (_, t, code) => {
    expect(evaluateBody({ kind: 'OWNERS_COMMITTEE', jurisdiction: 'NATIONAL' }, t).code).toBe(code);
  });

  test.each([
    ['NATIONAL', 'passed'],
    ['BEIJING_SHANGHAI', 'failed'],
  ] as const)('12: owners’ committee of 6, 3 yes, %s setting → %s', (jurisdiction, code) => {
    expect(evaluateBody({ kind: 'OWNERS_COMMITTEE', jurisdiction }, { roster: 6, present: 4, for: 3 }).code).toBe(code);
  });

  test('party members’ meeting: two thirds present, more than half of those present', () => {
    expect(evaluateBody({ kind: 'PARTY_MEMBERS_MEETING' }, { roster: 30, present: 19, for: 19 }).code).toBe('noQuorum');
    expect(evaluateBody({ kind: 'PARTY_MEMBERS_MEETING' }, { roster: 30, present: 20, for: 11 }).code).toBe('passed');
    expect(evaluateBody({ kind: 'PARTY_MEMBERS_MEETING' }, { roster: 30, present: 20, for: 10 }).code).toBe('failed');
  });

  test('15: home-to-business change, 30 interested owners, 29 consent → fail', () => {
    expect(evaluateBody({ kind: 'UNANIMOUS_INTERESTED' }, { roster: 30, present: 30, for: 29 }).passed).toBe(false);
    expect(evaluateBody({ kind: 'UNANIMOUS_INTERESTED' }, { roster: 30, present: 30, for: 30 }).passed).toBe(true);
  });
});

describe('§8 notice period', () => {
  test.each([
    ['2025-07-01', true],
    ['2025-07-02', false],
  ])('13: assembly on 2025-07-16, notice %s → in time: %s', (notice, ok) => {
    expect(noticeIsInTime(notice, '2025-07-16')).toBe(ok);
  });
});

describe('a result explains itself', () => {
  const catalogue = (locale: string) =>
    JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../messages', locale, 'votes.json'), 'utf8'));
  test.each([
    ['zh-CN', 25, '赞成 25 票，应到 37 人，需三分之二以上（至少 25 票），通过'],
    ['zh-CN', 24, '赞成 24 票，应到 37 人，需三分之二以上（至少 25 票），未通过'],
    ['en', 25, '25 for, 37 members, two thirds or more needed (at least 25): passed'],
  ])('%s, %i for', (locale, yes, sentence) => {
    const t = createTranslator({ locale, messages: catalogue(locale) });
    const r = evaluateBody({ kind: 'ROSTER_FRACTION', fraction: TWO_THIRDS }, { roster: 37, present: 37, for: yes });
    const c = r.checks[0]!;
    expect(
      t('rosterSentence', {
        count: c.count,
        denominator: c.denominator,
        least: c.least,
        threshold: t(`threshold.${c.threshold}`),
        outcome: t(`outcome.${r.passed ? 'passed' : 'failed'}`),
      }),
    ).toBe(sentence);
  });
});
