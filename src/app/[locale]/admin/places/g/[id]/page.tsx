import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminShell } from '@/features/admin/components/admin-shell';
import {
  AssignBuildingsForm,
  ContactsForm,
  AttachWorkerForm,
  CentralHouseholdForm,
  CreateGridForm,
  EndTermForm,
  LinkPartyOrgForm,
  RemoveGridForm,
  RenameGridForm,
} from '@/features/grids/components/grid-forms';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { getCommunityGridsForAdmin } from '@/server/grids/read';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-places-g-id');

/** A community's grids: the tree, buildings by compound, workers, party branches and 党员中心户 (issue 18 item 3). */
export default async function CommunityGridsPage({ params }: PageProps<'/[locale]/admin/places/g/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission(`/admin/places/g/${id}`, 'grid.manage');
  if (!/^\d{1,9}$/.test(id)) notFound();
  const c = await orNotFound(getCommunityGridsForAdmin(by, Number(id)));
  const t = await getTranslations('admin.grids');
  const l = await labels('admin.grids');
  const name = new Map(c.grids.map((g) => [g.id, g.name]));
  const label = (g: (typeof c.grids)[number]) => (g.parentId ? `${name.get(g.parentId)} · ${g.name}` : g.name);
  const all = c.grids.map((g) => ({ value: String(g.id), label: label(g) }));
  const leaves = c.grids.filter((g) => g.leaf).map((g) => ({ value: String(g.id), label: label(g) }));
  const tops = c.grids.filter((g) => g.parentId === null);
  const members = c.members.filter((m) => m.hasAccount).map((m) => ({ value: String(m.id), label: m.name }));
  return (
    <AdminShell title={`${c.name} · ${t('title')}`}>
      <section aria-labelledby="grid-tree" className="space-y-3">
        <h2 id="grid-tree" className="text-2xl font-semibold">
          {t('tree')}
        </h2>
        {c.grids.length === 0 && <p className="text-lg">{t('empty')}</p>}
        <ul className="space-y-3" data-testid="grid-tree">
          {tops.map((top) => (
            <li key={top.id} className="space-y-2">
              {[top, ...c.grids.filter((g) => g.parentId === top.id)].map((g) => (
                <details key={g.id} className={`rounded-lg border border-stone-200 bg-white p-3 ${g.parentId ? 'ml-4' : ''}`}>
                  <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium">
                    {g.name}
                    <span className="ml-2 text-base font-normal text-stone-700">
                      {t(g.kind === 'GRID' ? 'kindGrid' : 'kindMicro')}
                      {g.buildings.length > 0 && ` · ${g.buildings.join('、')}`}
                    </span>
                  </summary>
                  <div className="space-y-3 pt-2 text-lg">
                    {g.partyOrgs.length > 0 && <p>{t('partyOrgIs', { names: g.partyOrgs.join('、') })}</p>}
                    {g.duties.map((d) => (
                      <div key={`d${d.id}`} className="space-y-1">
                        <p>{t('dutyLine', { name: d.name, title: d.title, from: d.startsOn, to: d.endsOn ?? '—' })}</p>
                        <EndTermForm t={l} id={d.id} kind="duty" today={by.today} />
                      </div>
                    ))}
                    {g.centralHouseholds.map((h) => (
                      <div key={`h${h.id}`} className="space-y-1">
                        <p>{t('centralLine', { name: h.name, count: h.contacts.length, from: h.startsOn, to: h.endsOn ?? '—' })}</p>
                        <details className="rounded-lg border border-stone-200 p-3">
                          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">{t('contacts')}</summary>
                          <ContactsForm
                            t={l}
                            centralHouseholdId={h.id}
                            households={g.households.map((x) => ({
                              value: String(x.id),
                              label: x.label,
                              checked: h.contacts.includes(x.id),
                            }))}
                          />
                        </details>
                        <EndTermForm t={l} id={h.id} kind="centralHousehold" today={by.today} />
                      </div>
                    ))}
                    <RenameGridForm t={l} grid={g} />
                    {g.leaf && members.length > 0 && g.households.length > 0 && (
                      <details className="rounded-lg border border-stone-200 p-3">
                        <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">{t('chooseCentral')}</summary>
                        <CentralHouseholdForm
                          t={l}
                          gridId={g.id}
                          members={members}
                          households={g.households.map((h) => ({ value: String(h.id), label: h.label }))}
                          today={by.today}
                        />
                      </details>
                    )}
                    <RemoveGridForm t={l} gridId={g.id} />
                  </div>
                </details>
              ))}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="grid-new" className="space-y-2">
        <h2 id="grid-new" className="text-2xl font-semibold">
          {t('create')}
        </h2>
        <CreateGridForm t={l} communityId={c.id} parents={tops.map((g) => ({ value: String(g.id), label: g.name }))} />
      </section>
      {leaves.length > 0 && (
        <section aria-labelledby="grid-assign" className="space-y-2">
          <h2 id="grid-assign" className="text-2xl font-semibold">
            {t('assignTitle')}
          </h2>
          <AssignBuildingsForm
            t={l}
            communityId={c.id}
            targets={leaves}
            compounds={c.compounds.map((cp) => ({
              id: cp.id,
              name: cp.name,
              buildings: cp.buildings.map((b) => ({
                value: `${b.id}:${b.gridId ?? ''}`,
                label: `${b.name}（${b.gridId ? name.get(b.gridId) : t('noGrid')}）`,
              })),
            }))}
          />
        </section>
      )}
      {c.grids.length > 0 && (
        <section aria-labelledby="grid-workers" className="space-y-2">
          <h2 id="grid-workers" className="text-2xl font-semibold">
            {t('workersTitle')}
          </h2>
          {c.workers.length === 0 ? (
            <p className="text-lg">{t('noWorkers')}</p>
          ) : (
            <AttachWorkerForm t={l} grids={all} workers={c.workers.map((w) => ({ value: String(w.id), label: w.name }))} today={by.today} />
          )}
        </section>
      )}
      {c.grids.length > 0 && c.partyOrgs.length > 0 && (
        <section aria-labelledby="grid-party" className="space-y-2">
          <h2 id="grid-party" className="text-2xl font-semibold">
            {t('partyTitle')}
          </h2>
          <LinkPartyOrgForm t={l} grids={all} partyOrgs={c.partyOrgs.map((o) => ({ value: String(o.id), label: o.name }))} />
        </section>
      )}
    </AdminShell>
  );
}
