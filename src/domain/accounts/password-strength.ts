/**
 * Whether a password is too weak for an administrator, and why (a message key under errors.password).
 * Pure: no dictionary download; the list holds what people reach for first.
 */
export const ADMIN_PASSWORD_MIN = 10;

export type TWeakness = 'tooShort' | 'oneKind' | 'common' | 'repeated' | 'containsPhone';

const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'admin',
  'administrator',
  'yishi',
  'welcome',
  'iloveyou',
  'abc123',
];
const SEQUENCES = ['0123456789', '9876543210', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function kinds(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length;
}

/** The password without its trailing digits and symbols, lower case: "Password123!" → "password". */
const stem = (p: string) =>
  p
    .toLowerCase()
    .replace(/[^a-z]+$/, '')
    .replace(/^[^a-z]+/, '');

export function passwordWeakness(password: string, context: { phone?: string | null }): TWeakness | null {
  const chars = [...password];
  if (chars.length < ADMIN_PASSWORD_MIN) return 'tooShort';
  const lower = password.toLowerCase();
  if (context.phone && password.includes(context.phone)) return 'containsPhone';
  if (COMMON.includes(stem(password)) || COMMON.includes(lower)) return 'common';
  // A run of six or more from a keyboard or counting sequence is most of the password.
  if (SEQUENCES.some((s) => [...Array(s.length - 5).keys()].some((i) => lower.includes(s.slice(i, i + 6)) && stem(lower).length < 4)))
    return 'common';
  if (new Set(chars).size <= 3) return 'repeated';
  if (kinds(password) < 2 && !/[^\x00-\x7f]/.test(password)) return 'oneKind';
  return null;
}
