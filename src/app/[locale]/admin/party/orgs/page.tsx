import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PARTY_ORG_KINDS, PARTY_ORG_LEVEL } from '@/domain/party/levels';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { CreatePartyOrgForm } from '@/features/party/components/party-org-forms';
import { PartyOrgTree } from '@/features/party/components/party-org-tree';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { listPartyOrgsForAdmin, topPlacesToBuild } from '@/server/party/read';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-party-orgs');

export default async function PartyOrgsPage({ params }: PageProps<'/[locale]/admin/party/orgs'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/party/orgs', 'partyOrg.manage');
  const t = await getTranslations('admin.partyOrgs');
  const tt = await getTranslations('territory');
  const [orgs, places] = await Promise.all([listPartyOrgsForAdmin(by), topPlacesToBuild(by)]);
  const levels = new Set<string>(places.map((p) => p.level));
  const kinds = PARTY_ORG_KINDS.filter((k) => levels.has(PARTY_ORG_LEVEL[k])).map((k) => ({ value: k, label: tt(`partyOrgKind.${k}`) }));
  return (
    <AdminShell title={t('title')}>
      <p className="text-lg">{t('intro')}</p>
      {orgs.length === 0 ? <p className="text-lg">{t('empty')}</p> : <PartyOrgTree orgs={orgs} />}
      {places.length > 0 && (
        <section aria-labelledby="party-org-create" className="space-y-3">
          <h2 id="party-org-create" className="text-2xl font-semibold">
            {t('create')}
          </h2>
          <CreatePartyOrgForm
            t={await labels('admin.partyOrgs')}
            kinds={kinds}
            places={places.map((p) => ({ value: p.value, label: p.name }))}
            parents={orgs.filter((o) => o.dissolvedOn === null).map((o) => ({ value: String(o.id), label: o.name }))}
          />
        </section>
      )}
    </AdminShell>
  );
}
