import { defineRouting } from 'next-intl/routing';

export const locales = ['zh-CN', 'en'] as const;
export type TLocale = (typeof locales)[number];

/** The remembered language choice (one year). */
export const LOCALE_COOKIE = { name: 'YISHI_LOCALE', maxAge: 60 * 60 * 24 * 365 } as const;

// Chinese lives at "/", English at "/en/…"; the chosen language is remembered in a cookie.
export const routing = defineRouting({
  locales,
  defaultLocale: 'zh-CN',
  localePrefix: 'as-needed',
  localeCookie: LOCALE_COOKIE,
});
