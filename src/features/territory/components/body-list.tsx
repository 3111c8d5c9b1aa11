import { getFormatter, getTranslations } from 'next-intl/server';
import type { TBody } from '@/server/territory/browse-territory';

/** Bodies with their members' positions; positions are listed chair first. */
export async function BodyList({ bodies }: { bodies: TBody[] }) {
  const t = await getTranslations('territory');
  const format = await getFormatter();
  const date = (d: Date | null) => (d ? format.dateTime(d, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }) : '—');
  return (
    <section aria-labelledby="bodies" className="space-y-3">
      <h2 id="bodies" className="text-2xl font-semibold">
        {t('bodies')}
      </h2>
      {bodies.length === 0 && <p className="text-lg">{t('noBodies')}</p>}
      {bodies.map((b) => (
        <article key={b.id} className="rounded-lg border border-stone-200 bg-white p-4">
          <h3 className="text-xl font-semibold">{b.name}</h3>
          <p className="text-base text-stone-700">
            {t(`bodyKind.${b.kind}`)}
            {b.seats ? ` · ${t('seats', { count: b.seats })}` : ''}
            {b.termStartsOn ? ` · ${t('term', { from: date(b.termStartsOn), to: date(b.termEndsOn) })}` : ''}
          </p>
          {b.members.length === 0 ? (
            <p className="mt-2 text-base">{t('vacant')}</p>
          ) : (
            <details className="mt-2" open={b.members.length <= 12}>
              <summary className="min-h-11 cursor-pointer py-2 text-lg">
                {t('members')}（{b.members.length}）
              </summary>
              <ul className="flex flex-wrap gap-2">
                {b.members.map((m) => (
                  <li key={m.id} className="rounded bg-stone-100 px-2 py-1 text-base">
                    {m.person.name}
                    {m.position !== 'MEMBER' && <span className="ml-1 text-brand-700">{t(`bodyPosition.${m.position}`)}</span>}
                    {m.organization && t('onBehalfOf', { organization: m.organization.name })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </article>
      ))}
    </section>
  );
}
