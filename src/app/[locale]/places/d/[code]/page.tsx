import type { Metadata } from 'next';
import { pageTitle } from '@/i18n/titles';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { LinkList } from '@/components/link-list';
import { getDistrict } from '@/server/territory/browse-territory';

export async function generateMetadata({ params }: PageProps<'/[locale]/places/d/[code]'>): Promise<Metadata> {
  return pageTitle('places-d-code', (await getDistrict((await params).code))?.name);
}

export default async function DistrictPage({ params }: PageProps<'/[locale]/places/d/[code]'>) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const district = await getDistrict(code);
  if (!district) notFound();
  const t = await getTranslations('territory');
  const tc = await getTranslations('common');
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: tc('nav.home'), href: '/' }, { label: t('title'), href: '/places' }, { label: district.name }]} />
      <h1 className="text-3xl font-bold">{district.name}</h1>
      <p className="text-base text-stone-700">
        {district.cityName} · {t('code', { code: district.code })} · {t('streetCount', { count: district.streets.length })}
      </p>
      <LinkList
        label={t('level.street')}
        items={district.streets.map((s) => ({
          key: s.code,
          href: `/places/s/${s.code}`,
          title: s.name,
          detail: t('communityCount', { count: s._count.communities }),
        }))}
      />
    </div>
  );
}
