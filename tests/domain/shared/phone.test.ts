import { describe, expect, test } from 'vitest';
import { maskPhone, normaliseCallerPhone, normalisePhone } from '@/domain/shared/phone';

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

describe('normaliseCallerPhone: a hotline caller may give a landline (area code, then the local number)', () => {
  test.each([
    ['028-85551234', '028-85551234'],
    ['02885551234', '028-85551234'],
    ['(028) 8555 1234', '028-85551234'],
    ['（028）85551234', '028-85551234'],
    ['+86 28 8555 1234', '028-85551234'],
    ['010-6512345', '010-6512345'],
    ['0755-86013388', '0755-86013388'],
    ['0838 2212345', '0838-2212345'],
    ['138 1234 1234', '13812341234'],
    ['028-05551234', null], // a local number starts with 2-9
    ['028-8555', null],
    ['12345', null],
    ['', null],
  ])('%j → %j', (input, out) => expect(normaliseCallerPhone(input)).toBe(out));
});

describe('maskPhone', () => {
  test.each([
    ['13812341234', '138****1234'],
    ['1381234', '****'],
    ['', '****'],
  ])('%j → %j', (input, out) => expect(maskPhone(input)).toBe(out));
});
