import { describe, expect, test } from 'vitest';
import { ZDate } from '@/features/shared/forms';
import { ZLocalTime } from '@/features/surveys/schemas';

// A day that does not exist used to pass the pattern and reach the use cases, where Date arithmetic threw (a 500):
// it is refused at the form, in words (field.date).
describe('dates typed in forms', () => {
  test.each([
    ['2026-12-04', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-1-4', false],
    ['', false],
  ])('ZDate %s → %s', (s, ok) => {
    const r = ZDate.safeParse(s);
    expect(r.success).toBe(ok);
    if (!r.success) expect(r.error.issues[0]!.message).toBe('field.date');
  });

  test.each([
    ['2026-12-05T14:30', true],
    ['2026-12-05T24:00', false],
    ['2026-12-05T99:99', false],
    ['2026-02-30T08:00', false],
  ])('ZLocalTime %s → %s', (s, ok) => {
    expect(ZLocalTime.safeParse(s).success).toBe(ok);
  });
});
