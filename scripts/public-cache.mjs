// The response cache for public pages read by anonymous visitors (decision 032). It sits in scripts/serve.mjs in
// front of Next's request handler: a page is stored whole (status, headers with the CSP nonce it was rendered
// with, body) the first time an anonymous visitor gets it, and served from memory until the database says that
// something public changed (the 'yishi_public' channel, see listenForPublicChanges), a safety TTL passes, or
// the byte bound pushes it out. It only ever serves while the database listener is connected.

import { HTML_LIMITED_BOTS } from './html-bots.mjs';

/** The pages a visitor without a session sees the same way: home, places, the notice board and its notices. */
const PUBLIC_PAGE =
  /^(?:\/en)?(?:\/?|\/places(?:\/(?:c|d|s)\/[A-Za-z0-9_-]{1,40}(?:\/meetings)?|\/p\/\d{1,12})?|\/board\/(?:c\/[A-Za-z0-9_-]{1,40}(?:\/conventions|\/finance)?|n\/\d{1,12}|verify))\/?$/;
/** Cookies that change nothing in these pages (the language and the 大字 mode are part of the key). Any other cookie: not cached. */
const HARMLESS_COOKIES = new Set([
  'YISHI_LANG',
  // The language cookie of the old rule (one /en visit pinned a phone to English): read by nothing any more.
  'YISHI_LOCALE',
  'YISHI_CARE',
  'yishi-device',
  'next-auth.csrf-token',
  '__Host-next-auth.csrf-token',
  'next-auth.callback-url',
  '__Secure-next-auth.callback-url',
]);
/** Client-side navigations and actions ask for other payloads than the HTML document. */
const ROUTER_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-action',
  'authorization',
];
/** What the response depends on besides the URL: language negotiation, compression, HSTS, the site's host. */
const KEY_HEADERS = ['accept-language', 'accept-encoding', 'x-forwarded-proto', 'host', 'x-forwarded-host'];
/** Headers that belong to one connection, not to the stored page. */
const HOP_HEADERS = new Set(['transfer-encoding', 'connection', 'keep-alive', 'date', 'content-length', 'x-yishi-cache']);

/**
 * The language switch remembers the visitor's choice (YISHI_LANG). That cookie follows from the cache key (path,
 * language cookie, Accept-Language) and names no one, so a page setting it may be kept and replays it.
 */
const LOCALE_SET_COOKIE = /^YISHI_LANG=(?:zh-CN|en)(?:; (?:Path=\/|Expires=[^;]*|Max-Age=\d+|SameSite=Lax))*$/i;

/** Whether the cookies a response sets allow keeping it: none, or only the language cookie. */
export function storableCookies(setCookie) {
  if (setCookie === undefined) return true;
  return [setCookie].flat().every((c) => LOCALE_SET_COOKIE.test(String(c)));
}

function cookieNames(header) {
  if (!header) return [];
  return String(header)
    .split(';')
    .map((c) => c.slice(0, c.indexOf('=') < 0 ? undefined : c.indexOf('=')).trim())
    .filter(Boolean);
}

