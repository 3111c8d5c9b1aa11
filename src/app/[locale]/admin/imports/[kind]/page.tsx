import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { IMPORT_KINDS, importKinds, type TImportKind } from '@/domain/imports/kinds';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { TableImportForm } from '@/features/imports/components/table-import-form';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { importOf } from '@/server/imports/registry';
import { importPlaces } from '@/server/imports/places';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-imports-kind');

export default async function ImportKindPage({ params }: PageProps<'/[locale]/admin/imports/[kind]'>) {
  const { locale, kind: raw } = await params;
  setRequestLocale(locale);
  if (!importKinds.includes(raw as TImportKind)) notFound();
  const kind = raw as TImportKind;
  const { by } = await requirePermission(`/admin/imports/${kind}`, IMPORT_KINDS[kind].permission);
  const spec = importOf(kind) ?? notFound();
  const t = await getTranslations('admin.imports');
  const places = await importPlaces(by, kind);
  const en = locale === 'en';
  const template = (format: string) => `/api/imports/${kind}/template?format=${format}&lang=${locale}`;
  return (
    <AdminShell title={t(`${kind}.title`)}>
      <p className="text-lg">{t(`${kind}.intro`)}</p>
      <section aria-labelledby="columns" className="space-y-2">
        <h2 id="columns" className="text-xl font-semibold">
          {t('columns')}
        </h2>
        <ul className="list-disc pl-6 text-lg">
          {Object.values(spec.columns).map((c) => (
            <li key={c.names[0]}>
              {c.names[en ? 1 : 0]}
              {c.required ? ` (${t('required')})` : ''}
            </li>
          ))}
        </ul>
        <p className="flex flex-wrap gap-3 text-lg">
          <a className="inline-flex min-h-12 items-center underline" href={template('xlsx')} download>
            {t('templateXlsx')}
          </a>
          <a className="inline-flex min-h-12 items-center underline" href={template('csv')} download>
            {t('templateCsv')}
          </a>
        </p>
      </section>
      {places.length === 0 ? (
        <p className="text-lg">{t('noPlaces')}</p>
      ) : (
        <TableImportForm kind={kind} places={places} t={await labels('admin.imports')} />
      )}
    </AdminShell>
  );
}
