import { getFormatter, getTranslations } from 'next-intl/server';
import { labels } from '@/i18n/labels';
import { AppointForm, EndMembershipForm } from './place-forms';

type TBodyRow = {
  id: number;
  kind: string;
  name: string;
  seats: number | null;
  termStartsOn: Date | null;
  termEndsOn: Date | null;
  members: { id: number; position: string; startsOn: Date; person: { name: string } }[];
};

/** Bodies with their current members, a form to appoint and, per member, to end the term. */
export async function BodyAdminList({ bodies, today }: { bodies: TBodyRow[]; today: string }) {
  const t = await getTranslations('admin');
  const tt = await getTranslations('territory');
  const format = await getFormatter();
  const l = await labels('admin.places');
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' }) : '—');
  const positions = (['CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER'] as const).map((p) => ({ value: p, label: tt(`bodyPosition.${p}`) }));
  return (
    <>
      {bodies.map((b) => (
        <article key={b.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid="admin-body">
          <h3 className="text-xl font-semibold">{b.name}</h3>
          <p className="text-base text-stone-700">
            {tt(`bodyKind.${b.kind}`)}
            {b.seats ? ` · ${tt('seats', { count: b.seats })}` : ''} · {tt('term', { from: date(b.termStartsOn), to: date(b.termEndsOn) })}
          </p>
          {b.members.length === 0 ? (
            <p className="text-lg">{t('places.noMembers')}</p>
          ) : (
            <details open={b.members.length <= 12}>
              <summary className="min-h-11 cursor-pointer py-2 text-lg">
                {tt('members')}（{b.members.length}）
              </summary>
              <ul className="space-y-2">
                {b.members.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 border-t border-stone-100 pt-2 text-lg">
                    <span>
                      {m.person.name} · {tt(`bodyPosition.${m.position}`)} · {t('places.since', { date: date(m.startsOn) })}
                    </span>
                    <EndMembershipForm t={l} memberId={m.id} today={today} who={m.person.name} />
                  </li>
                ))}
              </ul>
            </details>
          )}
          <details>
            <summary className="min-h-11 cursor-pointer py-2 text-lg font-medium text-brand-700">{t('places.appoint')}</summary>
            <AppointForm t={l} bodyId={b.id} positions={positions} today={today} />
          </details>
        </article>
      ))}
    </>
  );
}
