import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { titled } from '@/i18n/titles';
import { ListView } from '@/features/consultation/components/list-view';
import { communityByCode, readLists } from '@/server/consultation/read';

export const generateMetadata = titled('consultation-code');

/** A community's published consultation lists (协商目录), like its notice board: no sign-in. */
export default async function ConsultationListPage({ params }: PageProps<'/[locale]/consultation/[code]'>) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  if (!/^\d{1,20}$/.test(code)) notFound();
  const community = await communityByCode(code);
  if (!community) notFound();
  const lists = await readLists(community.id);
  const t = await getTranslations('consultation');
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">
        {community.name} · {t('list.title')}
      </h1>
      <p className="text-lg">{t('list.intro')}</p>
      {lists.length === 0 ? (
        <p className="text-lg">{t('list.none')}</p>
      ) : (
        lists.map((l) => <ListView key={l.id} list={l} community={community.name} />)
      )}
    </div>
  );
}