/** The value of one cookie of the request ('' when absent). */
function cookieValue(header, name) {
  const found = String(header ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${name}=`));
  return found ? found.slice(name.length + 1) : '';
}

/**
 * The cache key of a request, or null when this request must go to Next.js untouched: not GET/HEAD, not a public
 * page, a session (or any unknown) cookie, an Authorization header, a client-side navigation, an over-long URL.
 */
export function cacheKey(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const url = req.url ?? '';
  if (url.length > 512) return null;
  const q = url.indexOf('?');
  if (!PUBLIC_PAGE.test(q < 0 ? url : url.slice(0, q))) return null;
  if (ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  if (!cookieNames(req.headers.cookie).every((n) => HARMLESS_COOKIES.has(n))) return null;
  const cookie = req.headers.cookie;
  return [
    url,
    cookieValue(cookie, 'YISHI_LANG'),
    cookieValue(cookie, 'YISHI_CARE'),
    // A link preview gets the og: tags in <head>, a browser gets them streamed: never serve one the other's page.
    HTML_LIMITED_BOTS.test(String(req.headers['user-agent'] ?? '')) ? 'preview' : '',
    ...KEY_HEADERS.map((h) => req.headers[h] ?? ''),
  ].join('\n');
}

/** Whether the request is for a public page at all (a signed-in visitor's page is marked as bypassing the cache). */
export function isPublicPage(req) {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return PUBLIC_PAGE.test(q < 0 ? url : url.slice(0, q));
}

/**
 * A byte-bounded LRU of whole responses. `generation` moves on every invalidation: a render that started before
 * a change and ends after it is not stored, so a page never outlives a change it might have missed.
 */
export function createPublicCache({ maxBytes = 64 * 1024 * 1024, maxEntryBytes = 2 * 1024 * 1024, ttlMs = 60_000, now = Date.now } = {}) {
  const entries = new Map();
  let bytes = 0;
  let generation = 0;
  let listening = false;
  const stats = { hits: 0, misses: 0, stored: 0, invalidations: 0 };

  function drop(key) {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.size;
  }

  function clear() {
    generation += 1;
    entries.clear();
    bytes = 0;
  }

  function store(key, headers, body) {
    const size = body.length + key.length + JSON.stringify(headers).length;
    if (size > maxEntryBytes) return;
    drop(key);
    const head = { ...headers, 'x-yishi-cache': 'hit', 'content-length': String(body.length) };
    entries.set(key, { head, body, size, expires: now() + ttlMs });
    bytes += size;
    stats.stored += 1;
    for (const k of entries.keys()) {
      if (bytes <= maxBytes) break;
      drop(k);
    }
  }

  function lookup(key) {
    const e = entries.get(key);
    if (!e) return undefined;
    entries.delete(key);
    if (e.expires <= now()) {
      bytes -= e.size;
      return undefined;
    }
    entries.set(key, e); // most recently used last
    return e;
  }

  function serve(req, res, e) {
    // One writeHead with the stored headers (prepared when stored): the fast path of Node's HTTP server.
    res.writeHead(200, e.head);
    res.end(req.method === 'HEAD' ? undefined : e.body);
  }

  /** Keeps a copy of what Next writes; stores it when the response ends, if it may be stored. */
  function record(req, res, key) {
    const started = generation;
    const chunks = [];
    let size = 0;
    let unknownHeaders = false;
    const { write, end, writeHead } = res;
    const keep = (chunk, encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > maxEntryBytes) return;
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
      size += b.length;
      chunks.push(Buffer.from(b));
    };
    res.writeHead = function (...args) {
      // Headers passed here (rather than set one by one) are not visible to getHeaders(): such a response is not stored.
      if (args.some((a) => a !== null && typeof a === 'object')) unknownHeaders = true;
      return writeHead.apply(this, args);
    };
    res.write = function (chunk, encoding, cb) {
      keep(chunk, encoding);
      return write.call(this, chunk, encoding, cb);
    };
    res.end = function (chunk, encoding, cb) {
      keep(chunk, encoding);
      return end.call(this, chunk, encoding, cb);
    };
    res.once('finish', () => {
      const type = String(res.getHeader('content-type') ?? '');
      const storable =
        req.method === 'GET' &&
        res.statusCode === 200 &&
        !unknownHeaders &&
        type.startsWith('text/html') &&
        storableCookies(res.getHeader('set-cookie')) &&
        size <= maxEntryBytes &&
        listening &&
        generation === started;
      if (!storable) return;
      const headers = {};
      for (const [name, value] of Object.entries(res.getHeaders())) if (!HOP_HEADERS.has(name)) headers[name] = value;
      store(key, headers, Buffer.concat(chunks));
    });
  }

  return {
    stats,
    get size() {
      return entries.size;
    },
    get listening() {
      return listening;
    },
    /** Serves the request from the cache, or hands it to `handle` (and records the answer when it may be kept). */
    handle(req, res, handle) {
      const key = listening ? cacheKey(req) : null;
      if (key === null) {
        if (listening && (req.method === 'GET' || req.method === 'HEAD') && isPublicPage(req)) res.setHeader('x-yishi-cache', 'bypass');
        return handle(req, res);
      }
      const hit = lookup(key);
      if (hit) {
        stats.hits += 1;
        return serve(req, res, hit);
      }
      stats.misses += 1;
      res.setHeader('x-yishi-cache', 'miss');
      record(req, res, key);
      return handle(req, res);
    },
    /** Something public changed (or may have): every stored page goes. */
    invalidate() {
      stats.invalidations += 1;
      clear();
    },
    /** Pages are served and stored only while changes can be heard; a reconnection starts empty. */
    setListening(on) {
      listening = on;
      clear();
    },
  };
}

/**
 * One PostgreSQL connection per server instance LISTENing on 'yishi_public' (the triggers of migration
 * public_cache_notify notify it at commit); reconnects with a growing pause. Returns a function that stops it.
 */
export function listenForPublicChanges(pg, connectionString, cache, log = console) {
  let client;
  let stopped = false;
  let pause = 500;
  let timer;
  const retry = () => {
    cache.setListening(false);
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, pause);
    pause = Math.min(pause * 2, 30_000);
  };
  async function connect() {
    const c = new pg.Client({ connectionString, keepAlive: true });
    client = c;
    c.on('error', (e) => {
      log.error?.(`[public cache] database listener: ${e.message}`);
      c.end().catch(() => {});
      if (client === c) retry();
    });
    c.on('end', () => {
      if (client === c) retry();
    });
    c.on('notification', () => cache.invalidate());
    try {
      await c.connect();
      await c.query('LISTEN yishi_public');
      if (stopped) return void c.end().catch(() => {});
      pause = 500;
      cache.setListening(true);
    } catch (e) {
      log.error?.(`[public cache] cannot listen (${e.message}); pages are rendered per request until it can`);
      c.end().catch(() => {});
      if (client === c) retry();
    }
  }
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    cache.setListening(false);
    await client?.end().catch(() => {});
  };
}
