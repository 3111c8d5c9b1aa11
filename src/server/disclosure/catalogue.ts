import 'server-only';
import type { TCadence } from '@/domain/disclosure/slots';
import type { TDiscloser } from '@/domain/disclosure/discloser';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { once } from '@/server/once';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly, fromDateOnly } from '@/server/today';
import { DEFAULT_CATALOGUE } from './defaults';

export const CATEGORIES = ['PARTY', 'RESIDENTS', 'FINANCE'] as const;
export const DISCLOSERS = ['COMMUNITY', 'OWNERS_COMMITTEE', 'PROPERTY_FIRM'] as const;
export const CADENCES = ['MONTHLY', 'QUARTERLY', 'YEARLY', 'EVENT'] as const;

export type TItemInput = {
  category: (typeof CATEGORIES)[number];
  discloser: TDiscloser;
  cadence: TCadence;
  /** EVENT: due this many days after the event. */
  withinDays?: number | null;
  /** Periodic: due this many days after the period. */
  graceDays?: number;
  name: string;
  titleTemplate: string;
  bodyTemplate: string;
  periodDays?: number;
  startsOn: string;
  sortOrder?: number;
};

/** Checks an item's fields; refuses in words what the database would refuse in codes. */
function checked(input: TItemInput) {
  if (!CATEGORIES.includes(input.category) || !DISCLOSERS.includes(input.discloser) || !CADENCES.includes(input.cadence))
    refuse('disclosure.badItem');
  const name = input.name.trim();
  const titleTemplate = input.titleTemplate.trim();
  if (!name || !titleTemplate) refuse('disclosure.itemText');
  const event = input.cadence === 'EVENT';
  const withinDays = event ? (input.withinDays ?? null) : null;
  if (event && (withinDays === null || withinDays < 1 || withinDays > 365)) refuse('disclosure.withinDays');
  const graceDays = event ? 0 : (input.graceDays ?? 0);
  if (graceDays < 0 || graceDays > 365) refuse('disclosure.graceDays');
  const periodDays = input.periodDays ?? 7;
  if (periodDays < 1 || periodDays > 365) refuse('disclosure.periodDays');
  return {
    category: input.category,
    discloser: input.discloser,
    cadence: input.cadence,
    withinDays,
    graceDays,
    name: name.slice(0, 60),
    titleTemplate: titleTemplate.slice(0, 120),
    bodyTemplate: input.bodyTemplate.trim().slice(0, 4000),
    periodDays,
    startsOn: dateOnly(input.startsOn),
    sortOrder: input.sortOrder ?? 0,
  };
}

async function districtAncestry(districtId: number) {
  return ancestryOf({ level: 'district', id: districtId });
}

/** The district's catalogue, for those who keep it (retired items last). */
export async function readCatalogue(by: TBy, districtId: number) {
  authorize(by, 'disclosure.configure', await districtAncestry(districtId));
  const items = await getDb().disclosureItem.findMany({
    where: { districtId },
    orderBy: [{ retiredAt: { sort: 'asc', nulls: 'first' } }, { category: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }],
  });
  const district = await getDb().district.findUniqueOrThrow({ where: { id: districtId }, select: { name: true } });
  return { district, items: items.map((i) => ({ ...i, startsOn: fromDateOnly(i.startsOn) })) };
}

/** Adds an item to the district's catalogue (disclosure.configure); a double tap adds one. */
export async function createItem(by: TBy, districtId: number, input: TItemInput & { idempotencyKey?: string }) {
  authorize(by, 'disclosure.configure', await districtAncestry(districtId));
  const data = checked(input);
  const db = getDb();
  const made = (key: string) =>
    db.disclosureItem
      .findUnique({ where: { idempotencyKey: key }, select: { id: true, createdById: true } })
      .then((i) => i && { made: { id: i.id }, madeBy: i.createdById });
  return once(input.idempotencyKey, by.userId, made, () =>
    db.$transaction(async (tx) => {
      const item = await tx.disclosureItem.create({
        data: { ...data, districtId, createdById: by.userId, idempotencyKey: input.idempotencyKey ?? null },
      });
      await audit(tx, by, 'disclosureItem.create', item.id, districtId, undefined, { name: item.name, cadence: item.cadence });
      return { id: item.id };
    }),
  );
}

/** Changes an item: its filings stay as they were; slots not yet filed follow the new rule. */
export async function updateItem(by: TBy, itemId: number, input: TItemInput) {
  const db = getDb();
  const old = (await db.disclosureItem.findUnique({ where: { id: itemId } })) ?? refuse('auth.forbidden');
  authorize(by, 'disclosure.configure', await districtAncestry(old.districtId));
  if (old.retiredAt) refuse('disclosure.retired');
  const data = checked(input);
  return db.$transaction(async (tx) => {
    await tx.disclosureItem.update({ where: { id: itemId }, data });
    await audit(
      tx,
      by,
      'disclosureItem.update',
      itemId,
      old.districtId,
      { name: old.name, cadence: old.cadence },
      { name: data.name, cadence: data.cadence },
    );
    return { id: itemId };
  });
}

/** Retires an item: no new slots; what was filed stays on the board and in the record. */
export async function retireItem(by: TBy, itemId: number) {
  const db = getDb();
  const old = (await db.disclosureItem.findUnique({ where: { id: itemId } })) ?? refuse('auth.forbidden');
  authorize(by, 'disclosure.configure', await districtAncestry(old.districtId));
  return db.$transaction(async (tx) => {
    const r = await tx.disclosureItem.updateMany({ where: { id: itemId, retiredAt: null }, data: { retiredAt: new Date() } });
    if (r.count !== 1) refuse('disclosure.retired');
    await audit(tx, by, 'disclosureItem.retire', itemId, old.districtId, { name: old.name }, { retired: true });
    return { id: itemId };
  });
}

/**
 * Copies the default catalogue of 三务公开 into a district that has none yet (disclosure.configure there), applying from
 * `startsOn`. Two copies at once make one: the district is locked, and a district with items is refused.
 */
export async function copyDefaultCatalogue(by: TBy, districtId: number, startsOn: string = by.today) {
  authorize(by, 'disclosure.configure', await districtAncestry(districtId));
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('disclosure-catalogue'), ${districtId}::int)`;
    if (await tx.disclosureItem.findFirst({ where: { districtId }, select: { id: true } })) refuse('disclosure.catalogueExists');
    await tx.disclosureItem.createMany({
      data: DEFAULT_CATALOGUE.map((d, i) => ({ ...checked({ ...d, startsOn, sortOrder: i }), districtId, createdById: by.userId })),
    });
    await audit(tx, by, 'disclosureItem.create', `default:${districtId}`, districtId, undefined, {
      default: DEFAULT_CATALOGUE.length,
      startsOn,
    });
    return { count: DEFAULT_CATALOGUE.length };
  });
}

async function audit(
  tx: TTx,
  by: TBy,
  action: 'disclosureItem.create' | 'disclosureItem.update' | 'disclosureItem.retire',
  entityId: number | string,
  districtId: number,
  before?: Record<string, string | number | boolean | null>,
  after?: Record<string, string | number | boolean | null>,
) {
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action,
    entityType: 'DisclosureItem',
    entityId,
    before,
    after,
    districtId,
  });
}
