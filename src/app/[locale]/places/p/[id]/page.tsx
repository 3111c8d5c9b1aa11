import type { Metadata } from 'next';
import { pageTitle } from '@/i18n/titles';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { formatAreaM2 } from '@/domain/shared/area';
import { Link } from '@/i18n/link';
import { BodyList } from '@/features/territory/components/body-list';
import { OrganizationList } from '@/features/territory/components/organization-list';
import { PartyOrgList } from '@/features/territory/components/party-org-list';
import { getCompoundProfile } from '@/server/territory/browse-territory';

function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: PageProps<'/[locale]/places/p/[id]'>): Promise<Metadata> {
  const id = parseId((await params).id);
  return pageTitle('places-p-id', id ? (await getCompoundProfile(id))?.name : null);
}

export default async function CompoundPage({ params }: PageProps<'/[locale]/places/p/[id]'>) {
  const { locale, id: raw } = await params;
  setRequestLocale(locale);
  const id = parseId(raw);
  const p = id ? await getCompoundProfile(id) : null;
  if (!p) notFound();
  const t = await getTranslations('territory');
  const tc = await getTranslations('common');
  const ti = await getTranslations('issues');
  const { community } = p;
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          { label: tc('nav.home'), href: '/' },
          { label: community.street.district.name, href: `/places/d/${community.street.district.code}` },
          { label: community.street.name, href: `/places/s/${community.street.code}` },
          { label: community.name, href: `/places/c/${community.code}` },
          { label: p.name },
        ]}
      />
      <div className="space-y-1">
        <h1 className="text-3xl font-bold">{p.name}</h1>
        {p.address && <p className="text-lg">{p.address}</p>}
        <p className="text-base text-stone-700">
          {t('summary', { buildings: p.buildings.length, households: p.householdCount, area: formatAreaM2(p.totalAreaCentiM2) })}
        </p>
        {p.developerName && <p className="text-base text-stone-700">{t('developer', { name: p.developerName })}</p>}
        <Link
          href={`/issues/new?compound=${p.id}`}
          className="mt-2 inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white"
        >
          {ti('raise.here')}
        </Link>
        <Link
          href={`/board/c/${community.code}?compound=${p.id}`}
          className="mt-2 ml-3 inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg"
        >
          {t('board')}
        </Link>
      </div>
      <section aria-labelledby="buildings" className="space-y-2">
        <h2 id="buildings" className="text-2xl font-semibold">
          {t('buildings')}
        </h2>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {p.buildings.map((b) => (
            <li key={b.id} className="rounded-lg border border-stone-200 bg-white p-3">
              <span className="block text-lg font-medium">{b.name}</span>
              <span className="text-base text-stone-700">{t('households', { count: b._count.households })}</span>
              {b.grid && (
                <span className="block text-base text-stone-700">
                  {t('grid', { name: b.grid.name })}
                  {b.grid.workers.length > 0 && ` · ${b.grid.workers.join('、')}`}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
      <PartyOrgList orgs={p.partyOrgs} />
      <BodyList bodies={p.bodies} />
      <OrganizationList items={p.organizations} />
    </div>
  );
}
