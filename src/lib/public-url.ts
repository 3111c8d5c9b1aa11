/**
 * YISHI_PUBLIC_URL, the address residents reach the app at: every absolute link (QR codes on printed notices
 * and sign-in sheets, the .ics feed, e-mails) is built from it, never from the request's Host, which behind a
 * reverse proxy names the proxy's upstream (issue 17, item 4). Plain TypeScript without imports, so that
 * scripts/start.ts checks it before anything starts and src/env.ts whenever it is read.
 */
export function parsePublicUrl(raw: string): { origin: string } | { error: string } {
  const error = `YISHI_PUBLIC_URL must be the absolute http(s) address residents reach the app at, such as https://yishi.example.gov.cn (it is "${raw}").`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error };
  }
  const plain = !url.username && !url.password && !url.search && !url.hash && url.pathname === '/';
  return (url.protocol === 'https:' || url.protocol === 'http:') && plain && !raw.includes('?') && !raw.includes('#')
    ? { origin: url.origin }
    : { error };
}

/**
 * The address next-auth (and our sign-in route) read as the site's: NEXTAUTH_URL when set, else the site's own
 * address — an https one makes the session cookie Secure — else the local port.
 */
export function sessionUrl(env: { NEXTAUTH_URL?: string; YISHI_PUBLIC_URL?: string }, port: number): string {
  return env.NEXTAUTH_URL ?? env.YISHI_PUBLIC_URL ?? `http://localhost:${port}`;
}
