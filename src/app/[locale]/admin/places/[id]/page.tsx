import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { BodyAdminList } from '@/features/places-admin/components/body-admin-list';
import { BodyForm, BuildingForm, CompoundForm, EditBuildingForm, HouseholdForm } from '@/features/places-admin/components/place-forms';
import { bodyKindsAt } from '@/domain/organisation/body-levels';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { getCompoundForAdmin } from '@/server/territory-admin/compounds';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-places-id');

export default async function CompoundAdminPage({ params }: PageProps<'/[locale]/admin/places/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission(`/admin/places/${id}`, 'territory.manage');
  if (!/^\d{1,9}$/.test(id)) notFound();
  const c = await orNotFound(getCompoundForAdmin(by, Number(id)));
  const t = await getTranslations('admin');
  const tt = await getTranslations('territory');
  const l = await labels('admin.places');
  return (
    <AdminShell title={`${c.community.name} · ${c.name}`}>
      <section aria-labelledby="settings" className="space-y-3">
        <h2 id="settings" className="text-2xl font-semibold">
          {t('places.settings')}
        </h2>
        <CompoundForm t={l} compound={c} />
      </section>
      <section aria-labelledby="buildings" className="space-y-3">
        <h2 id="buildings" className="text-2xl font-semibold">
          {t('places.buildings')}
        </h2>
        <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {c.buildings.map((b) => (
            <li key={b.id} className="rounded-lg border border-stone-200 bg-white p-3 text-lg">
              {b.name} <span className="block text-base text-stone-700">{t('places.households', { count: b._count.households })}</span>
              <details>
                <summary className="min-h-11 cursor-pointer py-2 text-base text-brand-700">{t('places.edit')}</summary>
                <EditBuildingForm t={l} building={b} />
              </details>
            </li>
          ))}
        </ul>
        <BuildingForm t={l} compoundId={c.id} />
        {c.buildings.length > 0 && (
          <>
            <h3 className="text-xl font-semibold">{t('places.household')}</h3>
            <HouseholdForm t={l} buildings={c.buildings.map((b) => ({ value: String(b.id), label: b.name }))} />
          </>
        )}
      </section>
      <section aria-labelledby="bodies" className="space-y-3">
        <h2 id="bodies" className="text-2xl font-semibold">
          {t('places.bodies')}
        </h2>
        <BodyAdminList bodies={c.bodies} today={by.today} />
        <details className="rounded-lg border border-stone-200 bg-white p-4">
          <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">{t('places.createBody')}</summary>
          <BodyForm
            t={l}
            compoundId={c.id}
            today={by.today}
            kinds={bodyKindsAt('compound').map((k) => ({ value: k, label: tt(`bodyKind.${k}`) }))}
          />
        </details>
      </section>
    </AdminShell>
  );
}
