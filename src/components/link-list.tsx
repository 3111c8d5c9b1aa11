import { Link } from '@/i18n/link';

export type TLinkItem = { key: string; href: string; title: string; detail?: string; badge?: string };

/** A list of large, easy-to-tap rows: each row is one link. */
export function LinkList({ items, label }: { items: TLinkItem[]; label?: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white">
      {items.map((item) => (
        <li key={item.key}>
          <Link href={item.href} className="flex min-h-14 items-center justify-between gap-3 px-4 py-3 hover:bg-brand-50">
            <span>
              <span className="text-lg font-medium">{item.title}</span>
              {item.badge && (
                <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-sm text-stone-800">
                  <span className="sr-only"> · </span>
                  {item.badge}
                </span>
              )}
              {item.detail && (
                <span className="block text-base text-stone-600">
                  <span className="sr-only"> · </span>
                  {item.detail}
                </span>
              )}
            </span>
            <span aria-hidden className="text-2xl text-stone-500">
              ›
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
