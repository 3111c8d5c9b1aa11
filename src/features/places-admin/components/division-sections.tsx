import { getTranslations } from 'next-intl/server';
import { isHandMadeCode } from '@/domain/territory/hand-made';
import { Link } from '@/i18n/link';
import { labels } from '@/i18n/labels';
import { CommunityForm, StreetForm } from './division-forms';

// /admin/places: the district's streets (for district administrators) and the communities in one's scope, a page at a
// time with a search (a district holds thousands), each with its form to rename where the reader may (decision 046).

const details = 'rounded-lg border border-stone-200 bg-white p-3';
const summary = 'min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700';

type TDistrict = { id: number; name: string; streets: { id: number; code: string; name: string; _count: { communities: number } }[] };

export async function StreetsSection({ districts }: { districts: TDistrict[] }) {
  const t = await getTranslations('admin.places');
  const texts = await labels('admin.places');
  return (
    <section aria-labelledby="street-list" className="space-y-2">
      <h2 id="street-list" className="text-2xl font-semibold">
        {t('streets')}
      </h2>
      <p className="text-base text-stone-700">{t('divisionsIntro')}</p>
      <ul className="space-y-2" data-testid="admin-streets">
        {districts.flatMap((d) =>
          d.streets.map((s) => (
            <li key={s.id}>
              <details className={details}>
                <summary className={summary}>
                  {s.name}
                  {isHandMadeCode(s.code) && (
                    <span className="ml-2 rounded bg-stone-200 px-1.5 text-sm text-stone-800">{t('handMade')}</span>
                  )}
                  <span className="block text-base font-normal text-stone-700">
                    {t('streetCommunities', { count: s._count.communities })}
                  </span>
                </summary>
                <StreetForm t={texts} street={s} />
              </details>
            </li>
          )),
        )}
      </ul>
      <details className={details}>
        <summary className={summary}>{t('createStreet')}</summary>
        <StreetForm t={texts} districts={districts.map((d) => ({ value: String(d.id), label: d.name }))} />
      </details>
    </section>
  );
}

type TCommunity = { id: number; name: string; kind: string; streetId: number; street: { name: string } };

export async function CommunitiesSection(props: {
  items: TCommunity[];
  total: number;
  pageSize: number;
  page: number;
  q: string;
  streets: { id: number; name: string }[];
}) {
  const { items, total, pageSize, page, q, streets } = props;
  const t = await getTranslations('admin.places');
  const texts = await labels('admin.places');
  const buildable = new Set(streets.map((s) => s.id));
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => `/admin/places?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <section aria-labelledby="community-bodies" className="space-y-2">
      <h2 id="community-bodies" className="text-2xl font-semibold">
        {t('communityBodies')}
      </h2>
      <form method="get" role="search" className="flex gap-2">
        <label htmlFor="community-q" className="sr-only">
          {t('communitySearch')}
        </label>
        <input
          id="community-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t('communitySearch')}
          className="min-h-12 w-full min-w-0 flex-1 rounded-lg border border-stone-400 bg-white px-3 text-lg"
        />
        <button className="min-h-12 rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white">{t('communitySearchSubmit')}</button>
      </form>
      {items.length === 0 ? (
        <p className="text-lg">{t('noCommunity')}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="admin-communities">
          {items.map((c) => (
            <li key={c.id} className="px-4 py-2">
              <Link href={`/admin/places/c/${c.id}`} className="flex min-h-12 flex-col justify-center hover:bg-brand-50">
                <span className="text-lg font-medium">{c.name}</span>
                <span className="text-base text-stone-600">
                  <span className="sr-only"> · </span>
                  {c.street.name}
                </span>
              </Link>
              {buildable.has(c.streetId) && (
                <details>
                  <summary className={summary}>
                    {t('edit')}
                    <span className="sr-only"> {c.name}</span>
                  </summary>
                  <CommunityForm t={texts} community={c} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t('communityPage', { page, pages, total })} className="flex items-center justify-between gap-2 text-lg">
        {page > 1 ? (
          <Link href={href(page - 1)} className="min-h-11 py-2 text-brand-700 underline">
            {t('prevPage')}
          </Link>
        ) : (
          <span />
        )}
        <span className="text-base text-stone-700">{t('communityPage', { page, pages, total })}</span>
        {page < pages ? (
          <Link href={href(page + 1)} className="min-h-11 py-2 text-brand-700 underline">
            {t('nextPage')}
          </Link>
        ) : (
          <span />
        )}
      </nav>
      {streets.length > 0 && (
        <details className={details}>
          <summary className={summary}>{t('createCommunity')}</summary>
          <CommunityForm t={texts} streets={streets.map((s) => ({ value: String(s.id), label: s.name }))} />
        </details>
      )}
    </section>
  );
}
