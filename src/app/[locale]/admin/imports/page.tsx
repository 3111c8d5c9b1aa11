import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkList } from '@/components/link-list';
import { IMPORT_PERMISSIONS } from '@/domain/imports/kinds';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { requirePermission } from '@/features/shared/guards';
import { importsFor } from '@/server/imports/places';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-imports');

/** Every bulk import the staff member may run (issue 18, item 6). */
export default async function ImportsPage({ params }: PageProps<'/[locale]/admin/imports'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/imports', IMPORT_PERMISSIONS);
  const kinds = importsFor(by);
  if (kinds.length === 0) notFound();
  const t = await getTranslations('admin');
  return (
    <AdminShell title={t('sections.imports')}>
      <p className="text-lg">{t('imports.intro')}</p>
      <LinkList
        items={kinds.map((k) => ({
          key: k,
          href: `/admin/imports/${k}`,
          title: t(`imports.${k}.title`),
          detail: t(`imports.${k}.detail`),
        }))}
      />
    </AdminShell>
  );
}
