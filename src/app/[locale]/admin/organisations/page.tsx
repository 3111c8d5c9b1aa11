import { getTranslations, setRequestLocale } from 'next-intl/server';
import { organizationKinds, relationsOf, type TOrganizationKind } from '@/domain/organisation/organisations';
import { maskPhone } from '@/domain/shared/phone';
import { AdminShell } from '@/features/admin/components/admin-shell';
import {
  AssignForm,
  EditOrganizationForm,
  EndAssignmentForm,
  EndFirmStaffButton,
  FirmStaffForm,
  RegisterOrganizationForm,
} from '@/features/organisations/components/organisation-forms';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { assignablePlaces, listOrganizations, registerDistrictChoices } from '@/server/organisations/register';
import { fromDateOnly } from '@/server/today';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-organisations');

export default async function OrganisationsPage({ params }: PageProps<'/[locale]/admin/organisations'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/organisations', 'organization.manage');
  const t = await getTranslations('admin.organisations');
  const texts = await labels('admin.organisations');
  const [orgs, places, districts] = await Promise.all([listOrganizations(by), assignablePlaces(by), registerDistrictChoices(by)]);
  const kinds = organizationKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  const relations = (kind: TOrganizationKind) => relationsOf(kind).map((r) => ({ value: r, label: t(`relations.${r}`) }));
  const placeOptions = places.flatMap((c) => [
    ...(c.assignable ? [{ value: `community:${c.id}`, label: t('community', { name: c.name }) }] : []),
    ...c.compounds.map((p) => ({ value: `compound:${p.id}`, label: `${c.name} · ${p.name}` })),
  ]);
  const day = (d: Date) => fromDateOnly(d);
  return (
    <AdminShell title={t('title')}>
      <p className="text-lg">{t('intro')}</p>
      {orgs.length === 0 && <p className="text-lg">{t('none')}</p>}
      <ul className="space-y-4">
        {orgs.map((o) => (
          <li key={o.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid="organisation">
            <div>
              <h2 className="text-xl font-semibold">{o.name}</h2>
              <p className="text-base text-stone-700">
                {t(`kinds.${o.kind}`)}
                {o.hasPartyOrg && ` · ${t('partyOrgYes')}`}
                {o.creditCode && ` · ${o.creditCode}`}
                {o.phone && ` · ${o.phone}`}
              </p>
            </div>
            <section className="space-y-2">
              <h3 className="text-lg font-semibold">{t('assignments')}</h3>
              {o.assignments.length === 0 && <p className="text-base">{t('noAssignments')}</p>}
              <ul className="space-y-2">
                {o.assignments.map((a) => {
                  const ended = a.endsOn !== null && day(a.endsOn) < by.today;
                  return (
                    <li key={a.id} className="space-y-1 text-base" data-testid="assignment">
                      <span>
                        {a.compound ? `${a.community.name} · ${a.compound.name}` : t('community', { name: a.community.name })} ·{' '}
                        {t(`relations.${a.relation}`)} ·{' '}
                        {a.endsOn ? t('range', { from: day(a.startsOn), to: day(a.endsOn) }) : t('from', { from: day(a.startsOn) })}
                        {ended && ` · ${t('ended')}`}
                      </span>
                      {!ended && <EndAssignmentForm t={texts} assignmentId={a.id} today={by.today} />}
                    </li>
                  );
                })}
              </ul>
              {placeOptions.length > 0 && (
                <details>
                  <summary className="min-h-11 cursor-pointer py-2 text-lg underline">{t('assign')}</summary>
                  <AssignForm t={texts} id={o.id} relations={relations(o.kind)} places={placeOptions} today={by.today} />
                </details>
              )}
            </section>
            {(o.kind === 'PROPERTY_FIRM' || o.kind === 'MEDIATION_STUDIO') && (
              <section className="space-y-2">
                <h3 className="text-lg font-semibold">{t('staff')}</h3>
                {o.members.length === 0 && <p className="text-base">{t('noStaff')}</p>}
                <ul className="space-y-1">
                  {o.members.map((m) => (
                    <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 text-base">
                      <span>
                        {m.person.name} · {m.title} {m.person.phone && maskPhone(m.person.phone)}
                        {m.leftOn && ` · ${t('staffLeft')}`}
                      </span>
                      {!m.leftOn && <EndFirmStaffButton memberId={m.id} text={t('endStaff')} />}
                    </li>
                  ))}
                </ul>
                <details>
                  <summary className="min-h-11 cursor-pointer py-2 text-lg underline">{t('createStaff')}</summary>
                  <FirmStaffForm t={texts} id={o.id} />
                </details>
              </section>
            )}
            <details>
              <summary className="min-h-11 cursor-pointer py-2 text-lg underline">{t('edit')}</summary>
              <EditOrganizationForm
                t={texts}
                kinds={kinds}
                id={o.id}
                values={{ kind: o.kind, name: o.name, creditCode: o.creditCode, phone: o.phone, hasPartyOrg: o.hasPartyOrg }}
              />
            </details>
          </li>
        ))}
      </ul>
      <section aria-labelledby="org-new" className="space-y-3">
        <h2 id="org-new" className="text-2xl font-semibold">
          {t('register')}
        </h2>
        <RegisterOrganizationForm t={texts} kinds={kinds} districts={districts.map((d) => ({ value: String(d.id), label: d.name }))} />
      </section>
    </AdminShell>
  );
}
