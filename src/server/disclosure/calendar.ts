import 'server-only';
import { can, scopesOf } from '@/domain/authz/can';
import { asDiscloser } from '@/domain/disclosure/discloser';
import { addDays, timeliness } from '@/domain/disclosure/slots';
import type { TPlaceRef } from '@/domain/territory/places';
import { authorize, type TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { disclosingPlaces, slotsOf, type TSlotRow } from './slots';

const ORDER: Record<TSlotRow['state'], number> = { OVERDUE: 0, DUE: 1, LATE: 2, ON_TIME: 3, WAIVED: 3 };
const byUrgency = (a: TSlotRow, b: TSlotRow) =>
  ORDER[a.state] - ORDER[b.state] ||
  (a.state === 'OVERDUE' || a.state === 'DUE' ? a.dueOn.localeCompare(b.dueOn) : b.dueOn.localeCompare(a.dueOn));

/** May the account act on this slot: disclosure.publish at its place, as someone who discloses this item there. */
export const maySlot = (by: TBy, row: Pick<TSlotRow, 'item' | 'place'>) =>
  can(asDiscloser(by.actor, row.item.discloser), 'disclosure.publish', { ancestry: row.place.ancestry }, by.today);

/** May the account read the slot: one who may act on it, or who reads statistics or publishes at its place. */
const mayRead = (by: TBy, row: TSlotRow) =>
  maySlot(by, row) ||
  can(by.actor, 'stats.read', { ancestry: row.place.ancestry }, by.today) ||
  can(by.actor, 'disclosure.publish', { ancestry: { ...row.place.ancestry, compound: undefined } }, by.today);

/**
 * A community's calendar (decision 070): this year's slots and every older one still overdue, of the community and of
 * its compounds — those the account may read (community staff and the street: all; a compound's committee chair or firm
 * staff: their compound's). Overdue first. `only`: 'overdue' for the dashboard's drill-down.
 */
export async function readCalendar(by: TBy, communityId: number, only?: 'overdue') {
  const rows = await readableSlots(by, communityId);
  const yearStart = `${by.today.slice(0, 4)}-01-01`;
  const shown = rows.filter((r) => (only === 'overdue' ? r.state === 'OVERDUE' : r.state === 'OVERDUE' || r.dueOn >= yearStart));
  const community = await getDb().community.findUniqueOrThrow({ where: { id: communityId }, select: { id: true, name: true } });
  return { community, slots: shown.sort(byUrgency).map((r) => ({ ...r, mine: maySlot(by, r) })), rate: rateOf(rows, by.today) };
}

/** Every slot of the community the account may read; refused unless it reads or discloses there. */
export async function readableSlots(by: TBy, communityId: number) {
  const ancestry = await ancestryOf({ level: 'community', id: communityId });
  if (!ancestry) return refuse('auth.forbidden');
  const staff = can(by.actor, 'disclosure.publish', { ancestry }, by.today) || can(by.actor, 'stats.read', { ancestry }, by.today);
  // A compound's committee chair or firm staff: only where they hold disclosure.publish at a compound of this community.
  const compounds = scopesOf(by.actor, 'disclosure.publish', by.today).filter((p) => p.level === 'compound');
  const inside = staff
    ? []
    : await getDb().compound.findMany({ where: { id: { in: compounds.map((p) => p.id) }, communityId }, select: { id: true } });
  if (!staff && inside.length === 0) refuse('auth.forbidden');
  return (await slotsOf([communityId], by.today)).filter((r) => mayRead(by, r));
}

/** 公开及时率 over the slots due in the last twelve months (and those filed early), with every overdue slot counted. */
export function rateOf(rows: readonly TSlotRow[], today: string) {
  const from = addDays(today, -365);
  const recent = rows.filter((r) => r.dueOn >= from);
  const t = timeliness(
    recent.map((r) => ({ dueOn: r.dueOn, filed: r.filing && { filedOn: r.filing.filedOn, waived: !!r.filing.waiverReason } })),
    today,
  );
  return { ...t, overdue: rows.filter((r) => r.state === 'OVERDUE').length };
}

/** The communities whose calendar the account works on: where it discloses (a community, or a compound of it). */
export async function myCommunities(by: TBy) {
  const scopes = scopesOf(by.actor, 'disclosure.publish', by.today).filter((p) => p.level === 'community' || p.level === 'compound');
  const ids = new Set<number>();
  for (const p of scopes) {
    const a = await ancestryOf(p);
    if (a?.community) ids.add(a.community);
  }
  return getDb().community.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
}

/** The overdue slots on the account's desk: of the communities and compounds where it discloses. */
export async function overdueForDesk(by: TBy) {
  const communities = await myCommunities(by);
  const rows = await slotsOf(
    communities.map((c) => c.id),
    by.today,
  );
  return rows.filter((r) => r.state === 'OVERDUE' && maySlot(by, r)).sort(byUrgency);
}

/**
 * 公开及时率 per community of a unit (a street, a district, or one community), for those who read its statistics:
 * the rate, the slots counted and the overdue count, worst first.
 */
export async function timelinessByCommunity(by: TBy, unit: TPlaceRef) {
  if (unit.level !== 'district' && unit.level !== 'street' && unit.level !== 'community') return null;
  authorize(by, 'stats.read', await ancestryOf(unit));
  const where =
    unit.level === 'district' ? { street: { districtId: unit.id } } : unit.level === 'street' ? { streetId: unit.id } : { id: unit.id };
  const communities = await getDb().community.findMany({ where, select: { id: true, name: true }, orderBy: { id: 'asc' } });
  const rows = await slotsOf(
    communities.map((c) => c.id),
    by.today,
  );
  const per = communities.map((c) => ({
    ...c,
    ...rateOf(
      rows.filter((r) => r.place.communityId === c.id),
      by.today,
    ),
  }));
  const total = rateOf(rows, by.today);
  const ratio = (r: { onTime: number; counted: number }) => (r.counted ? r.onTime / r.counted : 2);
  return {
    communities: per.filter((c) => c.counted > 0 || c.overdue > 0).sort((a, b) => ratio(a) - ratio(b) || b.overdue - a.overdue),
    total,
  };
}

/** The event items of the community and the places where the account may record their events (the event form's list). */
export async function eventTargets(by: TBy, communityId: number) {
  const places = await disclosingPlaces([communityId], by.today);
  const district = places[0]?.ancestry.district;
  if (!district) return [];
  const items = await getDb().disclosureItem.findMany({
    where: { districtId: district, cadence: 'EVENT', retiredAt: null },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, category: true, discloser: true, cadence: true },
  });
  return places.flatMap((place) =>
    items
      .filter((item) => place.disclosers.includes(item.discloser) && maySlot(by, { item, place }))
      .map((item) => ({ value: `${item.id}:${place.communityId}:${place.compoundId ?? 0}`, label: `${item.name} · ${place.name}` })),
  );
}
