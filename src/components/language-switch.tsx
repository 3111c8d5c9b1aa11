'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { localizedPath, stripLocale } from '@/i18n/paths';
import { LOCALE_COOKIE, type TLocale } from '@/i18n/routing';

/**
 * The same page in the other language. Clicking also writes the locale cookie first: otherwise the
 * proxy, still seeing the old choice, would send "/…" straight back to "/en/…".
 */
export function LanguageSwitch({ target, text, label }: { target: TLocale; text: string; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const href = localizedPath(stripLocale(pathname), target) + (search ? `?${search}` : '');
  const remember = () => {
    document.cookie = `${LOCALE_COOKIE.name}=${target}; path=/; max-age=${LOCALE_COOKIE.maxAge}; samesite=lax`;
  };
  return (
    <a
      href={href}
      hrefLang={target}
      lang={target}
      aria-label={label}
      onClick={remember}
      className="flex min-h-12 items-center rounded border border-white/60 px-3 hover:bg-brand-800"
    >
      {text}
    </a>
  );
}
