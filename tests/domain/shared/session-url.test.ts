import { describe, expect, test } from 'vitest';
import { sessionUrl } from '@/lib/public-url';

// Behind the README's HTTPS proxy, sessions were signed in with NEXTAUTH_URL defaulting to http://localhost:PORT, so
// the session cookie was not marked Secure unless NEXTAUTH_URL was set too. The site's own address decides.
describe('sessionUrl: the address next-auth and the sign-in route judge "served over HTTPS" by', () => {
  test.each([
    [{ NEXTAUTH_URL: 'https://a.example', YISHI_PUBLIC_URL: 'https://b.example' }, 'https://a.example'],
    [{ YISHI_PUBLIC_URL: 'https://yishi.example.gov.cn' }, 'https://yishi.example.gov.cn'],
    [{ YISHI_PUBLIC_URL: 'http://10.0.0.5:3000' }, 'http://10.0.0.5:3000'],
    [{}, 'http://localhost:3000'],
  ])('%j → %s', (env, url) => {
    expect(sessionUrl(env, 3000)).toBe(url);
  });
});
