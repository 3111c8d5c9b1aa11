import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { byOf, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { titled } from '@/i18n/titles';
import { myCases } from '@/server/mediation/read';

export const generateMetadata = titled('mediation');

/** My mediation cases (issue 21): a manager's community's cases, the cases one mediates, one's own as a party. No summary here. */
export default async function MediationCasesPage({ params }: PageProps<'/[locale]/mediation'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const by = byOf(await requireUser('/mediation'));
  const t = await getTranslations('mediation');
  const format = await getFormatter();
  const cases = await myCases(by);
  const receives = scopesOf(by.actor, 'mediation.manage', by.today).length > 0;
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('page.title')}</h1>
      <p className="text-lg">{t('page.intro')}</p>
      {receives && (
        <Link
          href="/mediation/new"
          className="inline-flex min-h-14 items-center rounded-lg bg-brand-700 px-6 text-lg font-semibold text-white"
        >
          {t('page.receive')}
        </Link>
      )}
      {cases.length === 0 ? (
        <p className="text-lg">{t('page.empty')}</p>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white" data-testid="mediation-cases">
          {cases.map((c) => (
            <li key={c.id}>
              <Link href={`/mediation/${c.id}`} className="block min-h-14 px-4 py-3 hover:bg-brand-50">
                <span className="block text-lg font-medium">{t('caseNo', { year: c.year, community: c.community.name, seq: c.seq })}</span>
                <span className="block text-base text-stone-700">
                  {t(`kind.${c.kind}`)} · {t(`status.${c.status}`)} · {t(`urgency.${c.urgency}`)} ·{' '}
                  {t('page.receivedOn', { day: format.dateTime(c.receivedOn, { dateStyle: 'medium', timeZone: 'UTC' }) })}
                  {c.mine && ` · ${t('page.mine')}`}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
