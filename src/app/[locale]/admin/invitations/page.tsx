import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { InvitationsForm } from '@/features/admin/components/invitations-form';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { listCompoundsInScope } from '@/server/admin/scope-lists';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-invitations');

export default async function InvitationsPage({ params }: PageProps<'/[locale]/admin/invitations'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/invitations', 'resident.verify');
  const t = await getTranslations('admin');
  return (
    <AdminShell title={t('sections.invitations')}>
      <p className="text-lg print:hidden">{t('invitations.intro')}</p>
      <InvitationsForm
        compounds={await listCompoundsInScope(by, 'resident.verify')}
        t={{ ...(await labels('admin')), ...(await labels('admin.invitations')) }}
        locale={locale}
      />
    </AdminShell>
  );
}
