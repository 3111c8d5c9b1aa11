/**
 * Only same-site paths are followed after sign-in (no open redirects). Browsers drop tabs and newlines from a
 * URL and read a backslash as a slash, so "/\t/evil.com" would leave the site: any control character, space or
 * backslash is refused, and the path must resolve to this site — and stay a path once resolved (not "//host").
 */
export function safeNext(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || /[\x00-\x20\x7f\\]/.test(raw)) return fallback;
  const base = 'http://yishi.invalid';
  const url = new URL(raw, base);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.com" resolves to the path "//evil.com", which a browser would follow to another host.
  return url.origin === base && !path.startsWith('//') ? path : fallback;
}
