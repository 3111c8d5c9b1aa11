import 'server-only';
import { z } from 'zod';
import { createTranslator } from 'use-intl/core';
import zhErrors from '../../../messages/zh-CN/errors.json';
import enErrors from '../../../messages/en/errors.json';
import { apiRequestWait } from '@/server/auth/rate-limit';
import { clientOf } from '@/server/auth/client';
import { UseCaseError } from '@/server/errors';
import { logRequestError, routeOf } from '@/server/log';
import { apiClientFor, type TApiClient } from './api-keys';
import { toXml } from './xml';

/** GeoReport v2 errors: a list of { code, description }, in the caller's language (locale=en, else Chinese), in the asked format. */
const STATUS: Record<string, number> = {
  'auth.forbidden': 403,
  'open311.keyRequired': 403,
  'open311.jurisdictionUnknown': 404,
  'open311.serviceUnknown': 404,
  'open311.requestUnknown': 404,
  'open311.tokenUnknown': 404,
  'open311.pathUnknown': 404,
};

export type TFormat = 'xml' | 'json';
export type TCall = { params: URLSearchParams; client: TApiClient | null; locale: 'zh-CN' | 'en' };
/** What a call answers and the XML root element it is written under (the spec's names: services, service_requests, …). */
type TAnswer = { format: TFormat | null; root: string };

/** "services.xml" → { name: 'services', format: 'xml' }: the format is the extension, as the spec says; anything else has none. */
export function fileFormat(file: string): { name: string; format: TFormat | null } {
  const m = /^(.+)\.(xml|json)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as TFormat } : { name: file, format: null };
}

const TYPE = { xml: 'text/xml; charset=utf-8', json: 'application/json; charset=utf-8' } as const;
const answer = (format: TFormat, root: string, body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(format === 'xml' ? toXml(root, body) : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': TYPE[format], 'Cache-Control': 'no-store', ...headers },
  });

/** The answer to a path or format the API does not have: a GeoReport error (XML when the path ends in .xml), never a page. */
export const unknownPath = (req: Request, format: TFormat | null) =>
  open311(req, { format, root: 'errors' }, async () => {
    throw new UseCaseError('open311.pathUnknown');
  });

/**
 * Runs one API call: reads the parameters (query string, and a form or JSON body for POST), finds the
 * API key's client, applies the rate limit, and turns refusals into GeoReport errors. A call without a
 * format (an unknown extension) is answered "not found" in JSON.
 */
export async function open311(
  req: Request,
  { format, root }: TAnswer,
  fn: (c: TCall) => Promise<unknown>,
  { keyRequired = false } = {},
): Promise<Response> {
  const url = new URL(req.url);
  const params = new URLSearchParams(url.searchParams);
  const locale = params.get('locale')?.startsWith('en') ? 'en' : 'zh-CN';
  // Read without a request scope of next-intl: the same catalogue, so the route also answers outside a page render.
  // Codes come from refusals at run time: the translator is read by any key (t.has guards the unknown ones).
  const t = createTranslator({ locale, messages: { errors: locale === 'en' ? enErrors : zhErrors }, namespace: 'errors' }) as unknown as {
    (key: string, values?: Record<string, string | number>): string;
    has: (key: string) => boolean;
  };
  const as = format ?? 'json';
  const fail = (status: number, code: string, values?: Record<string, string | number>, headers?: Record<string, string>) =>
    answer(as, 'errors', [{ code: status, description: t.has(code) ? t(code, values) : t('form.invalid') }], status, headers);
  try {
    if (req.method === 'POST') {
      const type = req.headers.get('content-type') ?? '';
      const body = type.includes('application/json')
        ? Object.entries((await req.json().catch(() => ({}))) as Record<string, unknown>).map(
            ([k, v]) => [k, String(v)] as [string, string],
          )
        : [...new URLSearchParams(await req.text())];
      for (const [k, v] of body) params.set(k, v);
    }
    if (!format) return fail(404, 'open311.pathUnknown');
    const client = await apiClientFor(params.get('api_key'));
    if (params.get('api_key') && !client) return fail(403, 'open311.keyInvalid');
    if (keyRequired && !client) return fail(403, 'open311.keyRequired');
    const wait = await apiRequestWait(client ? `key:${client.keyId}` : `ip:${clientOf(req.headers)}`);
    if (wait > 0) return fail(429, 'open311.slowDown', { seconds: wait }, { 'Retry-After': String(wait) });
    return answer(format, root, await fn({ params, client, locale }));
  } catch (e) {
    if (e instanceof z.ZodError) return fail(400, e.issues[0]?.message ?? 'form.invalid');
    if (e instanceof UseCaseError) return fail(STATUS[e.code] ?? 400, e.code, e.values);
    logRequestError('route', e, { method: req.method, route: routeOf(req.url) });
    return fail(500, 'unexpected');
  }
}
