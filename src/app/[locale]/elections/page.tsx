import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { byOf, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { titled } from '@/i18n/titles';
import { listElections } from '@/server/elections/read';

export const generateMetadata = titled('elections');

/** 选举 (issue 22): staff see their places' elections; residents the open ones around their home and their organisation's. */
export default async function ElectionsPage({ params }: PageProps<'/[locale]/elections'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const by = byOf(await requireUser('/elections'));
  const t = await getTranslations('elections');
  const format = await getFormatter();
  const { managed, mine, canOpen } = await listElections(by);
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const list = (items: typeof managed, testId: string) => (
    <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white" data-testid={testId}>
      {items.map((e) => (
        <li key={e.id}>
          <Link href={`/elections/${e.id}`} className="block min-h-14 px-4 py-3 hover:bg-brand-50">
            <span className="block text-lg font-medium">{e.title}</span>
            <span className="block text-base text-stone-700">
              {e.compound?.name ?? e.community.name} · {t(`status.${e.status}`)} · {t('list.seats', { seats: e.seats })}
              {e.round > 1 && ` · ${t('list.round', { round: e.round })}`}
              {e.status === 'NOMINATING' && ` · ${t('list.nominationEnds', { at: at(e.nominationEndsAt) })}`}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('list.title')}</h1>
      <p className="text-lg">{t('list.intro')}</p>
      {canOpen && (
        <Link
          href="/elections/new"
          className="inline-flex min-h-14 items-center rounded-lg bg-brand-700 px-6 text-lg font-semibold text-white"
        >
          {t('list.open')}
        </Link>
      )}
      {managed.length > 0 && (
        <section className="space-y-3">
          <h2 className="text-xl font-semibold">{t('list.managed')}</h2>
          {list(managed, 'elections-managed')}
        </section>
      )}
      {mine.length > 0 && (
        <section className="space-y-3">
          <h2 className="text-xl font-semibold">{t('list.mine')}</h2>
          {list(mine, 'elections-mine')}
        </section>
      )}
      {managed.length === 0 && mine.length === 0 && <p className="text-lg">{t('list.empty')}</p>}
    </div>
  );
}
