import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { requirePermission } from '@/features/shared/guards';
import { listAudit } from '@/server/accounts/read-audit';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-audit');

export default async function AuditPage({ params }: PageProps<'/[locale]/admin/audit'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/audit', 'audit.read');
  const t = await getTranslations('admin');
  const format = await getFormatter();
  const rows = await listAudit(by, { take: 200 });
  return (
    <AdminShell title={t('sections.audit')}>
      {rows.length === 0 ? (
        <p className="text-lg">{t('audit.empty')}</p>
      ) : (
        <ScrollRegion label={t('sections.audit')} className="rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-base">
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="p-2">
                  {t('audit.when')}
                </th>
                <th scope="col" className="p-2">
                  {t('audit.who')}
                </th>
                <th scope="col" className="p-2">
                  {t('audit.what')}
                </th>
                <th scope="col" className="p-2">
                  {t('audit.object')}
                </th>
                <th scope="col" className="p-2">
                  {t('audit.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={String(r.id)} className="border-t border-stone-200 align-top">
                  <td className="whitespace-nowrap p-2">{format.dateTime(r.at, { dateStyle: 'short', timeStyle: 'short' })}</td>
                  <td className="p-2">{r.actorLabel}</td>
                  <td className="p-2">
                    {t.has(`audit.action.${r.action}`) ? t(`audit.action.${r.action}` as 'audit.action.issue.raise') : r.action}
                  </td>
                  <td className="p-2">
                    {t.has(`audit.entity.${r.entityType}`) ? t(`audit.entity.${r.entityType}` as 'audit.entity.Issue') : r.entityType} #
                    {r.entityId}
                  </td>
                  <td className="p-2 text-sm">
                    <Change before={r.before} after={r.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </AdminShell>
  );
}

/** Before → after, field by field, for the fields that changed (or were set). */
function Change({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (keys.length === 0) return null;
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return (
    <ul className="space-y-0.5">
      {keys.map((k) => (
        <li key={k} className="break-all">
          <span className="font-mono">{k}</span>: {k in b ? <>{show(b[k])} → </> : null}
          {show(a[k])}
        </li>
      ))}
    </ul>
  );
}
