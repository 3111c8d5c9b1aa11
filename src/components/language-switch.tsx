'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { localizedPath, stripLocale } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';

/**
 * The same page in the other language. The link goes through /api/locale, which writes the locale
 * cookie on the server and redirects: otherwise the proxy, still seeing the old choice, would send "/…"
 * straight back to "/en/…" — and a click before the page's JavaScript loaded would do nothing.
 */
export function LanguageSwitch({ target, text, label }: { target: TLocale; text: string; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const next = localizedPath(stripLocale(pathname), target) + (search ? `?${search}` : '');
  const href = `/api/locale?to=${target}&next=${encodeURIComponent(next)}`;
  return (
    <a
      href={href}
      hrefLang={target}
      lang={target}
      aria-label={label}
      className="flex min-h-12 items-center rounded border border-white/60 px-1.5 hover:bg-brand-800 sm:px-3"
    >
      {text}
    </a>
  );
}
