/**
 * Issue 20, item 1: the WeChat JS-SDK signature endpoint, against a local server standing in for api.weixin.qq.com
 * (cgi-bin/token, cgi-bin/ticket/getticket): off without credentials, the token and ticket fetched once and kept,
 * the signature WeChat would compute, WeChat's refusals answered 503, other sites' pages refused.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { GET } from '@/app/api/wechat/jssdk/route';
import { publicUrl } from '@/env';

const APPID = 'wx-test-appid';
const SECRET = 'test-secret';
const TICKET = 'bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA';
const calls: string[] = [];
let server: Server;
beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url!, 'http://wechat.local');
    calls.push(u.pathname);
    const json = (body: object) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (u.pathname === '/cgi-bin/token') {
      const ok =
        u.searchParams.get('grant_type') === 'client_credential' &&
        u.searchParams.get('appid') === APPID &&
        u.searchParams.get('secret') === SECRET;
      return json(ok ? { access_token: 'ACCESS-1', expires_in: 7200 } : { errcode: 40013, errmsg: 'invalid appid' });
    }
    if (
      u.pathname === '/cgi-bin/ticket/getticket' &&
      u.searchParams.get('access_token') === 'ACCESS-1' &&
      u.searchParams.get('type') === 'jsapi'
    )
      return json({ errcode: 0, errmsg: 'ok', ticket: TICKET, expires_in: 7200 });
    return json({ errcode: 40001, errmsg: 'invalid credential' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.YISHI_WECHAT_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => {
  delete process.env.YISHI_WECHAT_APPID;
  delete process.env.YISHI_WECHAT_SECRET;
  calls.length = 0;
});

const sign = (url: string) => GET(new Request(`http://x/api/wechat/jssdk?url=${encodeURIComponent(url)}`), { params: Promise.resolve({}) });
const page = publicUrl('/board/n/7?from=groupmessage');

test('off when the credentials are not set: 404, and WeChat is never called', async () => {
  expect((await sign(page)).status).toBe(404);
  process.env.YISHI_WECHAT_APPID = APPID;
  expect((await sign(page)).status).toBe(404);
  expect(calls).toEqual([]);
});

test('a page of this site is signed as WeChat signs it; token and ticket are fetched once for many requests', async () => {
  process.env.YISHI_WECHAT_APPID = APPID;
  process.env.YISHI_WECHAT_SECRET = SECRET;
  const answers = await Promise.all([sign(page), sign(`${page}#objections`), sign(page)]);
  expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
  for (const r of answers) {
    const c = (await r.json()) as { appId: string; timestamp: number; nonceStr: string; signature: string };
    expect(c.appId).toBe(APPID);
    expect(Math.abs(c.timestamp - Date.now() / 1000)).toBeLessThan(60);
    const string1 = `jsapi_ticket=${TICKET}&noncestr=${c.nonceStr}&timestamp=${c.timestamp}&url=${page}`;
    expect(c.signature).toBe(createHash('sha1').update(string1).digest('hex'));
  }
  expect(answers[0]!.headers.get('cache-control')).toBe('no-store');
  await sign(page);
  expect(calls).toEqual(['/cgi-bin/token', '/cgi-bin/ticket/getticket']);
});

test('WeChat refusing the credentials: 503, and WeChat is not asked again for a minute', async () => {
  process.env.YISHI_WECHAT_APPID = APPID;
  process.env.YISHI_WECHAT_SECRET = 'wrong-secret';
  expect((await Promise.all([sign(page), sign(page)])).map((r) => r.status)).toEqual([503, 503]);
  expect((await sign(page)).status).toBe(503);
  expect(calls).toEqual(['/cgi-bin/token']);
});

test('another site’s page, or no url, is refused', async () => {
  process.env.YISHI_WECHAT_APPID = APPID;
  process.env.YISHI_WECHAT_SECRET = SECRET;
  expect((await sign('https://evil.example.com/board/n/7')).status).toBe(400);
  expect((await GET(new Request('http://x/api/wechat/jssdk'), { params: Promise.resolve({}) })).status).toBe(400);
  expect(calls).toEqual([]);
});
