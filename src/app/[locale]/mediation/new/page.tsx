import { getTranslations, setRequestLocale } from 'next-intl/server';
import { mediationKinds, mediationSources } from '@/domain/mediation/status';
import { ReceiveForm } from '@/features/mediation/components/receive-form';
import { requirePermission } from '@/features/shared/guards';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { titled } from '@/i18n/titles';
import { receivingCommunities } from '@/server/mediation/read';

export const generateMetadata = titled('mediation-new');

/** 受理 (issue 21 item 1): a visit, meeting, referral or walk-in; or, with ?issue=ID, a resident's issue ("转为调解"). */
export default async function ReceiveCasePage({ params, searchParams }: PageProps<'/[locale]/mediation/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const issue = Number((await searchParams).issue);
  const issueId = Number.isSafeInteger(issue) && issue > 0 ? issue : undefined;
  const { by } = await requirePermission(issueId ? `/mediation/new?issue=${issueId}` : '/mediation/new', 'mediation.manage');
  const t = await getTranslations('mediation');
  const options = (ns: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${ns}.${v}` as never) }));
  const communities = (await receivingCommunities(by)).map((c) => ({ value: String(c.id), label: c.name }));
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{issueId ? t('page.fromIssue', { id: issueId }) : t('page.receive')}</h1>
      <p className="text-lg">{issueId ? t('page.fromIssueIntro') : t('page.receiveIntro')}</p>
      <p className="rounded-lg bg-amber-50 p-3 text-lg">{t('confidential')}</p>
      <ReceiveForm
        t={t.raw('form') as Record<string, string>}
        kinds={options('kind', mediationKinds)}
        sources={options('source', mediationSources)}
        urgencies={options('urgency', ['NORMAL', 'URGENT'])}
        communities={communities}
        issueId={issueId}
        viewHref={localizedPath('/mediation/ID', locale as TLocale)}
        openLabel={t('page.open')}
      />
    </div>
  );
}
