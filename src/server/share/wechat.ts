import 'server-only';
import { randomBytes } from 'node:crypto';
import { jsSdkSignature } from '@/server/share/wechat-signature';
import { readEnv } from '@/env';
import { logLine } from '@/server/log';

export type TWechatConfig = { appId: string; timestamp: number; nonceStr: string; signature: string };

type TKept = { value: string; until: number };
/** Tokens and tickets live 7200 s and WeChat limits how often they are fetched: kept per process, fetched once at a time. */
const kept = new Map<string, Promise<TKept>>();
const MARGIN_MS = 5 * 60_000;
const RETRY_MS = 60_000;

async function call(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok || (typeof body.errcode === 'number' && body.errcode !== 0)) {
    // The error code only: never the secret or the token, which ride in the query string.
    logLine('error', 'wechat.api.failed', { status: res.status, errcode: Number(body.errcode ?? 0) });
    throw new Error(`WeChat API refused: ${String(body.errcode ?? res.status)}`);
  }
  return body;
}

/**
 * A value from the cache while it has five minutes left, else fetched: callers arriving meanwhile share the one fetch.
 * A refusal is kept a minute (every caller gets it) so that a wrong secret does not send each request to WeChat.
 */
async function cached(key: string, fetchIt: () => Promise<TKept>): Promise<string> {
  const hit = kept.get(key);
  if (hit) {
    const v = await hit;
    if (v.until - MARGIN_MS > Date.now()) return v.value;
  }
  let next = kept.get(key);
  if (next === hit) {
    const fetching = fetchIt();
    fetching.catch(() => setTimeout(() => kept.get(key) === fetching && kept.delete(key), RETRY_MS).unref());
    kept.set(key, (next = fetching));
  }
  return (await next!).value;
}

const lifetime = (body: Record<string, unknown>) => Date.now() + Number(body.expires_in ?? 7200) * 1000;

/**
 * The wx.config of a page of this site (its signature over the page's URL), or null when WeChat sharing is not
 * configured (YISHI_WECHAT_APPID and YISHI_WECHAT_SECRET). access_token (cgi-bin/token) then jsapi_ticket
 * (cgi-bin/ticket/getticket?type=jsapi), both cached until shortly before they expire, as WeChat asks.
 */
export async function wechatShareConfig(pageUrl: string): Promise<TWechatConfig | null> {
  const env = readEnv();
  const appId = env.YISHI_WECHAT_APPID;
  const secret = env.YISHI_WECHAT_SECRET;
  if (!appId || !secret) return null;
  const api = env.YISHI_WECHAT_API_URL.replace(/\/$/, '');
  const account = `${api}|${appId}|${secret}`;
  const ticket = await cached(`ticket|${account}`, async () => {
    const token = await cached(`token|${account}`, async () => {
      const q = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret });
      const body = await call(`${api}/cgi-bin/token?${q}`);
      return { value: String(body.access_token), until: lifetime(body) };
    });
    const body = await call(`${api}/cgi-bin/ticket/getticket?${new URLSearchParams({ access_token: token, type: 'jsapi' })}`);
    return { value: String(body.ticket), until: lifetime(body) };
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const nonceStr = randomBytes(12).toString('base64url');
  return { appId, timestamp, nonceStr, signature: jsSdkSignature({ ticket, nonceStr, timestamp, url: pageUrl }) };
}
