import { describe, expect, test } from 'vitest';
import { safeNext } from '@/domain/shared/safe-next';

describe('only same-site paths are followed after sign-in', () => {
  test.each([
    ['/account', '/account'],
    ['/en/topics/12?tab=votes#result', '/en/topics/12?tab=votes#result'],
    ['/\t/evil.com', '/fallback'],
    ['/\n/evil.com', '/fallback'],
    ['/%09/evil.com', '/%09/evil.com'],
    ['//evil.com', '/fallback'],
    ['/\\evil.com', '/fallback'],
    ['https://evil.com', '/fallback'],
    ['/ /evil.com', '/fallback'],
    ['account', '/fallback'],
    [undefined, '/fallback'],
  ])('%j → %s', (raw, want) => {
    expect(safeNext(raw, '/fallback')).toBe(want);
  });
});
