import { describe, expect, test } from 'vitest';
import { crossOriginAction, servedOverHttps } from '@/lib/security-headers';

const h = (o: Record<string, string>) => new Headers(o);
const HOST = { host: 'yishi.example.cn' };

describe('which POSTs are cross-origin server actions (refused with 403 by the proxy)', () => {
  test.each([
    ['a Next-Action POST from another site', 'POST', { ...HOST, 'next-action': 'abc', origin: 'https://evil.example' }, false, true],
    ['a Next-Action POST from this site', 'POST', { ...HOST, 'next-action': 'abc', origin: 'https://yishi.example.cn' }, true, false],
    ['a Next-Action POST from "null"', 'POST', { ...HOST, 'next-action': 'abc', origin: 'null' }, true, true],
    ['a Next-Action POST without Origin (left to Next.js)', 'POST', { ...HOST, 'next-action': 'abc' }, true, false],
    [
      'a form action (multipart, no JavaScript) from another site',
      'POST',
      { ...HOST, 'content-type': 'multipart/form-data; boundary=x', origin: 'https://evil.example' },
      true,
      true,
    ],
    [
      'an urlencoded form POST to a page from another site',
      'POST',
      { ...HOST, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      true,
      true,
    ],
    [
      'a form POST to a route handler (it checks its own)',
      'POST',
      { ...HOST, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      false,
      false,
    ],
    [
      'behind a proxy that forwards the host',
      'POST',
      { host: '10.0.0.5:3000', 'x-forwarded-host': 'yishi.example.cn', 'next-action': 'a', origin: 'https://yishi.example.cn' },
      true,
      false,
    ],
    ['a GET', 'GET', { ...HOST, 'next-action': 'abc', origin: 'https://evil.example' }, true, false],
  ])('%s', (_, method, headers, page, refused) => {
    expect(crossOriginAction(method, h(headers), page)).toBe(refused);
  });
});

describe('HSTS only over HTTPS', () => {
  test.each([
    ['http:', null, false],
    ['https:', null, true],
    ['http:', 'https', true],
    ['http:', 'https, http', true],
    ['http:', 'http', false],
  ])('%s with X-Forwarded-Proto %s', (protocol, forwarded, https) => {
    expect(servedOverHttps(protocol, forwarded)).toBe(https);
  });
});
