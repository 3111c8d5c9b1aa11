import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/link';
import type { listPartyOrgsForAdmin } from '@/server/party/read';

type TOrg = Awaited<ReturnType<typeof listPartyOrgsForAdmin>>[number];

/** Where an organisation sits, in words: the most precise place it names. */
export function placeName(o: Pick<TOrg, 'street' | 'community' | 'grid' | 'compound' | 'building'>) {
  return [o.street.name, o.community?.name, o.grid?.name, o.compound?.name, o.building?.name].filter(Boolean).join(' ');
}

/** The organisations as a tree (a child under its parent; one whose parent is outside one's places at the top). */
export async function PartyOrgTree({ orgs }: { orgs: TOrg[] }) {
  const t = await getTranslations('admin.partyOrgs');
  const tt = await getTranslations('territory');
  const format = await getFormatter();
  const ids = new Set(orgs.map((o) => o.id));
  const children = (id: number | null) =>
    orgs.filter((o) => (id === null ? o.parentId === null || !ids.has(o.parentId) : o.parentId === id));
  const branch = (list: TOrg[], depth: number) => (
    <ul className={depth === 0 ? 'space-y-2' : 'mt-2 space-y-2 border-l-2 border-stone-200 pl-3'}>
      {list.map((o) => (
        <li key={o.id} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="party-org">
          {o.buildable ? (
            <Link href={`/admin/party/orgs/${o.id}`} className="text-lg font-semibold text-brand-700 underline">
              {o.name}
            </Link>
          ) : (
            <span className="text-lg font-semibold">{o.name}</span>
          )}
          <span className="block text-base text-stone-700">
            {tt(`partyOrgKind.${o.kind}`)} · {placeName(o)} · {t('members', { count: o._count.members })}
          </span>
          {o.dissolvedOn && (
            <span className="block text-base font-semibold text-red-800">
              {o.mergedInto
                ? t('mergedInto', { name: o.mergedInto.name })
                : t('dissolvedOn', { date: format.dateTime(o.dissolvedOn, { dateStyle: 'medium', timeZone: 'UTC' }) })}
            </span>
          )}
          {!o.buildable && !o.dissolvedOn && (
            <Link href={`/admin/party/orgs/${o.id}/contacts`} className="block text-base text-brand-700 underline">
              {t('contactChain')}
            </Link>
          )}
          {o.positions.length > 0 && (
            <span className="block text-base">
              {o.positions.map((p) => `${p.person.name}（${tt(`partyPosition.${p.position}`)}）`).join('、')}
            </span>
          )}
          {depth < 6 && children(o.id).length > 0 && branch(children(o.id), depth + 1)}
        </li>
      ))}
    </ul>
  );
  return branch(children(null), 0);
}
