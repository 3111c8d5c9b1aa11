import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { byOf, orNotFound, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { communityOfCode, listRequests } from '@/server/meetings/requests';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('requests');

/** A community's art. 10 requests (decision 068): counts only, never who signed. Its residents and those who run its meetings. */
export default async function RequestsPage({ params, searchParams }: PageProps<'/[locale]/requests'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const code = (await searchParams).community;
  if (typeof code !== 'string' || !/^\d{6,12}$/.test(code)) notFound();
  const user = await requireUser(`/requests?community=${code}`);
  const community = await orNotFound(communityOfCode(code));
  const { requests } = await orNotFound(listRequests(byOf(user), community.id));
  const t = await getTranslations('meetings.requests');
  const format = await getFormatter();
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('listTitle', { community: community.name })}</h1>
      <p className="text-lg">{t('intro')}</p>
      <Link
        href={`/requests/new?community=${code}`}
        className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white"
      >
        {t('new')}
      </Link>
      {requests.length === 0 ? (
        <p className="text-lg">{t('none')}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {requests.map((r) => (
            <li key={r.id} className="space-y-1 p-3 text-lg">
              <Link href={`/requests/${r.id}`} className="font-semibold underline">
                {r.matter.length > 60 ? `${r.matter.slice(0, 60)}…` : r.matter}
              </Link>
              <p>
                {t(`status_${r.status}`)} · {t(`count_${r.basis}`, { count: r.count, least: r.least, total: r.total })}
              </p>
              <p className="text-base text-stone-700">
                {t('startedOn', { date: format.dateTime(r.createdAt, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
