import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/link';

export type TCrumb = { label: string; href?: string };

export async function Breadcrumbs({ items }: { items: TCrumb[] }) {
  const t = await getTranslations('common');
  return (
    <nav aria-label={t('breadcrumb')} className="mb-3 text-base text-stone-700">
      <ol className="flex flex-wrap items-center gap-x-1">
        {items.map((c, i) => (
          <li key={i} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden>›</span>}
            {c.href ? (
              <Link href={c.href} className="inline-flex min-h-11 items-center underline underline-offset-4">
                {c.label}
              </Link>
            ) : (
              <span aria-current="page">{c.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
