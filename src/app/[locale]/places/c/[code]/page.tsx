import type { Metadata } from 'next';
import { pageTitle } from '@/i18n/titles';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/i18n/link';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { LinkList } from '@/components/link-list';
import { BodyList } from '@/features/territory/components/body-list';
import { OrganizationList } from '@/features/territory/components/organization-list';
import { PartyOrgList } from '@/features/territory/components/party-org-list';
import { getCommunityProfile } from '@/server/territory/browse-territory';

export async function generateMetadata({ params }: PageProps<'/[locale]/places/c/[code]'>): Promise<Metadata> {
  return pageTitle('places-c-code', (await getCommunityProfile((await params).code))?.name);
}

export default async function CommunityPage({ params }: PageProps<'/[locale]/places/c/[code]'>) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const c = await getCommunityProfile(code);
  if (!c) notFound();
  const t = await getTranslations('territory');
  const tc = await getTranslations('common');
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          { label: tc('nav.home'), href: '/' },
          { label: c.street.district.name, href: `/places/d/${c.street.district.code}` },
          { label: c.street.name, href: `/places/s/${c.street.code}` },
          { label: c.name },
        ]}
      />
      <div>
        <h1 className="text-3xl font-bold">{c.name}</h1>
        <p className="text-base text-stone-700">
          {c.street.district.cityName} · {t('code', { code: c.code })}
        </p>
        <div className="mt-2 flex flex-wrap gap-3">
          <Link
            href={`/board/c/${c.code}`}
            className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white"
          >
            {t('board')}
          </Link>
          <Link
            href={`/places/c/${c.code}/meetings`}
            className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-5 text-lg"
          >
            {t('meetings')}
          </Link>
        </div>
      </div>
      <section aria-labelledby="compounds" className="space-y-2">
        <h2 id="compounds" className="text-2xl font-semibold">
          {t('compounds')}
        </h2>
        {c.compounds.length === 0 ? (
          <p className="text-lg">{t('noCompounds')}</p>
        ) : (
          <LinkList
            items={c.compounds.map((p) => ({
              key: String(p.id),
              href: `/places/p/${p.id}`,
              title: p.name,
              detail: [p.address, t('buildingCount', { count: p._count.buildings })].filter(Boolean).join(' · '),
            }))}
          />
        )}
      </section>
      <PartyOrgList orgs={c.partyOrgs} />
      <BodyList bodies={c.bodies} />
      <OrganizationList items={c.organizations} />
    </div>
  );
}
