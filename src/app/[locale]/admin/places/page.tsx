import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkList } from '@/components/link-list';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { CompoundForm } from '@/features/places-admin/components/place-forms';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { CommunitiesSection, StreetsSection } from '@/features/places-admin/components/division-sections';
import { COMMUNITY_PAGE, listCommunitiesInScope, listCompoundsInScope, pageCommunitiesInScope } from '@/server/admin/scope-lists';
import { listDivisionsToBuild } from '@/server/territory-admin/divisions';
import { loadedDivisions } from '@/server/territory/load-divisions';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-places');

export default async function PlacesAdminPage({ params, searchParams }: PageProps<'/[locale]/admin/places'>) {
  const { locale } = await params;
  const sp = await searchParams;
  const q = typeof sp.q === 'string' ? sp.q.slice(0, 40) : '';
  const page = /^\d{1,4}$/.test(String(sp.page)) ? Number(sp.page) : 1;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/places', 'territory.manage');
  const t = await getTranslations('admin');
  const compounds = await listCompoundsInScope(by, 'territory.manage');
  const communities = await pageCommunitiesInScope(by, 'territory.manage', { q, page });
  const build = await listDivisionsToBuild(by);
  // Grids sit below a community: every grant held at a community or above builds them there (mayBuild, checked again by each use case).
  const gridCommunities = await listCommunitiesInScope(by, 'grid.manage');
  return (
    <AdminShell title={t('sections.places')}>
      <section aria-labelledby="compound-list" className="space-y-2">
        <h2 id="compound-list" className="text-2xl font-semibold">
          {t('places.list')}
        </h2>
        {compounds.length === 0 ? (
          <p className="text-lg">{t('places.empty')}</p>
        ) : (
          <LinkList
            items={compounds.map((c) => ({
              key: String(c.id),
              href: `/admin/places/${c.id}`,
              title: c.name,
              detail: `${c.community.name} · ${c.buildings.length} ${t('places.buildings')}`,
            }))}
          />
        )}
      </section>
      {build.districts.length > 0 && <StreetsSection districts={build.districts} />}
      {/* A new street office has no community yet: it still gets the section, to set up its first one. */}
      {(communities.total > 0 || q || build.streets.length > 0) && (
        <CommunitiesSection {...communities} pageSize={COMMUNITY_PAGE} page={page} q={q} streets={build.streets} />
      )}
      {gridCommunities.length > 0 && (
        <section aria-labelledby="community-grids" className="space-y-2">
          <h2 id="community-grids" className="text-2xl font-semibold">
            {t('grids.manage')}
          </h2>
          <LinkList
            items={gridCommunities.slice(0, 200).map((c) => ({
              key: `g${c.id}`,
              href: `/admin/places/g/${c.id}`,
              title: t('grids.linkTitle', { name: c.name }),
              detail: c.street.name,
            }))}
          />
        </section>
      )}
      {communities.items.length > 0 && (
        <section aria-labelledby="compound-new" className="space-y-3">
          <h2 id="compound-new" className="text-2xl font-semibold">
            {t('places.create')}
          </h2>
          <CompoundForm
            t={await labels('admin.places')}
            communities={communities.items.map((c) => ({ value: String(c.id), label: `${c.street.name} · ${c.name}` }))}
          />
        </section>
      )}
      {by.actor.grants.some((g) => g.role === 'DISTRICT_ADMIN') && (
        <section aria-labelledby="divisions-loaded" className="space-y-2">
          <h2 id="divisions-loaded" className="text-2xl font-semibold">
            {t('places.loaded')}
          </h2>
          <ul className="divide-y divide-stone-200 text-lg" data-testid="divisions-loaded">
            {(await loadedDivisions()).map((d) => (
              <li key={d.code} className="py-2">
                {d.provinceName} {d.cityName} <span className="font-semibold">{d.name}</span>{' '}
                <span className="text-base text-stone-700">
                  {t('places.loadedDetail', { streets: d.streets, communities: d.communities })}
                </span>
              </li>
            ))}
          </ul>
          <p className="text-base text-stone-700">{t('places.loadedHow')}</p>
        </section>
      )}
    </AdminShell>
  );
}
