import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkList } from '@/components/link-list';
import { getSessionUser } from '@/server/auth/session';
import { byOf } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { managesNotice } from '@/server/notices/board';
import { listBoard } from '@/server/notices/read-board';
import { thisYear } from '@/server/today';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('board-c-code');

/** A community's public notice board: no sign-in; filter by kind, compound, period and words; the archive. */
export default async function BoardPage({ params, searchParams }: PageProps<'/[locale]/board/c/[code]'>) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const q = await searchParams;
  const str = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : undefined);
  const num = (k: string) => (/^\d{1,9}$/.test(str(k) ?? '') ? Number(str(k)) : undefined);
  const category = ['PARTY', 'RESIDENTS', 'FINANCE'].includes(str('category') ?? '') ? str('category') : undefined;
  const board = await listBoard({
    communityCode: code,
    compoundId: num('compound'),
    category,
    year: num('year'),
    month: num('month'),
    q: str('q')?.slice(0, 40),
    archive: str('archive') === '1',
  });
  if (!board) notFound();
  const t = await getTranslations('board');
  const format = await getFormatter();
  const user = await getSessionUser();
  const staff = await managesNotice(user ? byOf(user) : null, {
    streetId: board.community.streetId,
    communityId: board.community.id,
    compoundId: null,
  });
  const select = 'min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg';
  const year = thisYear();
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('title', { community: board.community.name })}</h1>
      <p className="text-lg">{t('intro')}</p>
      <nav className="flex flex-wrap gap-2" aria-label={t('more')}>
        <Link
          href={`/board/c/${code}/finance`}
          className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-4 text-lg"
        >
          {t('finance')}
        </Link>
        <Link
          href={`/board/c/${code}/conventions`}
          className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-4 text-lg"
        >
          {t('conventions')}
        </Link>
        <Link href="/board/verify" className="inline-flex min-h-12 items-center rounded-lg border border-stone-400 bg-white px-4 text-lg">
          {t('verify')}
        </Link>
        {staff && (
          <Link
            href={`/board/c/${code}/new`}
            className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 text-lg font-semibold text-white"
          >
            {t('new')}
          </Link>
        )}
      </nav>
      <form method="get" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-2" role="search">
        <div className="space-y-1">
          <label htmlFor="f-q" className="block text-lg">
            {t('filter.q')}
          </label>
          <input id="f-q" name="q" defaultValue={str('q')} className={select} />
        </div>
        <div className="space-y-1">
          <label htmlFor="f-category" className="block text-lg">
            {t('filter.category')}
          </label>
          <select id="f-category" name="category" defaultValue={category ?? ''} className={select}>
            <option value="">{t('filter.all')}</option>
            {['PARTY', 'RESIDENTS', 'FINANCE'].map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-compound" className="block text-lg">
            {t('filter.compound')}
          </label>
          <select id="f-compound" name="compound" defaultValue={str('compound') ?? ''} className={select}>
            <option value="">{t('filter.wholeCommunity')}</option>
            {board.community.compounds.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-year" className="block text-lg">
            {t('filter.year')}
          </label>
          <select id="f-year" name="year" defaultValue={str('year') ?? ''} className={select}>
            <option value="">{t('filter.current')}</option>
            {[year, year - 1, year - 2].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <label className="flex min-h-12 items-center gap-3 text-lg">
          <input type="checkbox" name="archive" value="1" defaultChecked={str('archive') === '1'} className="size-6" />
          {t('filter.archive')}
        </label>
        <button type="submit" className="min-h-12 rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white">
          {t('filter.submit')}
        </button>
      </form>
      {board.notices.length === 0 ? (
        <p className="text-lg">{t('empty')}</p>
      ) : (
        <LinkList
          label={t('list')}
          items={board.notices.map((n) => ({
            key: String(n.id),
            href: `/board/n/${n.id}`,
            title: n.title,
            badge: t(`category.${n.category}`),
            detail: `${format.dateTime(n.publishedAt, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' })}${n.concludedAt ? ` · ${t('concluded')}` : n.periodEndsAt && n.periodEndsAt > new Date() ? ` · ${t('inPeriod')}` : ''}`,
          }))}
        />
      )}
    </div>
  );
}
