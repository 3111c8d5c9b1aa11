import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { DeskAccountForm, ResetByPhoneForm } from '@/features/admin/components/desk-forms';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { ProposalsOnDesk } from '@/features/meetings/components/proposals-desk';
import { DisclosuresOnDesk } from '@/features/disclosure/components/desk';
import { OverdueList } from '@/features/topics/components/overdue-list';
import { listCompoundsInScope } from '@/server/admin/scope-lists';
import { overdueOnDesk } from '@/server/topics/overdue-desk';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-desk');

export default async function DeskPage({ params }: PageProps<'/[locale]/admin/desk'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/desk', 'resident.verify');
  const t = await getTranslations('admin');
  const ta = await getTranslations('account');
  const l = { ...(await labels('admin')), ...(await labels('admin.roster.field')), ...(await labels('admin.desk')) };
  const overdue = await overdueOnDesk(by);
  return (
    <AdminShell title={t('sections.desk')}>
      <ProposalsOnDesk by={by} />
      <DisclosuresOnDesk by={by} />
      <section aria-labelledby="desk-overdue" className="space-y-3">
        <h2 id="desk-overdue" className="text-2xl font-semibold">
          {t('desk.overdueTitle')}
        </h2>
        <OverdueList tasks={overdue.tasks} steps={overdue.steps} />
      </section>
      <section aria-labelledby="desk-create" className="space-y-3">
        <h2 id="desk-create" className="text-2xl font-semibold">
          {t('desk.createTitle')}
        </h2>
        <p className="text-lg">{t('desk.createIntro')}</p>
        <DeskAccountForm
          compounds={await listCompoundsInScope(by, 'resident.verify')}
          t={l}
          relations={(['OWNER', 'FAMILY', 'TENANT'] as const).map((r) => ({ value: r, label: ta(`relation.${r}`) }))}
        />
      </section>
      <section aria-labelledby="desk-reset" className="space-y-3">
        <h2 id="desk-reset" className="text-2xl font-semibold">
          {t('desk.resetTitle')}
        </h2>
        <p className="text-lg">{t('desk.resetIntro')}</p>
        <ResetByPhoneForm t={l} />
      </section>
    </AdminShell>
  );
}
