import { defineRouting } from 'next-intl/routing';

export const locales = ['zh-CN', 'en'] as const;
export type TLocale = (typeof locales)[number];

/**
 * The remembered language choice (one year), written only by the switch. Renamed from YISHI_LOCALE, which the old rule
 * wrote on any /en visit: phones it pinned to English are Chinese again (decision 058).
 */
export const LOCALE_COOKIE = { name: 'YISHI_LANG', maxAge: 60 * 60 * 24 * 365 } as const;

/**
 * Chinese lives at "/", English at "/en/…". Chinese is everyone's default (decision 058): neither the phone's
 * Accept-Language nor a visit to an /en link changes the language, so next-intl detects nothing and writes no
 * cookie. Only the switch (/api/locale) remembers a choice; the proxy honours it (rememberedLocalePath).
 */
export const routing = defineRouting({
  locales,
  defaultLocale: 'zh-CN',
  localePrefix: 'as-needed',
  localeDetection: false,
  localeCookie: false,
});
