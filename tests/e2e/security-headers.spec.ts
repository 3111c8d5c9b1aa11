import { expect, test } from '@playwright/test';

test('every page carries the security headers', async ({ request }) => {
  for (const url of ['/', '/en/places', '/places/c/510107009003']) {
    const res = await request.get(url);
    const h = res.headers();
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['x-powered-by']).toBeUndefined();
  }
});
