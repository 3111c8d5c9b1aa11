import 'server-only';
import { can } from '@/domain/authz/can';
import { keepsKind, type TLedgerKind } from '@/domain/ledgers/keepers';
import type { TAncestry, TPlaceRef } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { livesWithin } from '@/server/accounts/scope';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';

export type TLedgerPlace = { communityId: number; compoundId: number | null; buildingId: number | null };

/** The place a ledger belongs to, as a place reference: its building, else its compound, else its community. */
export const placeOfLedger = (l: TLedgerPlace): TPlaceRef =>
  l.buildingId
    ? { level: 'building', id: l.buildingId }
    : l.compoundId
      ? { level: 'compound', id: l.compoundId }
      : { level: 'community', id: l.communityId };

/**
 * Whether the account keeps ledgers of this kind at this place: it holds ledger.keep there through a role that keeps
 * the kind (src/domain/ledgers/keepers.ts) — the firm's staff the property fees, the owners' committee's chair the
 * maintenance fund and self-raised funds, the community's staff every kind.
 */
export function keeps(by: TBy, kind: TLedgerKind, ancestry: TAncestry): boolean {
  const actor = { ...by.actor, grants: by.actor.grants.filter((g) => keepsKind(kind, g.role)) };
  return can(actor, 'ledger.keep', { ancestry }, by.today);
}

/** Whether the account reads the ledgers of the place: as staff of it (ledger.read), or living there. */
export async function reads(by: TBy, ancestry: TAncestry): Promise<boolean> {
  return can(by.actor, 'ledger.read', { ancestry }, by.today) || (await livesWithin(by, ancestry, 'ledger.read'));
}

const LEDGER_SELECT = {
  id: true,
  kind: true,
  name: true,
  communityId: true,
  compoundId: true,
  buildingId: true,
  closedAt: true,
  entryCount: true,
  balanceFen: true,
  advancesFen: true,
} as const;

/**
 * The ledger, for someone who keeps it (every write) — refused as forbidden otherwise, and when it does not exist
 * (no probing). Inside a transaction, pass it: the caller locks the row itself where it must.
 */
export async function keptLedger(by: TBy, ledgerId: number, db: TTx = getDb()) {
  const l = await db.ledger.findUnique({ where: { id: ledgerId }, select: LEDGER_SELECT });
  if (!l) return refuse('auth.forbidden');
  const ancestry = await ancestryOf(placeOfLedger(l), db);
  if (!ancestry || !keeps(by, l.kind, ancestry)) return refuse('auth.forbidden');
  if (l.closedAt) refuse('ledger.closed');
  return { ...l, ancestry };
}

/** The ledger, for someone who reads it (staff of the place, its residents, its keepers). */
export async function readLedger(by: TBy, ledgerId: number) {
  const db = getDb();
  const l = await db.ledger.findUnique({ where: { id: ledgerId }, select: LEDGER_SELECT });
  if (!l) return refuse('auth.forbidden');
  const ancestry = await ancestryOf(placeOfLedger(l), db);
  // A building's share is read by the whole compound's residents too (livesWithin compares compounds).
  if (!ancestry || !(await reads(by, ancestry))) return refuse('auth.forbidden');
  return { ...l, ancestry, kept: keeps(by, l.kind, ancestry) && !l.closedAt };
}

/** Takes the ledger's row lock for the rest of the transaction: entries and statements of one ledger, one at a time. */
export async function lockLedger(tx: TTx, ledgerId: number) {
  const [row] = await tx.$queryRaw<{ entryCount: number; balanceFen: bigint; advancesFen: bigint; closedAt: Date | null }[]>`
    SELECT "entryCount", "balanceFen", "advancesFen", "closedAt" FROM "Ledger" WHERE id = ${ledgerId} FOR UPDATE`;
  if (!row) return refuse('auth.forbidden');
  if (row.closedAt) refuse('ledger.closed');
  return row;
}

export const auditPlace = (l: TLedgerPlace) => ({ communityId: l.communityId, compoundId: l.compoundId });
