import 'server-only';
import { randomUUID } from 'node:crypto';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { getFileStore } from '@/server/files/file-store';
import { preparePhoto } from '@/server/issues/photos';
import { once } from '@/server/once';
import { dateOnly, fromDateOnly } from '@/server/today';
import { maySlot, readableSlots } from './calendar';
import { disclosingPlaces, slotRef } from './slots';
import { slotFor } from './file';

export type TEventInput = {
  itemId: number;
  communityId: number;
  compoundId: number | null;
  occurredOn: string;
  description: string;
  idempotencyKey?: string;
};

/**
 * Records an event that opens a "within N days" slot (a residents' meeting's decision, a branch election, a use of the
 * maintenance fund), at a place that discloses the item, by one who discloses it there. Not in the future, not before
 * the item applies. A double tap records one.
 */
export async function recordEvent(by: TBy, input: TEventInput) {
  const db = getDb();
  const description = input.description.trim();
  if (description.length < 2 || description.length > 200) refuse('disclosure.eventText');
  const item = await db.disclosureItem.findUnique({ where: { id: input.itemId } });
  const place = (await disclosingPlaces([input.communityId], by.today)).find((p) => p.compoundId === input.compoundId);
  if (!item || !place || item.retiredAt || item.districtId !== place.ancestry.district || !place.disclosers.includes(item.discloser))
    return refuse('auth.forbidden');
  if (!maySlot(by, { item: { ...item }, place })) refuse('auth.forbidden');
  if (item.cadence !== 'EVENT') refuse('disclosure.notEvent');
  if (input.occurredOn > by.today || input.occurredOn < fromDateOnly(item.startsOn)) refuse('disclosure.eventDay');
  const made = (key: string) =>
    db.disclosureEvent
      .findUnique({ where: { idempotencyKey: key }, select: { id: true, recordedById: true } })
      .then(
        (e) => e && { made: { id: e.id, ref: slotRef(item.id, place.communityId, place.compoundId, `E${e.id}`) }, madeBy: e.recordedById },
      );
  return once(input.idempotencyKey, by.userId, made, () =>
    db.$transaction(async (tx) => {
      const e = await tx.disclosureEvent.create({
        data: {
          itemId: item.id,
          communityId: place.communityId,
          compoundId: place.compoundId,
          occurredOn: dateOnly(input.occurredOn),
          description,
          recordedById: by.userId,
          idempotencyKey: input.idempotencyKey ?? null,
        },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'disclosure.event',
        entityType: 'DisclosureEvent',
        entityId: e.id,
        after: { itemId: item.id, occurredOn: input.occurredOn },
        communityId: place.communityId,
        compoundId: place.compoundId,
      });
      return { id: e.id, ref: slotRef(item.id, place.communityId, place.compoundId, `E${e.id}`) };
    }),
  );
}

/**
 * Attaches (or replaces) the photo of the physical notice board to a filed slot: proof of posting offline. Checked by
 * content (JPEG, PNG, WebP, HEIC up to the photo limit), re-encoded as a JPEG without metadata, stored before the row
 * changes; the replaced photo is removed after.
 */
export async function attachBoardPhoto(by: TBy, ref: string, bytes: Buffer) {
  const row = await slotFor(by, ref);
  if (!row.filing) refuse('disclosure.notFiled');
  const { jpeg } = await preparePhoto(bytes);
  const store = getFileStore();
  const key = `disclosure/${randomUUID()}.jpg`;
  await store.put(key, jpeg);
  try {
    const old = await getDb().$transaction(async (tx) => {
      const before = await tx.disclosureFiling.findUniqueOrThrow({ where: { id: row.filing!.id }, select: { photoKey: true } });
      await tx.disclosureFiling.update({
        where: { id: row.filing!.id },
        data: { photoKey: key, photoAt: new Date(), photoById: by.userId },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'disclosure.proof',
        entityType: 'DisclosureFiling',
        entityId: row.filing!.id,
        after: { slot: ref, replaced: !!before.photoKey },
        communityId: row.place.communityId,
        compoundId: row.place.compoundId,
      });
      return before.photoKey;
    });
    if (old) await store.remove(old);
    return { filingId: row.filing!.id };
  } catch (e) {
    await store.remove(key);
    throw e;
  }
}

/** The board photo of a filing, for those who may read the slot (its disclosers, the community's staff, the street). */
export async function boardPhoto(by: TBy, filingId: number): Promise<Buffer | null> {
  const f = await getDb().disclosureFiling.findUnique({
    where: { id: filingId },
    select: { itemId: true, communityId: true, compoundId: true, periodKey: true, photoKey: true },
  });
  if (!f?.photoKey) return null;
  const ref = slotRef(f.itemId, f.communityId, f.compoundId, f.periodKey);
  const visible = await readableSlots(by, f.communityId).then(
    (rows) => rows.some((s) => s.ref === ref),
    () => false,
  );
  return visible ? getFileStore().get(f.photoKey) : null;
}
