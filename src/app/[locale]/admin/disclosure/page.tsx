import { getTranslations, setRequestLocale } from 'next-intl/server';
import { scopesOf } from '@/domain/authz/can';
import { CalendarSection } from '@/features/disclosure/components/calendar';
import { CatalogueSection } from '@/features/disclosure/components/catalogue';
import { AdminShell } from '@/features/admin/components/admin-shell';
import { orNotFound, requirePermission } from '@/features/shared/guards';
import { Link } from '@/i18n/link';
import { titled } from '@/i18n/titles';
import { myCommunities } from '@/server/disclosure/calendar';

export const generateMetadata = titled('admin-disclosure');

/**
 * 公开目录 (decision 070): the district's catalogue for those who keep it; a community's calendar for its staff, a
 * compound's committee chair or firm (their compound's slots), and — with ?community= — for the street reading its
 * statistics (the dashboard's drill-down, ?only=overdue).
 */
export default async function DisclosurePage({ params, searchParams }: PageProps<'/[locale]/admin/disclosure'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { by } = await requirePermission('/admin/disclosure', ['disclosure.configure', 'disclosure.publish', 'stats.read']);
  const sp = await searchParams;
  const t = await getTranslations('disclosure');
  const districts = scopesOf(by.actor, 'disclosure.configure', by.today).filter((p) => p.level === 'district');
  const mine = await myCommunities(by);
  const asked = typeof sp.community === 'string' && /^\d{1,9}$/.test(sp.community) ? Number(sp.community) : null;
  const communityId = asked ?? (mine.length === 1 ? mine[0]!.id : null);
  return (
    <AdminShell title={t('title')}>
      <p className="text-lg">{t('intro')}</p>
      {communityId !== null && (
        <>{await orNotFound(CalendarSection({ by, communityId, only: sp.only === 'overdue' ? 'overdue' : undefined }))}</>
      )}
      {communityId === null && mine.length > 1 && (
        <nav aria-label={t('calendar.choose')}>
          <ul className="space-y-1">
            {mine.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/admin/disclosure?community=${c.id}`}
                  className="inline-flex min-h-12 items-center text-lg text-brand-700 underline"
                >
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {districts.map((d) => (
        <CatalogueSection key={d.id} by={by} districtId={d.id} />
      ))}
    </AdminShell>
  );
}
