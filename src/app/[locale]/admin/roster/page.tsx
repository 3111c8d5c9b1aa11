import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { RosterForm } from '@/features/admin/components/roster-form';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { listCompoundsInScope } from '@/server/admin/scope-lists';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-roster');

export default async function RosterPage({ params }: PageProps<'/[locale]/admin/roster'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/roster', 'roster.import');
  const t = await getTranslations('admin');
  const errors = {
    ...(await labels('errors.roster')),
    ...Object.fromEntries(Object.entries(await labels('errors.area')).map(([k, v]) => [`area.${k}`, v])),
  };
  const rosterErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.startsWith('area.') ? k : `roster.${k}`, v]));
  return (
    <AdminShell title={t('sections.roster')}>
      <p className="text-lg">{t('roster.intro')}</p>
      <RosterForm
        compounds={await listCompoundsInScope(by, 'roster.import')}
        t={{ ...(await labels('admin')), ...(await labels('admin.roster')) }}
        fields={await labels('admin.roster.field')}
        errors={rosterErrors}
      />
    </AdminShell>
  );
}
