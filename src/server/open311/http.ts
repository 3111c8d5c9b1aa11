import 'server-only';
import { z } from 'zod';
import { getTranslations } from 'next-intl/server';
import { apiRequestWait } from '@/server/auth/rate-limit';
import { clientOf } from '@/server/auth/client';
import { UseCaseError } from '@/server/errors';
import { logRequestError, routeOf } from '@/server/log';
import { apiClientFor, type TApiClient } from './api-keys';

/** GeoReport v2 errors: an array of { code, description }, in the caller's language (locale=en, else Chinese). */
const STATUS: Record<string, number> = {
  'auth.forbidden': 403,
  'open311.keyRequired': 403,
  'open311.jurisdictionUnknown': 404,
  'open311.serviceUnknown': 404,
  'open311.requestUnknown': 404,
};

export type TCall = { params: URLSearchParams; client: TApiClient | null; locale: 'zh-CN' | 'en' };

/**
 * Runs one API call: reads the parameters (query string, and a form or JSON body for POST), finds the
 * API key's client, applies the rate limit, and turns refusals into GeoReport errors.
 */
export async function open311(req: Request, fn: (c: TCall) => Promise<unknown>, { keyRequired = false } = {}): Promise<Response> {
  const url = new URL(req.url);
  const params = new URLSearchParams(url.searchParams);
  if (req.method === 'POST') {
    const type = req.headers.get('content-type') ?? '';
    const body = type.includes('application/json')
      ? Object.entries((await req.json().catch(() => ({}))) as Record<string, unknown>).map(([k, v]) => [k, String(v)] as [string, string])
      : [...new URLSearchParams(await req.text())];
    for (const [k, v] of body) params.set(k, v);
  }
  const locale = params.get('locale')?.startsWith('en') ? 'en' : 'zh-CN';
  const t = await getTranslations({ locale, namespace: 'errors' });
  const fail = (status: number, code: string, values?: Record<string, string | number>) =>
    Response.json([{ code: status, description: t.has(code) ? t(code, values) : t('form.invalid') }], { status });
  try {
    const client = await apiClientFor(params.get('api_key'));
    if (params.get('api_key') && !client) return fail(403, 'open311.keyInvalid');
    if (keyRequired && !client) return fail(403, 'open311.keyRequired');
    const forwarded = clientOf(req.headers);
    const wait = await apiRequestWait(client ? `key:${client.keyId}` : `ip:${forwarded}`);
    if (wait > 0)
      return new Response(JSON.stringify([{ code: 429, description: t('open311.slowDown', { seconds: wait }) }]), {
        status: 429,
        headers: { 'Retry-After': String(wait), 'Content-Type': 'application/json' },
      });
    const result = await fn({ params, client, locale });
    return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    if (e instanceof z.ZodError) {
      const first = e.issues[0];
      return fail(400, first?.message ?? 'form.invalid');
    }
    if (e instanceof UseCaseError) return fail(STATUS[e.code] ?? 400, e.code, e.values);
    logRequestError('route', e, { method: req.method, route: routeOf(req.url) });
    return Response.json([{ code: 500, description: t('unexpected') }], { status: 500 });
  }
}

/** Only JSON is served: "services.json" → "services"; "services.xml" is refused by the caller. */
export function jsonName(file: string): string | null {
  return file.endsWith('.json') ? file.slice(0, -5) : null;
}
