import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/link';
import type { TSlotRow } from '@/server/disclosure/slots';

const BADGE: Record<TSlotRow['state'], string> = {
  OVERDUE: 'bg-red-100 text-red-900 border-red-300',
  DUE: 'bg-amber-50 text-amber-900 border-amber-300',
  LATE: 'bg-stone-100 text-stone-900 border-stone-300',
  ON_TIME: 'bg-green-50 text-green-900 border-green-300',
  WAIVED: 'bg-green-50 text-green-900 border-green-300',
};

/** A list of slots (a calendar, the desk, the drill-down): what, where, which period, due when, in which state, and the next step. */
export async function SlotList({ slots, testId }: { slots: (TSlotRow & { mine?: boolean })[]; testId?: string }) {
  const t = await getTranslations('disclosure');
  if (slots.length === 0) return <p className="text-lg">{t('calendar.none')}</p>;
  return (
    <ul className="space-y-3" data-testid={testId}>
      {slots.map((s) => (
        <li key={s.ref} className="space-y-1 rounded-lg border border-stone-300 p-3" data-testid="disclosure-slot" data-state={s.state}>
          <div className="flex flex-wrap items-baseline gap-2">
            <span className={`rounded border px-2 py-0.5 text-base font-semibold ${BADGE[s.state]}`}>{t(`state.${s.state}`)}</span>
            <span className="text-lg font-semibold">{s.item.name}</span>
            <span className="text-base text-stone-700">
              {t(`category.${s.item.category as 'PARTY'}`)} · {s.place.name}
            </span>
          </div>
          <p className="text-lg">
            {s.label} · {t('calendar.dueOn', { day: s.dueOn })}
            {s.filing && !s.filing.waiverReason && ` · ${t('calendar.filedOn', { day: s.filing.filedOn })}`}
          </p>
          {s.filing?.waiverReason && (
            <p className="text-base">{t('calendar.waivedOn', { day: s.filing.filedOn, reason: s.filing.waiverReason })}</p>
          )}
          <div className="flex flex-wrap gap-x-4">
            {!s.filing && s.mine && (
              <Link
                href={`/admin/disclosure/${s.ref}`}
                className="inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline"
              >
                {t('calendar.open')}
              </Link>
            )}
            {s.filing?.noticeId && (
              <Link href={`/board/n/${s.filing.noticeId}`} className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
                {t('calendar.notice')}
              </Link>
            )}
            {s.filing?.photo && (
              <a
                href={`/api/disclosure/${s.filing.id}/photo`}
                className="inline-flex min-h-12 items-center text-lg text-brand-700 underline"
              >
                {t('calendar.photo')}
              </a>
            )}
            {s.filing && s.mine && !s.filing.photo && (
              <Link href={`/admin/disclosure/${s.ref}`} className="inline-flex min-h-12 items-center text-lg text-brand-700 underline">
                {t('slot.photoTitle')}
              </Link>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
