import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cacheKey, createPublicCache, storableCookies } from '../../scripts/public-cache.mjs';

// The bounds of the public page cache (decision 032), with a stand-in page of a given size and a settable clock.
let clock = 0;
const cache = createPublicCache({ maxBytes: 25_000, maxEntryBytes: 12_000, ttlMs: 60_000, now: () => clock });
let server: http.Server;
let base = '';
beforeAll(async () => {
  cache.setListening(true);
  server = http.createServer(
    (req, res) =>
      void cache.handle(req, res, (_, r) => {
        r.setHeader('Content-Type', 'text/html');
        r.end('x'.repeat(Number(new URL(req.url!, 'http://x').searchParams.get('size'))));
      }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
const state = async (size: number) => (await fetch(`${base}/places?size=${size}`)).headers.get('x-yishi-cache');

test('a page is kept for the TTL, the least recently used goes first past the byte bound, an oversized page is never kept', async () => {
  expect([await state(10_000), await state(10_000)]).toEqual(['miss', 'hit']);
  clock += 60_001;
  expect([await state(10_000), await state(10_000)]).toEqual(['miss', 'hit']);
  expect([await state(10_001), await state(10_000)]).toEqual(['miss', 'hit']); // 10_000 used last
  expect([await state(10_002), await state(10_000), await state(10_001)]).toEqual(['miss', 'hit', 'miss']);
  expect([await state(13_000), await state(13_000)]).toEqual(['miss', 'miss']);
});

test('which requests have a key, and which cookies a kept page may set', () => {
  const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => cacheKey({ method, url, headers } as never);
  expect(
    ['/', '/en', '/places?q=晋阳', '/places/c/510107009003', '/en/board/n/12', '/board/verify', '/board/c/1/finance'].map(
      (u) => req(u) !== null,
    ),
  ).toEqual([true, true, true, true, true, true, true]);
  expect(
    ['/account', '/zh-CN/places', '/board/c/1/new', '/api/locale', '/issues/1', '/places/../account', '/admin/places/1'].map((u) => req(u)),
  ).toEqual([null, null, null, null, null, null, null]);
  // The load balancer's health check is always answered fresh (issue 17, item 8).
  expect([req('/api/health'), req('/api/health?x=1'), req('/en/api/health')]).toEqual([null, null, null]);
  expect(req('/places', { cookie: 'YISHI_LANG=en; yishi-device=abc' })).not.toBe(null);
  expect(req('/places', { cookie: 'YISHI_LANG=en; next-auth.session-token=abc' })).toBe(null);
  expect(req('/places', { rsc: '1' })).toBe(null);
  expect(req('/places', {}, 'POST')).toBe(null);
  expect(req('/places', { cookie: 'YISHI_LANG=en' })).not.toBe(req('/places', { cookie: 'YISHI_LANG=zh-CN' }));
  // The 大字 mode (decision 058) is kept too, apart from the usual page: elderly readers are the board's readers.
  expect(req('/places', { cookie: 'YISHI_CARE=1' })).not.toBe(null);
  expect(req('/places', { cookie: 'YISHI_CARE=1' })).not.toBe(req('/places'));
  expect(req('/places', { cookie: 'YISHI_CARE=1; YISHI_LANG=en' })).not.toBe(req('/places', { cookie: 'YISHI_LANG=en' }));
  // A WeChat link preview gets the share card in <head>; a browser's page (metadata streamed) is never served to it.
  const chrome = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36';
  const wechat = `${chrome} MicroMessenger/8.0.50.2701(0x28003253) NetType/WIFI Language/zh_CN`;
  expect(req('/board/n/12', { 'user-agent': wechat })).not.toBe(req('/board/n/12', { 'user-agent': chrome }));
  expect(req('/board/n/12', { 'user-agent': chrome })).toBe(req('/board/n/12', { 'user-agent': `${chrome} ` }));
  expect([undefined, 'YISHI_LANG=en; Path=/; Max-Age=31536000; SameSite=lax', ['YISHI_LANG=zh-CN; Path=/']].map(storableCookies)).toEqual([
    true,
    true,
    true,
  ]);
  expect(
    ['YISHI_LANG=en; Path=/; Domain=evil.example', ['YISHI_LANG=en', 'next-auth.session-token=x'], 'yishi-device=1'].map(storableCookies),
  ).toEqual([false, false, false]);
});
