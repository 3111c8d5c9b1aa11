import 'server-only';

/**
 * The client's address as the server established it (scripts/serve.mjs overwrites `x-yishi-client` on every
 * request from the socket, or from YISHI_TRUSTED_PROXY_HOPS trusted proxies). Never X-Forwarded-For as sent.
 * When the app runs without that server (`next dev`), every client is "unknown" and shares the limits.
 */
export function clientOf(
  headers: { get(name: string): string | null } | Record<string, string | string[] | undefined> | undefined,
): string {
  // Only our own server sets the header; under `next start` or another host a client could write it.
  if (!headers || process.env.YISHI_CLIENT_HEADER !== 'trusted') return 'unknown';
  const v =
    typeof headers.get === 'function'
      ? (headers as { get(n: string): string | null }).get('x-yishi-client')
      : (headers as Record<string, unknown>)['x-yishi-client'];
  return (Array.isArray(v) ? v[0] : v) || 'unknown';
}
