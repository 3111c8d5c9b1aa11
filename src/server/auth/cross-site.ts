import 'server-only';

/**
 * Whether the browser says a form came from another site (login CSRF, forced sign-out). Sec-Fetch-Site first;
 * else the Origin against the site's hosts — behind a reverse proxy the Host header may be the app's own
 * address, so those are the Host, the proxy's X-Forwarded-Host and YISHI_PUBLIC_URL.
 */
export function crossSite(h: Headers): boolean {
  const site = h.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = h.get('origin');
  if (!origin || origin === 'null') return origin === 'null';
  const ours = [h.get('host'), h.get('x-forwarded-host'), process.env.YISHI_PUBLIC_URL && new URL(process.env.YISHI_PUBLIC_URL).host];
  return !ours.includes(new URL(origin).host);
}
