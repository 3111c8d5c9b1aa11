import { getTranslations, setRequestLocale } from 'next-intl/server';
import { GRANTED_ROLE_LEVEL } from '@/domain/authz/roles';
import { maskPhone } from '@/domain/shared/phone';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { RevokeButton, StaffForm } from '@/features/admin/components/staff-forms';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { listStaffGrants } from '@/server/accounts/staff';
import { listGrantablePlaces } from '@/server/admin/scope-lists';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-staff');

export default async function StaffPage({ params }: PageProps<'/[locale]/admin/staff'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/staff', 'staff.manage');
  const t = await getTranslations('admin');
  const ta = await getTranslations('account');
  const tt = await getTranslations('territory');
  const grants = await listStaffGrants(by);
  const places = await listGrantablePlaces(by);
  const placeName = new Map(places.map((p) => [`${p.level.toUpperCase()}:${p.id}`, p.name]));
  return (
    <AdminShell title={t('sections.staff')}>
      <section aria-labelledby="staff-list" className="space-y-2">
        <h2 id="staff-list" className="text-2xl font-semibold">
          {t('staff.list')}
        </h2>
        {grants.length === 0 && <p className="text-lg">{t('staff.empty')}</p>}
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {grants.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-lg">
              <span>
                {g.user.person.name} {maskPhone(g.user.phone)} ·{' '}
                {t('staff.at', { role: ta(`role.${g.role}`), place: placeName.get(`${g.placeLevel}:${g.placeId}`) ?? `#${g.placeId}` })}
              </span>
              {g.organizationAssignmentId !== null ? (
                <span className="text-base text-stone-600">{t('staff.followsOrganization')}</span>
              ) : (
                g.user.id !== by.userId && <RevokeButton grantId={g.id} text={t('staff.revoke')} />
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="staff-new" className="space-y-3">
        <h2 id="staff-new" className="text-2xl font-semibold">
          {t('staff.createTitle')}
        </h2>
        <StaffForm
          t={await labels('admin.staff')}
          roles={Object.keys(GRANTED_ROLE_LEVEL).map((r) => ({
            value: r,
            label: `${ta(`role.${r}`)}（${tt(`level.${GRANTED_ROLE_LEVEL[r as keyof typeof GRANTED_ROLE_LEVEL]}`)}）`,
          }))}
          places={places.map((p) => ({ value: `${p.level}:${p.id}`, label: `${tt(`level.${p.level}`)} · ${p.name}` }))}
        />
      </section>
    </AdminShell>
  );
}
