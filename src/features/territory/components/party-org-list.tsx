import { getTranslations } from 'next-intl/server';
import type { TPartyOrg } from '@/server/territory/browse-territory';

export async function PartyOrgList({ orgs }: { orgs: TPartyOrg[] }) {
  const t = await getTranslations('territory');
  if (orgs.length === 0) return null;
  return (
    <section aria-labelledby="party-orgs" className="space-y-3">
      <h2 id="party-orgs" className="text-2xl font-semibold">
        {t('partyOrgs')}
      </h2>
      <ul className="space-y-2">
        {orgs.map((o) => (
          <li key={o.id} className="rounded-lg border border-stone-200 bg-white p-4">
            <span className="block text-lg font-semibold">{o.name}</span>
            <span className="text-base text-stone-700">
              {t(`partyOrgKind.${o.kind}`)} · {t('partyMembers', { count: o._count.members })}
            </span>
            {o.formerNames.length > 0 && (
              <span className="block text-base text-stone-600">
                {t('formerNames', { names: o.formerNames.map((f) => f.name).join('、') })}
              </span>
            )}
            {o.positions.length > 0 && (
              <ul className="mt-2 flex flex-wrap gap-2">
                {o.positions.map((p) => (
                  <li key={p.id} className="rounded bg-stone-100 px-2 py-1 text-base">
                    {p.person.name} <span className="text-brand-700">{t(`partyPosition.${p.position}`)}</span>
                    {p.organization && <span className="text-stone-600"> · {t('partTime', { unit: p.organization.name })}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
