import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { StartRequestForm } from '@/features/meetings/components/request-forms';
import { byOf, orNotFound, requireUser } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { communityOfCode, listRequests } from '@/server/meetings/requests';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('requests-new');

/** Start an art. 10 request in one's community (?community=<code>). */
export default async function NewRequestPage({ params, searchParams }: PageProps<'/[locale]/requests/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const code = (await searchParams).community;
  if (typeof code !== 'string' || !/^\d{6,12}$/.test(code)) notFound();
  const user = await requireUser(`/requests/new?community=${code}`);
  const community = await orNotFound(communityOfCode(code));
  await orNotFound(listRequests(byOf(user), community.id));
  const t = await getTranslations('meetings.requests');
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('new')}</h1>
      <p className="text-lg">{t('intro')}</p>
      <StartRequestForm
        communityId={community.id}
        t={await labels('meetings.requests')}
        viewHref={localizedPath('/requests/ID', locale as TLocale)}
      />
    </div>
  );
}
