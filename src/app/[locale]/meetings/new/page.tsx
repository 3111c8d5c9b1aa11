import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { can } from '@/domain/authz/can';
import { meetingKinds } from '@/domain/meetings/meetings';
import { ScheduleForm } from '@/features/meetings/components/meeting-forms';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { getDb } from '@/server/db';
import { ancestryOf } from '@/server/places/ancestry';

/** Schedule a meeting or a recurring series in a community (?community=<code>). */
export default async function NewMeetingPage({ params, searchParams }: PageProps<'/[locale]/meetings/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const code = (await searchParams).community;
  const { by } = await requirePermission(`/meetings/new?community=${code ?? ''}`, 'meeting.manage');
  if (typeof code !== 'string') notFound();
  const community = await getDb().community.findUnique({ where: { code }, select: { id: true, name: true, compounds: { orderBy: { name: 'asc' }, select: { id: true, name: true } }, bodies: { orderBy: { id: 'asc' }, select: { id: true, name: true } } } });
  if (!community) notFound();
  const places = [];
  for (const p of [{ value: `community:${community.id}`, label: community.name, ref: { level: 'community' as const, id: community.id } }, ...community.compounds.map((c) => ({ value: `compound:${c.id}`, label: `${community.name} · ${c.name}`, ref: { level: 'compound' as const, id: c.id } }))]) {
    const a = await ancestryOf(p.ref);
    if (a && can(by.actor, 'meeting.manage', { ancestry: a }, by.today)) places.push({ value: p.value, label: p.label });
  }
  if (places.length === 0) notFound();
  const t = await getTranslations('meetings');
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{t('calendar.new')}</h1>
      <ScheduleForm t={await labels('meetings.form')} kinds={meetingKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} places={places} bodies={community.bodies.map((b) => ({ value: String(b.id), label: b.name }))} viewHref={localizedPath('/meetings/ID', locale as TLocale)} />
    </div>
  );
}
