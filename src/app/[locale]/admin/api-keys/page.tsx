import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { IssueKeyForm, RevokeKeyButton } from '@/features/api-keys/components/api-key-forms';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { listApiKeys } from '@/server/open311/api-keys';
import { districtsByIds } from '@/server/places/districts';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-api-keys');

/** A district's keys for the Open311 API (the 12345 hotline and other outside systems). */
export default async function ApiKeysPage({ params }: PageProps<'/[locale]/admin/api-keys'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/api-keys', 'apiKey.manage');
  const districtIds = scopesOf(by.actor, 'apiKey.manage', by.today)
    .filter((p) => p.level === 'district')
    .map((p) => p.id);
  const districts = await districtsByIds(districtIds);
  const t = await getTranslations('apiKeys');
  const format = await getFormatter();
  const l = await labels('apiKeys');
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <AdminShell title={t('title')}>
      <p className="text-lg">{t('intro')}</p>
      {await Promise.all(
        districts.map(async (d) => {
          const keys = await orNotFound(listApiKeys(by, d.id));
          return (
            <section key={d.id} aria-labelledby={`d-${d.id}`} className="space-y-3">
              <h2 id={`d-${d.id}`} className="text-2xl font-semibold">
                {t('district', { name: d.name, code: d.code })}
              </h2>
              <p className="text-base text-stone-700 break-all">{t('endpoint', { code: d.code })}</p>
              {keys.length === 0 ? (
                <p className="text-lg">{t('none')}</p>
              ) : (
                <ul className="divide-y divide-stone-200 rounded-lg border border-stone-300">
                  {keys.map((k) => (
                    <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-lg">
                      <span>
                        <span className="font-medium">{k.name}</span> · <code>{k.prefix}…</code>
                        <span className="block text-base text-stone-700">
                          {t('created', { at: day(k.createdAt) })}
                          {k.lastUsedAt ? ` · ${t('lastUsed', { at: day(k.lastUsedAt) })}` : ''}
                          {k.revokedAt ? ` · ${t('revokedAt', { at: day(k.revokedAt) })}` : ''}
                        </span>
                      </span>
                      {!k.revokedAt && <RevokeKeyButton districtId={d.id} keyId={k.id} label={t('revoke')} />}
                    </li>
                  ))}
                </ul>
              )}
              <IssueKeyForm districtId={d.id} t={l} />
            </section>
          );
        }),
      )}
    </AdminShell>
  );
}
