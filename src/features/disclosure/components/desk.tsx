import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/link';
import type { TBy } from '@/server/accounts/by';
import { overdueForDesk } from '@/server/disclosure/calendar';
import { SlotList } from './slot-list';

/** Overdue disclosures on the secretary's desk (decision 070): of the places where the account discloses; nothing when none. */
export async function DisclosuresOnDesk({ by }: { by: TBy }) {
  const overdue = await overdueForDesk(by);
  const t = await getTranslations('disclosure');
  if (overdue.length === 0) return null;
  return (
    <section aria-labelledby="desk-disclosure" className="space-y-3" data-testid="desk-disclosure">
      <h2 id="desk-disclosure" className="text-2xl font-semibold">
        {t('desk.title', { count: overdue.length })}
      </h2>
      <SlotList slots={overdue.map((s) => ({ ...s, mine: true }))} />
      <Link href="/admin/disclosure" className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
        {t('desk.all')}
      </Link>
    </section>
  );
}
