import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { can } from '@/domain/authz/can';
import { NoticeForm } from '@/features/notices/components/notice-forms';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { getDb } from '@/server/db';
import { ancestryOf } from '@/server/places/ancestry';

/** Staff publish a notice (or a correction, ?supersedes=) for the community, one of its compounds, or its street. */
export default async function NewNoticePage({ params, searchParams }: PageProps<'/[locale]/board/c/[code]/new'>) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission(`/board/c/${code}/new`, 'notice.publish');
  const raw = (await searchParams).supersedes;
  const supersedes = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  const community = await getDb().community.findUnique({ where: { code }, select: { id: true, name: true, street: { select: { id: true, name: true } }, compounds: { orderBy: { name: 'asc' }, select: { id: true, name: true } } } });
  if (!community) notFound();
  const t = await getTranslations('board');
  const candidates = [
    { value: `community:${community.id}`, label: community.name, ref: { level: 'community' as const, id: community.id } },
    ...community.compounds.map((c) => ({ value: `compound:${c.id}`, label: `${community.name} · ${c.name}`, ref: { level: 'compound' as const, id: c.id } })),
    { value: `street:${community.street.id}`, label: community.street.name, ref: { level: 'street' as const, id: community.street.id } },
  ];
  const places = [];
  for (const c of candidates) {
    const a = await ancestryOf(c.ref);
    if (a && can(by.actor, 'notice.publish', { ancestry: a }, by.today)) places.push({ value: c.value, label: c.label });
  }
  if (places.length === 0) notFound();
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{supersedes ? t('correctTitle', { id: supersedes }) : t('new')}</h1>
      <NoticeForm places={places} categories={(['RESIDENTS', 'PARTY', 'FINANCE'] as const).map((c) => ({ value: c, label: t(`category.${c}`) }))} t={await labels('board.form')} supersedes={supersedes} viewHref={localizedPath('/board/n/ID', locale as TLocale)} />
    </div>
  );
}
