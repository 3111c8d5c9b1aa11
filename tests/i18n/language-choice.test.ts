import { NextRequest } from 'next/server';
import { describe, expect, test } from 'vitest';
import proxy from '@/proxy';

/** What the proxy answers a document request for a page: a redirect target, or the page (no redirect), and whether it set the cookie. */
function visit(path: string, headers: Record<string, string> = {}) {
  const response = proxy(new NextRequest(`http://yishi.example.cn${path}`, { headers: { 'sec-fetch-dest': 'document', ...headers } }));
  const location = response.headers.get('location');
  return {
    redirect: location ? new URL(location).pathname : null,
    cookie: response.headers.get('set-cookie')?.match(/YISHI_LANG=[^;]*/)?.[0] ?? null,
  };
}

describe('Chinese for everyone; English only by the visitor’s explicit choice (the switch)', () => {
  test.each([
    ['a Chinese phone, no choice', '/places', {}, null, null],
    ['an English phone (Accept-Language) stays Chinese', '/places', { 'accept-language': 'en-US,en;q=0.9' }, null, null],
    ['an English phone on the home page stays Chinese', '/', { 'accept-language': 'en' }, null, null],
    ['an /en link shows English and remembers nothing', '/en/places', {}, null, null],
    ['an /en link with an English phone remembers nothing either', '/en/board/n/1', { 'accept-language': 'en' }, null, null],
    ['an /en link does not overwrite a Chinese choice', '/en/places', { cookie: 'YISHI_LANG=zh-CN' }, null, null],
    ['the remembered English choice opens the English page', '/places', { cookie: 'YISHI_LANG=en' }, '/en/places', null],
    ['… and the English home page', '/', { cookie: 'YISHI_LANG=en' }, '/en', null],
    ['the remembered Chinese choice stays Chinese', '/places', { cookie: 'YISHI_LANG=zh-CN' }, null, null],
    ['a made-up cookie value is ignored', '/places', { cookie: 'YISHI_LANG=fr' }, null, null],
    // The cookie the old rule wrote on one /en visit (for a year) no longer counts: such phones are Chinese again.
    ['a phone stuck in English by the old rule is Chinese again', '/places', { cookie: 'YISHI_LOCALE=en' }, null, null],
  ])('%s', (_, path, headers, redirect, cookie) => {
    expect(visit(path, headers)).toEqual({ redirect, cookie });
  });

  test('the query string survives the redirect to the remembered language', () => {
    const response = proxy(new NextRequest('http://yishi.example.cn/places?q=jysq', { headers: { cookie: 'YISHI_LANG=en' } }));
    expect(new URL(response.headers.get('location')!).search).toBe('?q=jysq');
  });
});
