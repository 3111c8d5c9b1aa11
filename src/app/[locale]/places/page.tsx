import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { LinkList } from '@/components/link-list';
import { PlaceSearch } from '@/features/territory/components/place-search';
import { SearchResults } from '@/features/territory/components/search-results';
import { listDistricts } from '@/server/territory/browse-territory';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('places');

export default async function PlacesPage({ params, searchParams }: PageProps<'/[locale]/places'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const q = (await searchParams).q;
  const query = typeof q === 'string' ? q.slice(0, 40) : '';
  const t = await getTranslations('territory');
  const tc = await getTranslations('common');
  return (
    <div className="space-y-5">
      <Breadcrumbs items={[{ label: tc('nav.home'), href: '/' }, { label: t('title') }]} />
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg">{t('intro')}</p>
      <PlaceSearch defaultValue={query} />
      {query ? <SearchResults query={query} /> : <DistrictsByCity />}
    </div>
  );
}

async function DistrictsByCity() {
  const t = await getTranslations('territory');
  const cities = await listDistricts();
  return (
    <div className="space-y-6">
      {cities.map((c) => (
        <section key={c.city} aria-labelledby={`city-${c.city}`} className="space-y-2">
          <h2 id={`city-${c.city}`} className="text-xl font-semibold">
            {c.province} · {c.city}
          </h2>
          <LinkList
            items={c.districts.map((d) => ({
              key: d.code,
              href: `/places/d/${d.code}`,
              title: d.name,
              detail: t('streetCount', { count: d._count.streets }),
            }))}
          />
        </section>
      ))}
    </div>
  );
}
