import { routing, type TLocale } from './routing';

/** "/places" in English is "/en/places"; Chinese, the default, has no prefix. */
export function localizedPath(path: string, locale: TLocale): string {
  if (locale === routing.defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/** The locale-free part of a pathname: "/en/places" → "/places", "/en" → "/". */
export function stripLocale(pathname: string): string {
  for (const l of routing.locales) {
    if (l === routing.defaultLocale) continue;
    if (pathname === `/${l}`) return '/';
    if (pathname.startsWith(`/${l}/`)) return pathname.slice(l.length + 1);
  }
  return pathname;
}
