import 'server-only';
import { fillTemplate } from '@/domain/disclosure/slots';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { publishNotice } from '@/server/notices/publish';
import { chinaDay, dateOnly } from '@/server/today';
import { maySlot } from './calendar';
import { parseSlotRef, slotsOf, type TSlotRow } from './slots';

/** The slot a reference names, as of today; refused alike when it does not exist or the account may not act on it. */
export async function slotFor(by: TBy, ref: string, db: TTx = getDb()): Promise<TSlotRow> {
  const p = parseSlotRef(ref) ?? refuse('disclosure.noSlot');
  const row = (await slotsOf([p.communityId], by.today, db)).find((r) => r.ref === ref);
  if (!row || !maySlot(by, row)) return refuse('auth.forbidden');
  return row;
}

/** The item's template filled for the slot: what the publishing form shows for editing. */
export async function draftFor(by: TBy, ref: string) {
  const row = await slotFor(by, ref);
  const item = await getDb().disclosureItem.findUniqueOrThrow({
    where: { id: row.item.id },
    select: { titleTemplate: true, bodyTemplate: true, periodDays: true },
  });
  const event = row.eventId
    ? await getDb().disclosureEvent.findUniqueOrThrow({ where: { id: row.eventId }, select: { description: true } })
    : null;
  const values = {
    period: row.label,
    community: row.place.communityName,
    compound: row.place.compoundId ? row.place.name : '',
    event: event?.description ?? '',
  };
  return {
    row,
    title: fillTemplate(item.titleTemplate, values),
    body: fillTemplate(item.bodyTemplate, values),
    periodDays: item.periodDays,
  };
}

/** One filing per slot: under the slot's lock, nobody filed it first. */
async function lockSlot(tx: TTx, row: TSlotRow) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`disclosure:${row.ref}`}))`;
  const first = await tx.disclosureFiling.findFirst({
    where: { itemId: row.item.id, communityId: row.place.communityId, compoundId: row.place.compoundId, periodKey: row.key },
    select: { id: true },
  });
  if (first) refuse('disclosure.alreadyFiled');
}

const alreadyFiled = (e: unknown) => ((e as { code?: string }).code === 'P2002' ? refuse('disclosure.alreadyFiled') : Promise.reject(e));

const slotKeys = (row: TSlotRow) => ({
  itemId: row.item.id,
  communityId: row.place.communityId,
  compoundId: row.place.compoundId,
  periodKey: row.key,
  eventId: row.eventId,
  dueOn: dateOnly(row.dueOn),
});

/**
 * Publishes a slot (decision 070): the title and body (the filled template, as edited) become a notice of the board in
 * the item's category — in the hash chain, printable, objectable — and the slot's filing links it, on time when published
 * on or before the due day. The same slot twice (a double tap, two staff at once) files once; the other is refused.
 */
export async function publishSlot(by: TBy, ref: string, input: { title: string; body: string }) {
  const title = input.title.trim();
  const body = input.body.trim();
  if (title.length < 2 || title.length > 120) refuse('disclosure.title');
  if (body.length < 2 || body.length > 10_000) refuse('disclosure.body');
  const row = await slotFor(by, ref);
  if (row.filing) refuse('disclosure.alreadyFiled');
  const item = await getDb().disclosureItem.findUniqueOrThrow({ where: { id: row.item.id }, select: { periodDays: true, category: true } });
  return getDb()
    .$transaction(async (tx) => {
      await lockSlot(tx, row);
      const notice = await publishNotice(tx, {
        kind: 'DISCLOSURE',
        category: item.category as 'PARTY' | 'RESIDENTS' | 'FINANCE',
        title,
        body,
        place: {
          streetId: row.place.ancestry.street!,
          communityId: row.place.communityId,
          compoundId: row.place.compoundId,
          districtId: row.place.ancestry.district!,
        },
        period: { days: item.periodDays, unit: 'CALENDAR' },
        createdById: by.userId,
      });
      const filedAt = notice.publishedAt;
      const onTime = chinaDay(filedAt) <= row.dueOn;
      const filing = await tx.disclosureFiling.create({
        data: { ...slotKeys(row), noticeId: notice.id, filedAt, onTime, filedById: by.userId },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'disclosure.publish',
        entityType: 'DisclosureFiling',
        entityId: filing.id,
        after: { slot: ref, noticeId: notice.id, seq: notice.seq, onTime, dueOn: row.dueOn },
        communityId: row.place.communityId,
        compoundId: row.place.compoundId,
      });
      return { filingId: filing.id, noticeId: notice.id, onTime };
    })
    .catch(alreadyFiled);
}

/**
 * Waives a slot with a reason (e.g. 本季度无财务收支): the slot is filed without a notice. On time only when waived on or
 * before the due day — a waiver after the day is late, like a late notice.
 */
export async function waiveSlot(by: TBy, ref: string, reason: string, now = new Date()) {
  const why = reason.trim();
  if (why.length < 2 || why.length > 500) refuse('disclosure.reason');
  const row = await slotFor(by, ref);
  if (row.filing) refuse('disclosure.alreadyFiled');
  return getDb()
    .$transaction(async (tx) => {
      await lockSlot(tx, row);
      const onTime = chinaDay(now) <= row.dueOn;
      const filing = await tx.disclosureFiling.create({
        data: { ...slotKeys(row), waiverReason: why, filedAt: now, onTime, filedById: by.userId },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'disclosure.waive',
        entityType: 'DisclosureFiling',
        entityId: filing.id,
        after: { slot: ref, reason: why, onTime, dueOn: row.dueOn },
        communityId: row.place.communityId,
        compoundId: row.place.compoundId,
      });
      return { filingId: filing.id, onTime };
    })
    .catch(alreadyFiled);
}
