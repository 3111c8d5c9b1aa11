import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createPublicCache, listenForPublicChanges, type TPublicCache } from '../../../scripts/public-cache.mjs';
import { publishManualNotice } from '@/server/notices/board';
import { listBoard } from '@/server/notices/read-board';
import { byUser, world } from '../accounts/support';

// The cache of scripts/serve.mjs in front of a stand-in for Next's handler that renders the real board (listBoard)
// the way the app does for an anonymous visitor: a fresh CSP nonce per render, the language from the path.
let w: Awaited<ReturnType<typeof world>>;
let cache: TPublicCache;
let stop: () => Promise<void>;
let server: http.Server;
let base: string;
let renders = 0;
/** Runs in the middle of a render (a change that commits while a page is being rendered). */
let midRender: (() => void) | undefined;

async function render(req: http.IncomingMessage, res: http.ServerResponse) {
  renders += 1;
  const url = new URL(req.url ?? '/', 'http://x');
  const cookie = url.searchParams.get('cookie');
  // next-intl remembers the language of a page in YISHI_LANG; anything else stands for a per-visitor cookie.
  if (cookie === 'locale')
    res.setHeader('Set-Cookie', 'YISHI_LANG=zh-CN; Path=/; Expires=Fri, 03 Dec 2027 06:08:56 GMT; Max-Age=31536000; SameSite=lax');
  if (cookie === 'session') res.setHeader('Set-Cookie', ['YISHI_LANG=zh-CN; Path=/', 'next-auth.session-token=abc; Path=/; HttpOnly']);
  if (cookie === 'other') res.setHeader('Set-Cookie', 'YISHI_LANG=zh-CN; Path=/; Domain=evil.example');
  if (url.searchParams.has('redirect')) {
    res.statusCode = 307;
    res.setHeader('Location', '/en/board/c/510107009003');
    return void res.end();
  }
  const english = url.pathname.startsWith('/en/') || /^en\b/.test(req.headers['accept-language'] ?? '');
  const board = await listBoard({ communityCode: url.pathname.split('/').at(-1)! });
  midRender?.();
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', `script-src 'nonce-${randomBytes(16).toString('base64')}'`);
  res.write(`<html lang="${english ? 'en' : 'zh-CN'}"><h1>${english ? 'Notice board' : '公告栏'}</h1>`);
  res.end(`<ul>${(board?.notices ?? []).map((n) => `<li>${n.title}</li>`).join('')}</ul></html>`);
}

type TGot = { status: number; cache: string | null; csp: string | null; cookie: string | null; body: string };
async function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<TGot> {
  const r = await fetch(`${base}${path}`, { method, headers, redirect: 'manual' });
  return {
    status: r.status,
    cache: r.headers.get('x-yishi-cache'),
    csp: r.headers.get('content-security-policy'),
    cookie: r.headers.get('set-cookie'),
    body: await r.text(),
  };
}
const BOARD = '/board/c/510107009003';
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
};

beforeAll(async () => {
  w = await world();
  cache = createPublicCache();
  stop = listenForPublicChanges(pg, process.env.DATABASE_URL!, cache);
  server = http.createServer((req, res) => void cache.handle(req, res, render));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await until(() => cache.listening);
  expect(cache.listening).toBe(true);
});
afterAll(async () => {
  await stop();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  midRender = undefined;
  cache.invalidate();
});

const publish = async (title: string) =>
  publishManualNotice(await byUser(w.staff.jinyangSecretary.id, '刘书记'), {
    place: `community:${w.jinyang.id}`,
    category: 'RESIDENTS',
    title,
    period: { days: 7, unit: 'CALENDAR' },
    html: '<p>通知内容。</p>',
  });

