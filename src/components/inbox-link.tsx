'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/**
 * 消息 in the header with the user's unread count. The server renders the count with every page (so it is right
 * without JavaScript); a navigation inside the app keeps the header, so the count is asked for again then.
 */
export function InboxLink({
  href,
  initial,
  text,
  unreadText,
}: {
  href: string;
  initial: number;
  text: string;
  /** "消息，# 条未读" */ unreadText: string;
}) {
  const pathname = usePathname();
  // A count fetched after a navigation stands until the server renders the header anew (then its count is newer).
  const [fetched, setFetched] = useState<{ initial: number; unread: number } | null>(null);
  const unread = fetched && fetched.initial === initial ? fetched.unread : initial;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const ask = new AbortController();
    fetch('/api/inbox/unread', { cache: 'no-store', signal: ask.signal })
      .then((r) => (r.ok ? (r.json() as Promise<{ unread: number }>) : null))
      .then((j) => j && setFetched({ initial, unread: j.unread }))
      .catch(() => {});
    return () => ask.abort();
    // Only a navigation asks again; a new count from the server needs no request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);
  return (
    <Link
      href={href}
      prefetch={false}
      aria-label={unread > 0 ? unreadText.replace('#', String(unread)) : text}
      className="flex min-h-12 items-center gap-1 rounded px-1.5 hover:bg-brand-800 sm:px-3"
    >
      {text}
      {unread > 0 && (
        <span data-testid="unread-badge" className="min-w-6 rounded-full bg-white px-1.5 text-center text-base font-bold text-brand-700">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
