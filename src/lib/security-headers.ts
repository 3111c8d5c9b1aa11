/**
 * Security headers. The fixed ones are set for every response in next.config.ts; the Content-Security-Policy
 * (with a nonce made for each request) and HSTS (only over HTTPS) are set per request in src/proxy.ts.
 */
export function securityHeaders(): { key: string; value: string }[] {
  return [
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(self), geolocation=(), microphone=()' },
  ];
}

/**
 * Scripts run only with this request's nonce, which Next.js puts on its own scripts (and the scripts they
 * load, through 'strict-dynamic'); no inline script without it. Styles stay allowed inline (React's style
 * attributes). Everything else is same-origin only, and no page may be framed (clickjacking).
 */
export function contentSecurityPolicy(nonce: string, production: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? '' : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** Sent only over HTTPS (directly, or from a TLS-terminating proxy saying X-Forwarded-Proto: https). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export function servedOverHttps(protocol: string, forwardedProto: string | null): boolean {
  return protocol === 'https:' || forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * A server action posted from another origin: Next.js would throw on it (a 500 and an error log); it is
 * refused with 403 before it gets there. Next treats as a possible action any POST with a Next-Action header,
 * and, on a page, any form POST (multipart or urlencoded: the no-JavaScript form actions). No Origin at all is
 * left to Next.js, as are route handlers' own form POSTs (/api/…).
 */
export function crossOriginAction(method: string, headers: Headers, page: boolean): boolean {
  if (method !== 'POST') return false;
  const type = headers.get('content-type') ?? '';
  const form = type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded');
  if (!headers.has('next-action') && !(page && form)) return false;
  const origin = headers.get('origin');
  if (origin === null) return false;
  const host = (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').split(',')[0]!.trim().toLowerCase();
  try {
    return new URL(origin).host.toLowerCase() !== host;
  } catch {
    return true;
  }
}
