import 'server-only';
import { ledgerKinds, needsCompound, type TLedgerKind } from '@/domain/ledgers/keepers';
import { parseYuan } from '@/domain/ledgers/money';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { once } from '@/server/once';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly } from '@/server/today';
import { auditPlace, keeps, placeOfLedger } from './access';

export type TOpenLedger = {
  kind: TLedgerKind;
  name: string;
  communityId: number;
  compoundId?: number | null;
  buildingId?: number | null;
  /** The opening balance as typed ("1,234.56"); its entry is dated `openingDay`. Empty or "0": none. */
  opening?: string;
  openingDay?: string;
  idempotencyKey?: string;
};

/**
 * Opens a ledger of a place (decision 071) for someone who keeps that kind there. The opening balance is its first
 * entry (INCOME "期初余额"), not a column: the running balance has one source.
 */
export async function openLedger(by: TBy, input: TOpenLedger) {
  const db = getDb();
  if (!ledgerKinds.includes(input.kind)) refuse('ledger.badInput');
  const name = input.name.trim();
  if (!name || name.length > 120) refuse('ledger.badInput');
  const compoundId = input.compoundId ?? null;
  const buildingId = input.buildingId ?? null;
  if (needsCompound(input.kind) && !compoundId) refuse('ledger.needsCompound');
  if (buildingId && input.kind !== 'MAINTENANCE_FUND') refuse('ledger.badInput');
  if ((input.kind === 'WORKING_FUNDS' || input.kind === 'SERVICE_FUNDS') && compoundId) refuse('ledger.badInput');
  const place = { communityId: input.communityId, compoundId, buildingId };
  const ancestry = await ancestryOf(placeOfLedger(place), db);
  if (!ancestry || ancestry.community !== input.communityId || (compoundId && ancestry.compound !== compoundId)) refuse('auth.forbidden');
  if (!keeps(by, input.kind, ancestry!)) refuse('auth.forbidden');
  const typed = input.opening?.trim() ?? '';
  const opening = typed && typed !== '0' ? parseYuan(typed) : null;
  if (opening && !opening.ok) refuse(`ledger.${opening.code}`);
  const openingDay = input.openingDay ?? by.today;
  if (opening && (!/^\d{4}-\d{2}-\d{2}$/.test(openingDay) || openingDay > by.today)) refuse('ledger.badDay');
  const made = (key: string) =>
    db.ledger
      .findUnique({ where: { idempotencyKey: key }, select: { id: true, createdById: true } })
      .then((l) => l && { made: { id: l.id }, madeBy: l.createdById });
  return once(input.idempotencyKey, by.userId, made, () =>
    db.$transaction(async (tx) => {
      const l = await tx.ledger.create({
        data: { kind: input.kind, name, ...place, createdById: by.userId, idempotencyKey: input.idempotencyKey ?? null },
        select: { id: true },
      });
      if (opening?.ok)
        await tx.ledgerEntry.create({
          data: {
            ledgerId: l.id,
            seq: 1,
            kind: 'INCOME',
            day: dateOnly(openingDay),
            amountFen: opening.fen,
            description: '期初余额',
            createdById: by.userId,
          },
        });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'ledger.open',
        entityType: 'Ledger',
        entityId: l.id,
        after: { kind: input.kind, name, ...place, openingFen: opening?.ok ? opening.fen.toString() : '0' },
        ...auditPlace(place),
      });
      return { id: l.id };
    }),
  );
}

/**
 * The form's place: "c:<community>", "p:<compound>" or "b:<building>" (a building's share of the maintenance fund),
 * resolved here to the ids openLedger checks; an unknown place is refused like a place one does not keep.
 */
export async function openLedgerAt(by: TBy, input: Omit<TOpenLedger, 'communityId' | 'compoundId' | 'buildingId'> & { place: string }) {
  const m = /^([cpb]):(\d{1,9})$/.exec(input.place);
  if (!m) refuse('ledger.badInput');
  const id = Number(m![2]);
  const db = getDb();
  const where =
    m![1] === 'c'
      ? db.community.findUnique({ where: { id }, select: { id: true } }).then((c) => c && { communityId: c.id })
      : m![1] === 'p'
        ? db.compound
            .findUnique({ where: { id }, select: { id: true, communityId: true } })
            .then((c) => c && { communityId: c.communityId, compoundId: c.id })
        : db.building
            .findUnique({ where: { id }, select: { id: true, compound: { select: { id: true, communityId: true } } } })
            .then((b) => b && { communityId: b.compound.communityId, compoundId: b.compound.id, buildingId: b.id });
  const place = await where;
  if (!place) refuse('auth.forbidden');
  const { kind, name, opening, openingDay, idempotencyKey } = input;
  return openLedger(by, { kind, name, opening, openingDay, idempotencyKey, ...place! });
}
