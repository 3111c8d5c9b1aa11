import { describe, expect, test } from 'vitest';
import { BUILT_IN_CATEGORIES, categoryFromIssues, plannedWhen } from '@/domain/consultation/categories';

describe('a topic taken up from issues gets their category where it obviously fits', () => {
  test.each([
    [['PARKING'], 'PARKING'],
    [['PARKING', 'PARKING'], 'PARKING'],
    [['FEES'], 'PROPERTY'],
    [['PROPERTY', 'FEES'], 'PROPERTY'],
    [['SECURITY'], 'SAFETY'],
    [['NEIGHBOUR'], 'DISPUTES'],
    [['ENVIRONMENT'], 'ENVIRONMENT'],
    [['FACILITIES'], 'FACILITIES'],
    [['OTHER'], null],
    [['PARKING', 'OTHER'], null],
    [['PARKING', 'FACILITIES'], null],
    [['DISTRICT_OWN'], null],
    [[], null],
  ])('%j → %s', (codes, expected) => {
    expect(categoryFromIssues(codes)).toBe(expected);
  });
  test('every mapped category is a built-in', () => {
    for (const c of ['PARKING', 'PROPERTY', 'FEES', 'ENVIRONMENT', 'SECURITY', 'FACILITIES', 'NEIGHBOUR'])
      expect(BUILT_IN_CATEGORIES).toContain(categoryFromIssues([c]));
  });
});

describe('a line is planned for a quarter or a month, or neither', () => {
  test.each([
    [null, null, 'ok'],
    [1, null, 'ok'],
    [4, null, 'ok'],
    [null, 1, 'ok'],
    [null, 12, 'ok'],
    [2, 5, 'both'],
    [0, null, 'range'],
    [5, null, 'range'],
    [null, 0, 'range'],
    [null, 13, 'range'],
    [1.5, null, 'range'],
  ] as const)('quarter %s, month %s → %s', (q, m, expected) => {
    expect(plannedWhen(q, m)).toBe(expected);
  });
});
