'use client';
import { useEffect, useState } from 'react';

/**
 * Figures kept live for everyone watching (issue 22 item 7): figures from a new server render replace the shown ones at
 * once (the panel used to keep its first figures until a poll), the JSON at `url` is polled every 2 seconds and at once
 * when the screen comes back, and an answer older than the one shown is dropped.
 */
export function useLiveFigures<T>(url: string, initial: T): T {
  const [p, setP] = useState(initial);
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setP(initial);
  }
  useEffect(() => {
    let asked = 0;
    let answered = 0;
    const refresh = async () => {
      const n = ++asked;
      try {
        const r = await fetch(url, { cache: 'no-store' });
        if (!r.ok || n < answered) return;
        answered = n;
        setP(await r.json());
      } catch {
        // Offline for a moment: the next poll tries again.
      }
    };
    const timer = setInterval(refresh, 2000);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [url]);
  return p;
}
