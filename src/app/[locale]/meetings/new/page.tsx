import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { meetingKinds } from '@/domain/meetings/meetings';
import { ScheduleForm } from '@/features/meetings/components/meeting-forms';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { schedulingChoices } from '@/server/meetings/organiser-choices';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('meetings-new');

/** Schedule a meeting or a recurring series in a community (?community=<code>). */
export default async function NewMeetingPage({ params, searchParams }: PageProps<'/[locale]/meetings/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const code = (await searchParams).community;
  const { by } = await requirePermission(`/meetings/new?community=${code ?? ''}`, 'meeting.manage');
  if (typeof code !== 'string') notFound();
  const choices = await schedulingChoices(by, code);
  if (!choices?.places.length) notFound();
  const { places, bodies, hosts, types } = choices;
  const t = await getTranslations('meetings');
  const kinds = [
    ...meetingKinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
    ...types.map((x) => ({ value: `type:${x.id}`, label: locale === 'en' ? x.nameEn : x.nameZh, bodyKind: x.defaultBodyKind })),
  ];
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('calendar.new')}</h1>
      <ScheduleForm
        t={await labels('meetings.form')}
        choices={{ kinds, bodies, hosts, t: await labels('meetings.hosts') }}
        places={places}
        viewHref={localizedPath('/meetings/ID', locale as TLocale)}
        rt={await labels('meetings.residents')}
      />
    </div>
  );
}
