import { getTranslations } from 'next-intl/server';
import { LinkList } from '@/components/link-list';
import { searchPlaces } from '@/server/territory/search-places';

const HREF = { district: 'd', street: 's', community: 'c', compound: 'p' } as const;

export async function SearchResults({ query }: { query: string }) {
  const t = await getTranslations('territory');
  const hits = await searchPlaces(query);
  return (
    <section aria-live="polite" className="space-y-2">
      <h2 className="text-xl font-semibold">{t('search.results', { q: query, count: hits.length })}</h2>
      {hits.length === 0 ? (
        <p className="rounded-lg bg-white p-4 text-lg">{t('search.none', { q: query })}</p>
      ) : (
        <LinkList
          items={hits.map((h) => ({
            key: `${h.level}-${h.key}`,
            href: `/places/${HREF[h.level]}/${h.key}`,
            title: h.name,
            badge: t(`level.${h.level}`),
            detail: h.path.join(' › '),
          }))}
        />
      )}
    </section>
  );
}
