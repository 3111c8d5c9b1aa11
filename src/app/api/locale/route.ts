import { safeNext } from '@/domain/shared/safe-next';
import { localizedPath, stripLocale } from '@/i18n/paths';
import { LOCALE_COOKIE, locales, type TLocale } from '@/i18n/routing';

/**
 * Switches the language: remembers it in the cookie and goes to the same page in that language. A plain
 * link to here works before the page's JavaScript has loaded (or without it), which an elderly
 * resident's slow phone needs. Only paths on this site are followed.
 */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const to = url.searchParams.get('to');
  const next = url.searchParams.get('next') ?? '/';
  if (!(locales as readonly string[]).includes(to ?? '') || safeNext(next, '') !== next) {
    return new Response('Bad request', { status: 400 });
  }
  const [path, search] = next.split('?') as [string, string | undefined];
  const target = localizedPath(stripLocale(path), to as TLocale) + (search ? `?${search}` : '');
  return new Response(null, {
    status: 303,
    headers: { Location: target, 'Set-Cookie': `${LOCALE_COOKIE.name}=${to}; Path=/; Max-Age=${LOCALE_COOKIE.maxAge}; SameSite=Lax` },
  });
}
