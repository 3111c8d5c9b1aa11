import { getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { RaiseIssueForm } from '@/features/issues/components/raise-issue-form';
import { byOf, requireUser } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { listCategories, listRaisePlaces } from '@/server/issues/read-issues';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('issues-new');

export default async function RaiseIssuePage({ params, searchParams }: PageProps<'/[locale]/issues/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = (await searchParams).compound;
  const preset = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  const user = await requireUser(preset ? `/issues/new?compound=${preset}` : '/issues/new');
  const t = await getTranslations('issues.raise');
  const by = byOf(user);
  const compounds = await listRaisePlaces(by, preset);
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-lg">{t('intro')}</p>
      {compounds.length === 0 ? (
        <p className="rounded-lg bg-amber-50 p-3 text-lg text-amber-900">{t('noPlace')}</p>
      ) : (
        <RaiseIssueForm
          t={await labels('issues.raise')}
          categories={await listCategories(
            locale,
            compounds.map((c) => c.districtId),
          )}
          compounds={compounds}
          viewHref={localizedPath('/issues/ID', locale as TLocale)}
          forOthers={scopesOf(user.actor, 'issue.handle', by.today).length > 0}
        />
      )}
    </div>
  );
}