describe('the public page cache', () => {
  test('an anonymous second GET of the board is a hit: the same body and the same CSP nonce; HEAD too', async () => {
    const first = await get(BOARD);
    const second = await get(BOARD);
    expect([first.status, first.cache, second.status, second.cache]).toEqual([200, 'miss', 200, 'hit']);
    expect(second.body).toBe(first.body);
    expect(second.csp).toBe(first.csp);
    const head = await get(BOARD, {}, 'HEAD');
    expect([head.status, head.cache, head.body]).toEqual([200, 'hit', '']);
  });

  test('publishing a notice (a database write by the use case) makes the next GET a miss showing it', async () => {
    await get(BOARD);
    expect((await get(BOARD)).cache).toBe('hit');
    await publish('电梯维修停运通知');
    await until(() => cache.size === 0);
    const after = await get(BOARD);
    expect(after.cache).toBe('miss');
    expect(after.body).toContain('电梯维修停运通知');
    expect((await get(BOARD)).cache).toBe('hit');
  });

  test('a write that rolls back invalidates nothing; a render under way when a change commits is not stored', async () => {
    await get(BOARD);
    const db = w.db;
    await db
      .$transaction(async (tx) => {
        await tx.community.update({ where: { id: w.jinyang.id }, data: { name: `${w.jinyang.name}` } });
        throw new Error('rolled back');
      })
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 200));
    expect((await get(BOARD)).cache).toBe('hit');
    cache.invalidate();
    midRender = () => cache.invalidate();
    expect((await get(BOARD)).cache).toBe('miss');
    midRender = undefined;
    expect((await get(BOARD)).cache).toBe('miss');
    expect((await get(BOARD)).cache).toBe('hit');
  });

  test('a signed-in request is never served from the cache and never stored', async () => {
    const session = { cookie: 'next-auth.session-token=eyJ.some.token; YISHI_LANG=zh-CN' };
    const before = renders;
    expect((await get(BOARD, session)).cache).toBe('bypass');
    expect((await get(BOARD, { cookie: '__Secure-next-auth.session-token.0=part' })).cache).toBe('bypass');
    expect((await get(BOARD)).cache).toBe('miss');
    expect((await get(BOARD, session)).cache).toBe('bypass');
    expect(renders - before).toBe(4);
    expect((await get(BOARD, { cookie: 'unknown=1' })).cache).toBe('bypass');
  });

  test('a response setting any cookie but the language a page is in, a redirect or a POST is never stored', async () => {
    const first = await get(`${BOARD}?cookie=locale`);
    const second = await get(`${BOARD}?cookie=locale`);
    expect([first.cache, second.cache, second.cookie]).toEqual(['miss', 'hit', first.cookie]);
    for (const q of ['?cookie=session', '?cookie=other', '?redirect=1']) {
      expect((await get(BOARD + q)).cache).toBe('miss');
      expect((await get(BOARD + q)).cache).toBe('miss');
    }
    const posted = await fetch(`${base}${BOARD}`, { method: 'POST', body: 'x' });
    expect(posted.headers.get('x-yishi-cache')).toBe(null);
    expect(cache.stats.stored).toBeGreaterThan(0);
  });

  test('Chinese and English are separate entries: by path, by Accept-Language, by the locale cookie', async () => {
    const zh = await get(BOARD);
    const en = await get(`/en${BOARD}`);
    const enByHeader = await get(BOARD, { 'accept-language': 'en-US,en;q=0.9' });
    const enByCookie = await get(BOARD, { cookie: 'YISHI_LANG=en' });
    expect([zh.cache, en.cache, enByHeader.cache, enByCookie.cache]).toEqual(['miss', 'miss', 'miss', 'miss']);
    expect((await get(BOARD)).body).toContain('公告栏');
    expect((await get(`/en${BOARD}`)).body).toContain('Notice board');
    expect((await get(BOARD, { 'accept-language': 'en-US,en;q=0.9' })).body).toContain('Notice board');
  });

  test('pages that are not public (account, admin, issues, the API) are never cached', async () => {
    for (const p of ['/account', '/en/admin', '/issues/1', '/api/locale', '/board/c/510107009003/new', '/topics']) {
      expect((await get(p)).cache).toBe(null);
    }
  });
});
