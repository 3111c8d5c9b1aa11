import { getTranslations, setRequestLocale } from 'next-intl/server';
import { titled } from '@/i18n/titles';
import { Link } from '@/i18n/link';
import { communitiesWithLists } from '@/server/consultation/read';

export const generateMetadata = titled('consultation');

/** The communities that have published a consultation list: each a way to its public page. No sign-in. */
export default async function ConsultationIndexPage({ params }: PageProps<'/[locale]/consultation'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const communities = await communitiesWithLists();
  const t = await getTranslations('consultation');
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('list.communities')}</h1>
      <p className="text-lg">{t('list.intro')}</p>
      {communities.length === 0 ? (
        <p className="text-lg">{t('list.noCommunities')}</p>
      ) : (
        <ul className="space-y-2">
          {communities.map((c) => (
            <li key={c.code}>
              <Link href={`/consultation/${c.code}`} className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
                {c.street.name} · {c.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
