import { getTranslations, setRequestLocale } from 'next-intl/server';
import { RaiseForForm } from '@/features/issues/components/raise-for-form';
import { SuggestForForm } from '@/features/issues/components/suggest-for-form';
import { byOf, requireUser } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { listCategories } from '@/server/issues/read-issues';
import { listKeptHouseholds } from '@/server/party/contact-households';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('contacts');

/** 我联系的住户 (decision 051): the households the signed-in keeper keeps in touch with, their open issues, and 代为反映. */
export default async function ContactsPage({ params }: PageProps<'/[locale]/contacts'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser('/contacts');
  const t = await getTranslations('issues.contacts');
  const ti = await getTranslations('issues');
  const households = await listKeptHouseholds(byOf(user));
  const categories = await listCategories(locale, [...new Set(households.map((h) => h.districtId))]);
  const l = await labels('issues.contacts');
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg">{t('intro')}</p>
      {households.length === 0 && <p className="text-lg">{t('none')}</p>}
      <ul className="space-y-4" data-testid="kept-households">
        {households.map((h) => (
          <li key={h.id} className="space-y-2 rounded-lg border border-stone-300 bg-white p-3">
            <h2 className="text-xl font-semibold">{h.label}</h2>
            {h.residents.length > 0 && <p className="text-lg">{t('residents', { names: h.residents.join('、') })}</p>}
            {h.issues.length === 0 ? (
              <p className="text-base text-stone-700">{t('noIssues')}</p>
            ) : (
              <ul className="space-y-1">
                {h.issues.map((i) => (
                  <li key={i.id} className="text-lg">
                    <Link href={`/issues/${i.id}`} className="text-brand-700 underline">
                      #{i.id} {i.title}
                    </Link>{' '}
                    · {ti(`state.${i.state}`)}
                  </li>
                ))}
              </ul>
            )}
            <details>
              <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">{t('raiseFor')}</summary>
              <RaiseForForm
                t={l}
                householdId={h.id}
                categories={categories[h.districtId] ?? []}
                viewHref={localizedPath('/issues/ID', locale as TLocale)}
              />
            </details>
            <details>
              <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">{t('suggestFor')}</summary>
              {h.topics.length === 0 ? (
                <p className="text-base text-stone-700">{t('noTopics')}</p>
              ) : (
                <SuggestForForm t={l} householdId={h.id} topics={h.topics} />
              )}
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
