import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD_MIN, passwordWeakness } from '@/domain/accounts/password-strength';

// An administrator's password guards every account of a district: long, of more than one kind of character,
// not a well-known password, not the phone number.
describe('passwordWeakness (administrators)', () => {
  test.each([
    ['', 'tooShort'],
    ['Ab3$xyz', 'tooShort'],
    ['Abcdefg1!', 'tooShort'], // 9 < 10
    ['1357924680', 'oneKind'],
    ['qmzpwoxneiru', 'oneKind'],
    ['QMZPWOXNEIRU', 'oneKind'],
    ['abcdefghijkl', 'common'],
    ['password123', 'common'],
    ['Password123', 'common'],
    ['qwerty123456', 'common'],
    ['1234567890a', 'common'],
    ['yishi123456', 'common'],
    ['aaaaaaaaaa1', 'repeated'],
    ['x13800138000', 'containsPhone'],
    ['13800138000ab', 'containsPhone'],
    // Keyboard walks, alphabet runs, l33t and pinyin favourites (found accepted in review).
    ['Abcdefghij', 'common'],
    ['Asdfghjkl1', 'common'],
    ['Zxcvbnm123', 'common'],
    ['Abcdef1234', 'common'],
    ['1qaz2wsx3edc', 'common'],
    ['P@ssw0rd123', 'common'],
    ['Woaini1314!', 'common'],
    ['Chengdu-wuhou-7', null],
    ['锦江区管理员2026!', null],
    ['correct horse battery staple', null],
  ])('%j → %s', (password, expected) => {
    expect(passwordWeakness(password, { phone: '13800138000' })).toBe(expected);
  });

  test('the minimum is 10 characters, counted as characters (not bytes)', () => {
    expect(ADMIN_PASSWORD_MIN).toBe(10);
    expect(passwordWeakness('区管理员密码很长的1', {})).toBeNull(); // 10 characters, 28 bytes
    expect(passwordWeakness('管理员密码很长的1', {})).toBe('tooShort'); // 9
  });
});
