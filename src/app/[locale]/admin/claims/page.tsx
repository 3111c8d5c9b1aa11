import { getTranslations, setRequestLocale } from 'next-intl/server';
import { maskPhone } from '@/domain/shared/phone';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { ClaimReview } from '@/features/admin/components/claim-review';
import { requirePermission } from '@/features/shared/guards';
import { labels } from '@/i18n/labels';
import { listPendingClaims } from '@/server/accounts/claims';
import { titled } from '@/i18n/titles';

export const generateMetadata = titled('admin-claims');

export default async function ClaimsPage({ params }: PageProps<'/[locale]/admin/claims'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/claims', 'resident.verify');
  const t = await getTranslations('admin');
  const ta = await getTranslations('account');
  const claims = await listPendingClaims(by);
  const l = await labels('admin.claims');
  return (
    <AdminShell title={t('sections.claims')}>
      {claims.length === 0 && <p className="text-lg">{t('claims.empty')}</p>}
      <ul className="space-y-3">
        {claims.map((c) => (
          <li key={c.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4" data-testid="claim">
            <p className="text-xl font-semibold">
              {c.household.building.compound.name} {c.household.building.name} {c.household.unitNo}单元 {c.household.roomNo}
            </p>
            {/* Staff verifying residents may see full numbers (phone.read goes with resident.verify). */}
            <p className="text-lg">
              {t('claims.claimant', { name: c.user.person.name, phone: c.user.phone, relation: ta(`relation.${c.relation}`) })}
            </p>
            <p className="text-base text-stone-700">
              {c.household.ownerships.length
                ? t('claims.roster', {
                    owners: c.household.ownerships
                      .map((o) => `${o.person.name}${o.person.phone ? `（${maskPhone(o.person.phone)}）` : ''}`)
                      .join('、'),
                  })
                : t('claims.noOwner')}
            </p>
            <ClaimReview claimId={c.id} t={l} />
          </li>
        ))}
      </ul>
    </AdminShell>
  );
}
