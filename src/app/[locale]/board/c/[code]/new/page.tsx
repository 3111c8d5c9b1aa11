import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NoticeForm } from '@/features/notices/components/notice-forms';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { localizedPath } from '@/i18n/paths';
import type { TLocale } from '@/i18n/routing';
import { publishablePlaces } from '@/server/notices/publish-places';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('board-c-code-new');

/** Staff publish a notice (or a correction, ?supersedes=) for the community, one of its compounds, or its street. */
export default async function NewNoticePage({ params, searchParams }: PageProps<'/[locale]/board/c/[code]/new'>) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission(`/board/c/${code}/new`, 'notice.publish');
  const raw = (await searchParams).supersedes;
  const supersedes = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  const places = await publishablePlaces(by, code);
  if (!places?.length) notFound();
  const t = await getTranslations('board');
  return (
    <div className="space-y-5 pt-2">
      <h1 className="text-3xl font-bold">{supersedes ? t('correctTitle', { id: supersedes }) : t('new')}</h1>
      <NoticeForm
        places={places}
        categories={(['RESIDENTS', 'PARTY', 'FINANCE'] as const).map((c) => ({ value: c, label: t(`category.${c}`) }))}
        t={await labels('board.form')}
        supersedes={supersedes}
        viewHref={localizedPath('/board/n/ID', locale as TLocale)}
      />
    </div>
  );
}
