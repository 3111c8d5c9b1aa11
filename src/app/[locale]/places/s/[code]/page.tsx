import type { Metadata } from 'next';
import { pageTitle } from '@/i18n/titles';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { LinkList } from '@/components/link-list';
import { PartyOrgList } from '@/features/territory/components/party-org-list';
import { getStreet } from '@/server/territory/browse-territory';

export async function generateMetadata({ params }: PageProps<'/[locale]/places/s/[code]'>): Promise<Metadata> {
  return pageTitle('places-s-code', (await getStreet((await params).code))?.name);
}

export default async function StreetPage({ params }: PageProps<'/[locale]/places/s/[code]'>) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const street = await getStreet(code);
  if (!street) notFound();
  const t = await getTranslations('territory');
  const tc = await getTranslations('common');
  return (
    <div className="space-y-4">
      <Breadcrumbs
        items={[
          { label: tc('nav.home'), href: '/' },
          { label: t('title'), href: '/places' },
          { label: street.district.name, href: `/places/d/${street.district.code}` },
          { label: street.name },
        ]}
      />
      <h1 className="text-3xl font-bold">{street.name}</h1>
      <p className="text-base text-stone-700">
        {t('code', { code: street.code })} · {t('communityCount', { count: street.communities.length })}
      </p>
      <PartyOrgList orgs={street.partyOrgs} />
      <LinkList
        label={t('level.community')}
        items={street.communities.map((c) => ({
          key: c.code,
          href: `/places/c/${c.code}`,
          title: c.name,
          badge: c.kind === 'VILLAGE' ? t('village') : undefined,
          detail: t('compoundCount', { count: c._count.compounds }),
        }))}
      />
    </div>
  );
}
