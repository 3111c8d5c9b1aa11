/**
 * Whether a password is too weak for an administrator, and why (a message key under errors.password).
 * Pure: no dictionary download; the lists hold what people reach for first.
 */
export const ADMIN_PASSWORD_MIN = 10;

export type TWeakness = 'tooShort' | 'oneKind' | 'common' | 'repeated' | 'containsPhone';

const COMMON = [
  'password',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'admin',
  'administrator',
  'yishi',
  'welcome',
  'iloveyou',
  'abc',
  // Pinyin favourites.
  'woaini',
  'nihao',
  'zhongguo',
  'aini',
];
/** Runs people type without thinking: counting, the alphabet, keyboard rows and columns. */
const SEQUENCES = [
  '01234567890',
  '09876543210',
  'abcdefghijklmnopqrstuvwxyz',
  'zyxwvutsrqponmlkjihgfedcba',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb',
  'qazwsxedcrfvtgb',
];
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '3': 'e', $: 's', '5': 's', '1': 'i', '!': 'i', '7': 't' };

function kinds(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length;
}

/** The password's letters without leading and trailing digits and symbols, lower case: "Password123!" → "password". */
const stem = (p: string) =>
  p
    .toLowerCase()
    .replace(/[^a-z]+$/, '')
    .replace(/^[^a-z]+/, '');

/** "P@ssw0rd" → "password": the usual substitutions undone (the ends are cut first, so "word123" stays "word"). */
const unleet = (p: string) => [...stem(p)].map((c) => LEET[c] ?? c).join('');

/** The longest stretch of the password that is a run of one of the sequences. */
function longestRun(lower: string): number {
  let best = 0;
  for (let i = 0; i < lower.length; i += 1) {
    for (let j = lower.length; j - i > best; j -= 1) {
      if (SEQUENCES.some((s) => s.includes(lower.slice(i, j)))) best = j - i;
    }
  }
  return best;
}

export function passwordWeakness(password: string, context: { phone?: string | null }): TWeakness | null {
  const chars = [...password];
  if (chars.length < ADMIN_PASSWORD_MIN) return 'tooShort';
  const lower = password.toLowerCase();
  if (context.phone && password.includes(context.phone)) return 'containsPhone';
  if ([stem(password), unleet(password), lower].some((w) => COMMON.includes(w))) return 'common';
  // A run of six or more from a counting or keyboard sequence making half the password or more.
  const run = longestRun(lower);
  if (run >= 6 && run * 2 >= chars.length) return 'common';
  if (new Set(chars).size <= 3) return 'repeated';
  if (kinds(password) < 2 && !/[^\x00-\x7f]/.test(password)) return 'oneKind';
  return null;
}
