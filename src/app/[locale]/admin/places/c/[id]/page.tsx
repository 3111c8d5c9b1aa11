import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { BodyAdminList } from '@/features/places-admin/components/body-admin-list';
import { BodyForm } from '@/features/places-admin/components/place-forms';
import { bodyKindsAt } from '@/domain/organisation/body-levels';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { getCommunityBodiesForAdmin } from '@/server/territory-admin/bodies';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-places-c-id');

const COMMUNITY_KINDS = bodyKindsAt('community');

export default async function CommunityBodiesPage({ params }: PageProps<'/[locale]/admin/places/c/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission(`/admin/places/c/${id}`, 'body.manage');
  if (!/^\d{1,9}$/.test(id)) notFound();
  const c = await orNotFound(getCommunityBodiesForAdmin(by, Number(id)));
  const t = await getTranslations('admin');
  const tt = await getTranslations('territory');
  return (
    <AdminShell title={`${c.name} · ${t('places.bodies')}`}>
      <BodyAdminList bodies={c.bodies} today={by.today} />
      <details className="rounded-lg border border-stone-200 bg-white p-4">
        <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">{t('places.createBody')}</summary>
        <BodyForm
          t={await labels('admin.places')}
          communityId={c.id}
          today={by.today}
          kinds={COMMUNITY_KINDS.map((k) => ({ value: k, label: tt(`bodyKind.${k}`) }))}
        />
      </details>
    </AdminShell>
  );
}
