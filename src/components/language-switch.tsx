'use client';
import { useSearchParams } from 'next/navigation';
import { Link, usePathname } from '@/i18n/navigation';
import type { TLocale } from '@/i18n/routing';

/** Same page in the other language; the choice is remembered in the locale cookie. */
export function LanguageSwitch({ target, text, label }: { target: TLocale; text: string; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const query = Object.fromEntries(search.entries());
  return (
    <Link
      href={{ pathname, query }}
      locale={target}
      lang={target}
      aria-label={label}
      className="flex min-h-12 items-center rounded border border-white/60 px-3 hover:bg-brand-800"
    >
      {text}
    </Link>
  );
}
