import type { TRole } from '@/domain/authz/roles';

/**
 * Who keeps a ledger of each kind (decision 071), on top of holding ledger.keep at its place: the community's staff
 * (any staff role holding ledger.keep: the residents' committee, the street above it) keep every kind; the serving
 * property firm's staff keep the property fees; the owners' committee's chair the maintenance fund and self-raised funds.
 */
export const ledgerKinds = ['WORKING_FUNDS', 'SERVICE_FUNDS', 'PROPERTY_FEES', 'MAINTENANCE_FUND', 'SELF_RAISED'] as const;
export type TLedgerKind = (typeof ledgerKinds)[number];

const NOT_STAFF: readonly TRole[] = ['PROPERTY_FIRM_STAFF', 'OWNERS_COMMITTEE_CHAIR'];
const EXTRA: Record<TLedgerKind, readonly TRole[]> = {
  WORKING_FUNDS: [],
  SERVICE_FUNDS: [],
  PROPERTY_FEES: ['PROPERTY_FIRM_STAFF'],
  MAINTENANCE_FUND: ['OWNERS_COMMITTEE_CHAIR'],
  SELF_RAISED: ['OWNERS_COMMITTEE_CHAIR'],
};

/** Whether a role may keep a ledger of this kind (its permission at the place is checked apart, with can()). */
export const keepsKind = (kind: TLedgerKind, role: TRole): boolean => !NOT_STAFF.includes(role) || EXTRA[kind].includes(role);

/** Kinds that belong to a compound (and, for the maintenance fund, optionally one of its buildings). */
export const needsCompound = (kind: TLedgerKind): boolean => kind === 'PROPERTY_FEES' || kind === 'MAINTENANCE_FUND';
