import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { ContactChainSection } from '@/features/party/components/contact-chain-section';
import { byOf, requireUser } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { contactChainForAdmin } from '@/server/party/contact-chain-read';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-party-orgs-id-contacts');

/** A branch's contact chain for its own secretary, who does not build the branch and so has no page of it (decision 051). */
export default async function ContactChainPage({ params }: PageProps<'/[locale]/admin/party/orgs/[id]/contacts'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  // The branch's secretary by office (maybe without any grant) or staff over it: contactChainForAdmin decides (decision 051).
  const by = byOf(await requireUser(`/admin/party/orgs/${id}/contacts`));
  const chain = await contactChainForAdmin(by, Number(id) || 0).catch(() => null);
  if (!chain) notFound();
  const t = await getTranslations('admin.partyOrgs');
  return (
    <AdminShell title={chain.orgName}>
      <Link href="/admin/party/orgs" className="text-lg text-brand-700 underline">
        {t('back')}
      </Link>
      <ContactChainSection by={by} partyOrgId={Number(id)} />
    </AdminShell>
  );
}
