'use client';
import { usePathname, useSearchParams } from 'next/navigation';

/**
 * The 大字 mode's on/off button: a form posting to /api/care with the page to come back to. The path is read on the
 * client (rendered on the server too), so it works before — or without — the page's JavaScript.
 */
export function CareSwitch({ on, text }: { on: boolean; text: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const next = pathname + (search ? `?${search}` : '');
  return (
    <form method="post" action={`/api/care?on=${on ? 0 : 1}&next=${encodeURIComponent(next)}`}>
      <button type="submit" className="min-h-12 rounded-lg border-2 border-stone-700 bg-white px-4 text-lg font-semibold text-stone-900">
        {text}
      </button>
    </form>
  );
}
