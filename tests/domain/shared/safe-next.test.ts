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
    // Dot segments that resolve to a path starting with "//" would be read as another host when followed.
    ['/.//evil.com', '/fallback'],
    ['/%2e//evil.com', '/fallback'],
    ['/a/..//evil.com', '/fallback'],
    [undefined, '/fallback'],
  ])('%j → %s', (raw, want) => {
    expect(safeNext(raw, '/fallback')).toBe(want);
  });
});
