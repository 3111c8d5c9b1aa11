import { getTranslations } from 'next-intl/server';
import { labels } from '@/i18n/labels';
import type { TBy } from '@/server/accounts/by';
import { rosterPick } from '@/server/meetings/open';
import type { getMeetingView } from '@/server/meetings/read-meetings';
import { RosterPickForm, WalkInForm } from './open-forms';

type TView = NonNullable<Awaited<ReturnType<typeof getMeetingView>>>;

/**
 * An open meeting on its page (decision 067): a line for everyone; for its organisers the residents who signed in
 * and the walk-ins, listed apart (names for organisers only), and the forms to record a walk-in by name or from the
 * roster (building first, by a plain GET form, then the resident).
 */
export async function OpenSection({ m, by, building }: { m: TView; by: TBy | null; building?: string | string[] }) {
  if (!m.open) return null;
  const t = await getTranslations('meetings.open');
  if (!m.staff || !by) return <p className="text-lg">{t('badge')}</p>;
  const l = await labels('meetings.open');
  const chosen = typeof building === 'string' && /^\d{1,9}$/.test(building) ? Number(building) : undefined;
  const roster = await rosterPick(by, m.id, chosen);
  const { residents, walkIns } = m.staff.participants;
  const announced = !m.approval || m.approval.approval === 'APPROVED';
  return (
    <section aria-labelledby="open" className="space-y-3">
      <p className="text-lg">{t('badge')}</p>
      <h2 id="open" className="text-2xl font-semibold">
        {t('participants')} {residents.length + walkIns.length}
      </h2>
      <h3 className="text-xl font-semibold">{t('residents')}</h3>
      <ul className="space-y-1 text-lg" data-testid="open-residents">
        {residents.length === 0 && <li>{t('none')}</li>}
        {residents.map((r) => (
          <li key={r.id}>
            {r.name} · {r.method === 'QR' ? t('qr') : t('manual')}
          </li>
        ))}
      </ul>
      <h3 className="text-xl font-semibold">{t('walkIns')}</h3>
      <ul className="space-y-1 text-lg" data-testid="open-walk-ins">
        {walkIns.length === 0 && <li>{t('none')}</li>}
        {walkIns.map((w) => (
          <li key={w.id}>{w.name}</li>
        ))}
      </ul>
      {announced && m.status !== 'CANCELLED' && (
        <div className="no-print space-y-4" data-testid="walk-in">
          <h3 className="text-xl font-semibold">{t('walkInTitle')}</h3>
          <p className="text-base text-stone-700">{t('walkInHint')}</p>
          <WalkInForm meetingId={m.id} t={l} />
          <form method="get" className="space-y-2">
            <label htmlFor="roster-building" className="block text-lg font-medium">
              {t('building')}
            </label>
            <select
              id="roster-building"
              name="building"
              defaultValue={roster.building ? String(roster.building) : ''}
              className="min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg"
            >
              <option value="">{t('chooseBuilding')}</option>
              {roster.buildings.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label}
                </option>
              ))}
            </select>
            <button type="submit" className="min-h-12 rounded-lg border border-stone-400 bg-white px-4 text-lg">
              {t('showRoster')}
            </button>
          </form>
          {roster.people.length > 0 && (
            <RosterPickForm meetingId={m.id} people={roster.people.map((p) => ({ value: String(p.personId), label: p.label }))} t={l} />
          )}
        </div>
      )}
    </section>
  );
}
