import { describe, expect, test } from 'vitest';
import { evaluateOwners } from '@/domain/votes/evaluate';
import { choiceCounts, ownerCounts, tallyText, turnout, turnoutOf } from '@/domain/votes/tally';

// rules.md vector 8: 10 units × 100 m²; U1–U4 four owners; P holds U5–U6; the developer U7–U10 (key 0).
const voters = [
  { key: 1, area: 10_000 },
  { key: 2, area: 10_000 },
  { key: 3, area: 10_000 },
  { key: 4, area: 10_000 },
  { key: 5, area: 20_000 },
  { key: 0, area: 40_000 },
];

describe('owners’ counts from the frozen roster', () => {
  test('8: N_total = 6, A_total = 1000 m²', () => {
    expect(ownerCounts(voters, [])).toMatchObject({ headsTotal: 6, areaTotal: 100_000 });
  });
  test('8a: U1, U2, U3, P vote (4 people, 500 m²): turnout fails on area', () => {
    const c = ownerCounts(
      voters,
      [1, 2, 3, 5].map((key) => ({ key, choice: 'FOR' as const })),
    );
    expect([c.headsParticipating, c.areaParticipating]).toEqual([4, 50_000]);
    expect(evaluateOwners({ kind: 'OWNERS_ASSEMBLY', matter: 9 }, c).code).toBe('turnoutFailed');
  });
  test('8b: U1, U2, P, developer vote; yes = developer + U1: turnout holds; fails on heads though area passes', () => {
    const c = ownerCounts(voters, [
      { key: 0, choice: 'FOR' },
      { key: 1, choice: 'FOR' },
      { key: 2, choice: 'AGAINST' },
      { key: 5, choice: 'ABSTAIN' },
    ]);
    const r = evaluateOwners({ kind: 'OWNERS_ASSEMBLY', matter: 9 }, c);
    expect([r.code, r.checks.find((x) => x.what === 'decisionArea')?.met, r.checks.find((x) => x.what === 'decisionHeads')?.met]).toEqual([
      'failed',
      true,
      false,
    ]);
  });
  test('8c: matter (6)–(8), yes = developer, P, U1 (3 people, 700 m²): passes', () => {
    const c = ownerCounts(voters, [
      { key: 0, choice: 'FOR' },
      { key: 5, choice: 'FOR' },
      { key: 1, choice: 'FOR' },
      { key: 2, choice: 'AGAINST' },
    ]);
    expect(evaluateOwners({ kind: 'OWNERS_ASSEMBLY', matter: 7 }, c).passed).toBe(true);
  });
  test('a ballot from someone not on the roster is never counted', () => {
    expect(ownerCounts(voters, [{ key: 99, choice: 'FOR' }]).headsParticipating).toBe(0);
  });
});

test('turnout while open: shown as fractions with the least count, never a rounded percentage (4 of 6 is two thirds)', () => {
  expect(
    turnout(
      voters,
      [1, 2, 3, 5].map((key) => ({ key, choice: 'FOR' as const })),
      true,
    ),
  ).toEqual({ heads: { n: 4, d: 6, least: 4 }, area: { n: 50_000, d: 100_000, least: 66_667 }, reached: false });
  expect(
    turnout(
      voters,
      [0, 1, 2, 5].map((key) => ({ key, choice: 'FOR' as const })),
      true,
    ),
  ).toEqual({ heads: { n: 4, d: 6, least: 4 }, area: { n: 80_000, d: 100_000, least: 66_667 }, reached: true });
  expect(
    turnout(
      voters,
      [0, 1, 2].map((key) => ({ key, choice: 'FOR' as const })),
      true,
    ).reached,
  ).toBe(false);
});

test('for / against / abstain, and a hash text that does not depend on order', () => {
  expect(choiceCounts(['FOR', 'FOR', 'AGAINST', null, 'ABSTAIN'])).toEqual({ for: 2, against: 1, abstain: 1 });
  const a = tallyText(
    { kind: 'X' },
    voters,
    [
      { key: 2, choice: 'FOR' },
      { key: 1, choice: null },
    ],
    ['AGAINST', 'FOR'],
  );
  const b = tallyText(
    { kind: 'X' },
    [...voters].reverse(),
    [
      { key: 1, choice: null },
      { key: 2, choice: 'FOR' },
    ],
    ['FOR', 'AGAINST'],
  );
  expect(a).toBe(b);
  expect(tallyText({ kind: 'X' }, voters, [{ key: 2, choice: 'AGAINST' }], [])).not.toBe(
    tallyText({ kind: 'X' }, voters, [{ key: 2, choice: 'FOR' }], []),
  );
});

describe('turnout from summed counts (the motion page reads one aggregate row)', () => {
  test.each([
    [
      'nobody voted',
      [
        [1, 100],
        [2, 200],
        [3, 300],
      ],
      [],
    ],
    [
      'exactly two thirds of heads',
      [
        [1, 100],
        [2, 200],
        [3, 300],
      ],
      [1, 2],
    ],
    [
      'a ballot off the roster is never counted',
      [
        [1, 100],
        [2, 200],
      ],
      [2, 9],
    ],
    [
      'everyone',
      [
        [1, 1],
        [2, 1],
        [3, 1],
      ],
      [1, 2, 3],
    ],
  ] as [string, [number, number][], number[]][])('%s', (_, roll, keys) => {
    const voters = roll.map(([key, area]) => ({ key, area }));
    const ballots = keys.map((key) => ({ key, choice: 'FOR' as const }));
    for (const owners of [true, false]) expect(turnoutOf(ownerCounts(voters, ballots), owners)).toEqual(turnout(voters, ballots, owners));
  });
});
