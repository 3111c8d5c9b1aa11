import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { rememberedLocalePath } from './i18n/paths';
import { LOCALE_COOKIE, routing } from './i18n/routing';
import { contentSecurityPolicy, crossOriginAction, servedOverHttps, STRICT_TRANSPORT_SECURITY } from './lib/security-headers';

const intl = createMiddleware(routing);
/** Pages (locale negotiation applies): not the API, not Next's own files, nothing with a dot (files). */
const PAGE = /^\/(?!api|_next|_vercel|.*\..*)/;
const production = process.env.NODE_ENV === 'production';

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Per request: refuses cross-origin server-action POSTs (403), makes the CSP nonce (Next.js reads it from the
 * request's Content-Security-Policy header and puts it on its scripts), sends HSTS over HTTPS only, and
 * negotiates the locale. This is comfort and headers, never authorization: every action and read checks
 * permissions on the server (src/server/authz).
 */
/** A page in the language the visitor chose with the switch (the cookie), else as the path says. */
function localized(request: NextRequest, headers: Headers): NextResponse {
  const reading = request.method === 'GET' || request.method === 'HEAD';
  const chosen = reading ? rememberedLocalePath(request.nextUrl.pathname, request.cookies.get(LOCALE_COOKIE.name)?.value) : null;
  if (!chosen) return intl(new NextRequest(request, { headers }));
  const url = request.nextUrl.clone();
  url.pathname = chosen;
  return NextResponse.redirect(url, 307);
}

export default function proxy(request: NextRequest) {
  const page = PAGE.test(request.nextUrl.pathname);
  if (crossOriginAction(request.method, request.headers, page)) return new NextResponse('Forbidden', { status: 403 });
  const csp = contentSecurityPolicy(newNonce(), production);
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', csp);
  const response = page ? localized(request, headers) : NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  if (servedOverHttps(request.nextUrl.protocol, request.headers.get('x-forwarded-proto'))) {
    response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  }
  return response;
}

export const config = {
  // Everything but Next's static files; server-action POSTs whatever their path.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)', { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] }],
};
