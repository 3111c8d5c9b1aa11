import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { OFFICER_POSITIONS, PARTY_ORG_KINDS, PARTY_ORG_LEVEL } from '@/domain/party/levels';
import { AdminShell } from '@/features/admin/components/admin-shell';
import {
  AppointOfficerForm,
  CreatePartyOrgForm,
  DissolvePartyOrgForm,
  EndOfficerForm,
  MergePartyOrgForm,
  RenamePartyOrgForm,
} from '@/features/party/components/party-org-forms';
import { placeName } from '@/features/party/components/party-org-tree';
import { ContactChainSection } from '@/features/party/components/contact-chain-section';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { Link } from '@/i18n/link';
import { getPartyOrgForAdmin } from '@/server/party/read';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-party-orgs-id');

export default async function PartyOrgPage({ params }: PageProps<'/[locale]/admin/party/orgs/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission(`/admin/party/orgs/${id}`, 'partyOrg.manage');
  const { org, below, mergeTargets, units } = await orNotFound(getPartyOrgForAdmin(by, Number(id) || 0));
  const t = await getTranslations('admin.partyOrgs');
  const tt = await getTranslations('territory');
  const format = await getFormatter();
  const l = await labels('admin.partyOrgs');
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  const levels = new Set<string>(below.map((p) => p.level));
  const kinds = PARTY_ORG_KINDS.filter((k) => levels.has(PARTY_ORG_LEVEL[k])).map((k) => ({ value: k, label: tt(`partyOrgKind.${k}`) }));
  const active = org.dissolvedOn === null;
  return (
    <AdminShell title={org.name}>
      <Link href="/admin/party/orgs" className="text-lg text-brand-700 underline">
        {t('back')}
      </Link>
      <p className="text-lg">
        {tt(`partyOrgKind.${org.kind}`)} · {placeName(org)} · {t('members', { count: org._count.members })}
      </p>
      {org.formerNames.length > 0 && (
        <p className="text-base">{t('formerNames', { names: org.formerNames.map((f) => f.name).join('、') })}</p>
      )}
      {!active && (
        <p className="text-lg font-semibold text-red-800" data-testid="party-org-status">
          {org.mergedInto ? t('mergedInto', { name: org.mergedInto.name }) : t('dissolvedOn', { date: date(org.dissolvedOn!) })}
        </p>
      )}
      <section aria-labelledby="officers" className="space-y-3">
        <h2 id="officers" className="text-2xl font-semibold">
          {t('officers')}
        </h2>
        {org.positions.length === 0 ? (
          <p className="text-lg">{t('noOfficers')}</p>
        ) : (
          <ul className="space-y-2" data-testid="party-officers">
            {org.positions.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 border-t border-stone-100 pt-2 text-lg">
                <span>
                  {p.person.name} · {tt(`partyPosition.${p.position}`)} · {t('since', { date: date(p.startsOn) })}
                  {p.organization && ` · ${t('partTime', { unit: p.organization.name })}`}
                </span>
                <EndOfficerForm t={l} postId={p.id} today={by.today} who={p.person.name} />
              </li>
            ))}
          </ul>
        )}
        {active && (
          <details>
            <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">{t('appoint')}</summary>
            <AppointOfficerForm
              t={l}
              partyOrgId={org.id}
              positions={OFFICER_POSITIONS.map((p) => ({ value: p, label: tt(`partyPosition.${p}`) }))}
              units={units.map((u) => ({ value: String(u.id), label: u.name }))}
              today={by.today}
            />
          </details>
        )}
      </section>
      {active && <ContactChainSection by={by} partyOrgId={org.id} />}
      {active && (
        <>
          <details>
            <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">{t('rename')}</summary>
            <RenamePartyOrgForm t={l} partyOrgId={org.id} />
          </details>
          {kinds.length > 0 && (
            <details>
              <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">{t('createBelow')}</summary>
              <CreatePartyOrgForm t={l} kinds={kinds} places={below.map((p) => ({ value: p.value, label: p.name }))} parentId={org.id} />
            </details>
          )}
          {mergeTargets.length > 0 && (
            <details>
              <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">{t('merge')}</summary>
              <MergePartyOrgForm t={l} fromId={org.id} targets={mergeTargets.map((o) => ({ value: String(o.id), label: o.name }))} />
            </details>
          )}
          <details>
            <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-red-800">{t('dissolve')}</summary>
            <DissolvePartyOrgForm t={l} partyOrgId={org.id} />
          </details>
        </>
      )}
    </AdminShell>
  );
}
