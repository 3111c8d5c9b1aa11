import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { AppointForm, BodyForm, BuildingForm, CompoundForm, EndMembershipForm, HouseholdForm } from '@/features/places-admin/components/place-forms';
import { bodyKinds } from '@/features/places-admin/schemas';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { UseCaseError } from '@/server/errors';
import { getCompoundForAdmin } from '@/server/territory-admin/compounds';

export default async function CompoundAdminPage({ params }: PageProps<'/[locale]/admin/places/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission(`/admin/places/${id}`, 'territory.manage');
  if (!/^\d{1,9}$/.test(id)) notFound();
  // Out of one's places looks exactly like a compound that does not exist.
  const c = await getCompoundForAdmin(by, Number(id)).catch((e: unknown) => {
    if (e instanceof UseCaseError || (e as { code?: string }).code === 'P2025') notFound();
    throw e;
  });
  const t = await getTranslations('admin');
  const tt = await getTranslations('territory');
  const format = await getFormatter();
  const l = await labels('admin.places');
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' }) : '—');
  const positions = (['CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER'] as const).map((p) => ({ value: p, label: tt(`bodyPosition.${p}`) }));
  return (
    <AdminShell title={`${c.community.name} · ${c.name}`}>
      <section aria-labelledby="settings" className="space-y-3">
        <h2 id="settings" className="text-2xl font-semibold">{t('places.settings')}</h2>
        <CompoundForm t={l} compound={c} />
      </section>
      <section aria-labelledby="buildings" className="space-y-3">
        <h2 id="buildings" className="text-2xl font-semibold">{t('places.buildings')}</h2>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {c.buildings.map((b) => (
            <li key={b.id} className="rounded-lg border border-stone-200 bg-white p-3 text-lg">
              {b.name} <span className="block text-base text-stone-700">{t('places.households', { count: b._count.households })}</span>
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
        <h2 id="bodies" className="text-2xl font-semibold">{t('places.bodies')}</h2>
        {c.bodies.map((b) => (
          <article key={b.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid="admin-body">
            <h3 className="text-xl font-semibold">{b.name}</h3>
            <p className="text-base text-stone-700">
              {tt(`bodyKind.${b.kind}`)}{b.seats ? ` · ${tt('seats', { count: b.seats })}` : ''} · {tt('term', { from: date(b.termStartsOn), to: date(b.termEndsOn) })}
            </p>
            {b.members.length === 0 ? (
              <p className="text-lg">{t('places.noMembers')}</p>
            ) : (
              <ul className="space-y-2">
                {b.members.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 border-t border-stone-100 pt-2 text-lg">
                    <span>{m.person.name} · {tt(`bodyPosition.${m.position}`)} · {t('places.since', { date: date(m.startsOn) })}</span>
                    <EndMembershipForm t={l} memberId={m.id} today={by.today} who={m.person.name} />
                  </li>
                ))}
              </ul>
            )}
            <details>
              <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">{t('places.appoint')}</summary>
              <AppointForm t={l} bodyId={b.id} positions={positions} today={by.today} />
            </details>
          </article>
        ))}
        <details className="rounded-lg border border-stone-200 bg-white p-4">
          <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">{t('places.createBody')}</summary>
          <BodyForm t={l} compoundId={c.id} today={by.today} kinds={bodyKinds.map((k) => ({ value: k, label: tt(`bodyKind.${k}`) }))} />
        </details>
      </section>
    </AdminShell>
  );
}
