import 'server-only';
import { eventSlot, periodicSlots, slotState, type TSlot, type TSlotState } from '@/domain/disclosure/slots';
import type { TDiscloser } from '@/domain/disclosure/discloser';
import type { TAncestry } from '@/domain/territory/places';
import { getDb, type TTx } from '@/server/db';
import { chinaDay, fromDateOnly, inForceOn } from '@/server/today';

/** A place that discloses: a community (compoundId null) or one of its compounds, for the bodies it has. */
export type TDisclosingPlace = {
  communityId: number;
  compoundId: number | null;
  name: string;
  communityName: string;
  ancestry: TAncestry;
  /** Which disclosers act here: the community; a compound's owners' committee and/or its serving firm. */
  disclosers: TDiscloser[];
  /**
   * From which China day a compound's discloser exists (its committee's first term start or creation, its firm's first
   * assignment in force): no slot of a period before that — a committee set up today owes nothing for last quarter.
   */
  since: Partial<Record<TDiscloser, string>>;
};

export type TSlotRow = TSlot & {
  ref: string;
  item: { id: number; name: string; category: string; discloser: TDiscloser; cadence: string };
  place: TDisclosingPlace;
  eventId: number | null;
  state: TSlotState;
  filing: { id: number; noticeId: number | null; waiverReason: string | null; filedOn: string; onTime: boolean; photo: boolean } | null;
};

/** The slot's reference in a link: item, community, compound (0 for the community's own), period key. */
export const slotRef = (itemId: number, communityId: number, compoundId: number | null, key: string) =>
  `${itemId}_${communityId}_${compoundId ?? 0}_${key}`;

export function parseSlotRef(ref: string) {
  const m = /^(\d{1,9})_(\d{1,9})_(\d{1,9})_(\d{4}(?:-Q[1-4]|-\d{2})?|E\d{1,9})$/.exec(ref);
  if (!m) return null;
  return { itemId: Number(m[1]), communityId: Number(m[2]), compoundId: Number(m[3]) || null, key: m[4]! };
}

const COMMITTEES = ['OWNERS_COMMITTEE', 'PROPERTY_MANAGEMENT_COMMITTEE'] as const;

/** The communities' disclosing places: each community, and its compounds with an owners' committee or a serving firm. */
export async function disclosingPlaces(communityIds: number[], today: string, db: TTx = getDb()): Promise<TDisclosingPlace[]> {
  const communities = await db.community.findMany({
    where: { id: { in: communityIds } },
    select: { id: true, name: true, streetId: true, street: { select: { districtId: true } } },
    orderBy: { id: 'asc' },
  });
  const compounds = await db.compound.findMany({
    where: {
      communityId: { in: communityIds },
      OR: [
        { bodies: { some: { kind: { in: [...COMMITTEES] } } } },
        { organizations: { some: { relation: 'PROPERTY_SERVICE', ...inForceOn(today) } } },
      ],
    },
    select: {
      id: true,
      name: true,
      communityId: true,
      bodies: { where: { kind: { in: [...COMMITTEES] } }, select: { termStartsOn: true, createdAt: true } },
      organizations: { where: { relation: 'PROPERTY_SERVICE', ...inForceOn(today) }, select: { startsOn: true } },
    },
    orderBy: { id: 'asc' },
  });
  const places: TDisclosingPlace[] = [];
  for (const c of communities) {
    const ancestry = { district: c.street.districtId, street: c.streetId, community: c.id };
    places.push({
      communityId: c.id,
      compoundId: null,
      name: c.name,
      communityName: c.name,
      ancestry,
      disclosers: ['COMMUNITY'],
      since: {},
    });
    for (const k of compounds.filter((k) => k.communityId === c.id)) {
      const disclosers: TDiscloser[] = [];
      const since: TDisclosingPlace['since'] = {};
      const first = (days: string[]) => days.sort()[0]!;
      if (k.bodies.length) {
        disclosers.push('OWNERS_COMMITTEE');
        since.OWNERS_COMMITTEE = first(k.bodies.map((b) => (b.termStartsOn ? fromDateOnly(b.termStartsOn) : chinaDay(b.createdAt))));
      }
      if (k.organizations.length) {
        disclosers.push('PROPERTY_FIRM');
        since.PROPERTY_FIRM = first(k.organizations.map((o) => fromDateOnly(o.startsOn)));
      }
      places.push({
        communityId: c.id,
        compoundId: k.id,
        name: k.name,
        communityName: c.name,
        ancestry: { ...ancestry, compound: k.id },
        disclosers,
        since,
      });
    }
  }
  return places;
}

/**
 * Every slot of the communities up to today (decision 070): each live item of their district at each place that
 * discloses it, each whole period since the item applies and each recorded event, with its filing and state.
 */
export async function slotsOf(communityIds: number[], today: string, db: TTx = getDb()): Promise<TSlotRow[]> {
  if (communityIds.length === 0) return [];
  const places = await disclosingPlaces(communityIds, today, db);
  const districts = [...new Set(places.map((p) => p.ancestry.district!))];
  const [items, events, filings] = await Promise.all([
    db.disclosureItem.findMany({
      where: { districtId: { in: districts }, retiredAt: null },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    }),
    db.disclosureEvent.findMany({
      where: { communityId: { in: communityIds } },
      select: { id: true, itemId: true, communityId: true, compoundId: true, occurredOn: true, description: true },
    }),
    db.disclosureFiling.findMany({
      where: { communityId: { in: communityIds } },
      select: {
        id: true,
        itemId: true,
        communityId: true,
        compoundId: true,
        periodKey: true,
        noticeId: true,
        waiverReason: true,
        filedAt: true,
        onTime: true,
        photoKey: true,
      },
    }),
  ]);
  const filed = new Map(filings.map((f) => [slotRef(f.itemId, f.communityId, f.compoundId, f.periodKey), f]));
  const rows: TSlotRow[] = [];
  for (const place of places) {
    for (const item of items) {
      if (item.districtId !== place.ancestry.district || !place.disclosers.includes(item.discloser)) continue;
      const slots: (TSlot & { eventId: number | null })[] =
        item.cadence === 'EVENT'
          ? events
              .filter((e) => e.itemId === item.id && e.communityId === place.communityId && e.compoundId === place.compoundId)
              .map((e) => ({ ...eventSlot({ ...e, occurredOn: fromDateOnly(e.occurredOn) }, item.withinDays!), eventId: e.id }))
          : periodicSlots({ ...item, startsOn: later(fromDateOnly(item.startsOn), place.since[item.discloser]) }, today).map((s) => ({
              ...s,
              eventId: null,
            }));
      for (const s of slots) {
        const ref = slotRef(item.id, place.communityId, place.compoundId, s.key);
        const f = filed.get(ref);
        const filing = f
          ? {
              id: f.id,
              noticeId: f.noticeId,
              waiverReason: f.waiverReason,
              filedOn: chinaDay(f.filedAt),
              onTime: f.onTime,
              photo: !!f.photoKey,
            }
          : null;
        rows.push({
          ...s,
          ref,
          item: { id: item.id, name: item.name, category: item.category, discloser: item.discloser, cadence: item.cadence },
          place,
          state: slotState(s.dueOn, filing && { filedOn: filing.filedOn, waived: !!filing.waiverReason }, today),
          filing,
        });
      }
    }
  }
  return rows;
}

const later = (a: string, b: string | undefined) => (b && b > a ? b : a);
