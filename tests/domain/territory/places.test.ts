import { describe, expect, test } from 'vitest';
import { isWithin, levelOf, type TAncestry, type TPlaceRef } from '@/domain/territory/places';

const compoundIn: TAncestry = { district: 1, street: 10, community: 100, compound: 1000 };

describe('isWithin: does a place lie inside another?', () => {
  test.each<[string, TAncestry, TPlaceRef, boolean]>([
    ['its own district', compoundIn, { level: 'district', id: 1 }, true],
    ['its own street', compoundIn, { level: 'street', id: 10 }, true],
    ['itself', compoundIn, { level: 'compound', id: 1000 }, true],
    ['another street', compoundIn, { level: 'street', id: 11 }, false],
    ['another district', compoundIn, { level: 'district', id: 2 }, false],
    ['a building of it (a place cannot lie inside a smaller one)', compoundIn, { level: 'building', id: 5 }, false],
  ])('a compound and %s', (_, inner, outer, expected) => expect(isWithin(inner, outer)).toBe(expected));
});

describe('levelOf', () => {
  test.each<[TAncestry, string | null]>([
    [{ district: 1 }, 'district'],
    [compoundIn, 'compound'],
    [{ ...compoundIn, building: 3 }, 'building'],
    [{}, null],
  ])('%j → %s', (a, level) => expect(levelOf(a)).toBe(level));
});
