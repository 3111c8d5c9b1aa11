import { hasLocale } from 'next-intl';
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

/**
 * Where a visitor who chose a language with the switch goes when opening an unprefixed (Chinese) path: the same
 * page in the chosen language, or null to stay. A prefixed path (/en/…) is shown as asked and never redirected.
 */
export function rememberedLocalePath(pathname: string, chosen: string | undefined): string | null {
  if (!hasLocale(routing.locales, chosen) || chosen === routing.defaultLocale) return null;
  if (stripLocale(pathname) !== pathname) return null;
  return localizedPath(pathname, chosen);
}
