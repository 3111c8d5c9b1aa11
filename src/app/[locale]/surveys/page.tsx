import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { byOf, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { titled } from '@/i18n/titles';
import { listSurveys, type TSurveyListItem } from '@/server/surveys/read';

export const generateMetadata = titled('surveys');

/** 问卷 (decision 073): a resident's open surveys of their places; the surveys staff run at theirs. */
export default async function SurveysPage({ params }: PageProps<'/[locale]/surveys'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const by = byOf(await requireUser('/surveys'));
  const t = await getTranslations('surveys');
  const format = await getFormatter();
  const { open, managed, canCreate } = await listSurveys(by);
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const list = (items: TSurveyListItem[], testId: string) => (
    <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white" data-testid={testId}>
      {items.map((s) => (
        <li key={s.id}>
          <Link href={`/surveys/${s.id}`} className="block min-h-14 px-4 py-3 hover:bg-brand-50">
            <span className="block text-lg font-medium">{s.title}</span>
            <span className="block text-base text-stone-700">
              {s.place} · {t(`kind.${s.kind as 'NEEDS'}`)} · {t(`status.${s.status}`)}
              {s.status === 'OPEN' && ` · ${t('list.closesAt', { at: at(s.closesAt) })}`}
              {s.answered && ` · ${t('list.answered')}`}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('list.title')}</h1>
      <p className="rounded-lg bg-amber-50 p-3 text-lg">{t('notAVote')}</p>
      {canCreate && (
        <Link
          href="/surveys/new"
          className="inline-flex min-h-14 items-center rounded-lg bg-brand-700 px-6 text-lg font-semibold text-white"
        >
          {t('list.create')}
        </Link>
      )}
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">{t('list.open')}</h2>
        {open.length ? list(open, 'surveys-open') : <p className="text-lg">{t('list.noneOpen')}</p>}
      </section>
      {canCreate && (
        <section className="space-y-3">
          <h2 className="text-xl font-semibold">{t('list.managed')}</h2>
          {managed.length ? list(managed, 'surveys-managed') : <p className="text-lg">{t('list.noneManaged')}</p>}
        </section>
      )}
    </div>
  );
}
