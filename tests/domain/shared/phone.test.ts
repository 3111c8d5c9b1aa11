import { describe, expect, test } from 'vitest';
import { maskPhone, normalisePhone } from '@/domain/shared/phone';

describe('normalisePhone', () => {
  test.each([
    ['13812341234', '13812341234'],
    ['138 1234 1234', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['+8613812341234', '13812341234'],
    ['8613812341234', '13812341234'],
    ['１３８１２３４１２３４', '13812341234'],
    ['12812341234', null], // no mainland mobile prefix 12x
    ['1381234123', null],
    ['138123412345', null],
    ['', null],
  ])('%j → %j', (input, out) => expect(normalisePhone(input)).toBe(out));
});

describe('maskPhone', () => {
  test.each([
    ['13812341234', '138****1234'],
    ['1381234', '****'],
    ['', '****'],
  ])('%j → %j', (input, out) => expect(maskPhone(input)).toBe(out));
});
