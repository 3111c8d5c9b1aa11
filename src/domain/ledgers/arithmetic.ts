/**
 * The arithmetic of a ledger (decision 071), pure and exact (bigint fen). An entry moves two figures: the balance
 * (money held) and the advances outstanding (垫付 not yet repaid — a liability shown apart). A reversal undoes the
 * entry it names. The database's trigger ledger_entry_insert applies the same table on every insert.
 */

export const entryKinds = ['INCOME', 'SPENDING', 'ADVANCE', 'ADVANCE_REPAID', 'REVERSAL'] as const;
export type TEntryKind = (typeof entryKinds)[number];
/** The kinds a keeper records directly (a reversal is made from the entry it undoes). */
export const recordedKinds = ['INCOME', 'SPENDING', 'ADVANCE', 'ADVANCE_REPAID'] as const;
export type TRecordedKind = (typeof recordedKinds)[number];

export type TEntry = {
  seq: number;
  kind: TEntryKind;
  /** China's calendar day, YYYY-MM-DD. */
  day: string;
  amountFen: bigint;
  /** For a reversal: the kind of the entry it undoes. */
  reversesKind?: TRecordedKind | null;
  householdId?: number | null;
  reconciled?: boolean;
};

export type TEffect = { balance: bigint; advances: bigint };
export type TTotals = { balanceFen: bigint; advancesFen: bigint };

const DIRECT: Record<TRecordedKind, (a: bigint) => TEffect> = {
  INCOME: (a) => ({ balance: a, advances: 0n }),
  SPENDING: (a) => ({ balance: -a, advances: 0n }),
  ADVANCE: (a) => ({ balance: a, advances: a }),
  ADVANCE_REPAID: (a) => ({ balance: -a, advances: -a }),
};

/** What one entry does to the balance and the advances outstanding. */
export function effectOf(e: Pick<TEntry, 'kind' | 'amountFen' | 'reversesKind'>): TEffect {
  if (e.kind !== 'REVERSAL') return DIRECT[e.kind](e.amountFen);
  if (!e.reversesKind) throw new Error('a reversal names the kind it undoes');
  const undone = DIRECT[e.reversesKind](e.amountFen);
  return { balance: -undone.balance, advances: -undone.advances };
}

/** The totals after the entries, in the order given. */
export function totalsOf(entries: readonly TEntry[]): TTotals {
  let balanceFen = 0n;
  let advancesFen = 0n;
  for (const e of entries) {
    const f = effectOf(e);
    balanceFen += f.balance;
    advancesFen += f.advances;
  }
  return { balanceFen, advancesFen };
}

export type TShortfall =
  { kind: 'balance'; needFen: bigint; balanceFen: bigint } | { kind: 'advances'; needFen: bigint; advancesFen: bigint };

/**
 * Whether a new entry fits the running totals: the balance and the advances outstanding both stay ≥ 0. A spending
 * beyond the balance is refused (record the advance that paid for it first); a repayment beyond what is owed too.
 */
export function shortfall(totals: TTotals, e: Pick<TEntry, 'kind' | 'amountFen' | 'reversesKind'>): TShortfall | null {
  const f = effectOf(e);
  if (totals.balanceFen + f.balance < 0n) return { kind: 'balance', needFen: -f.balance, balanceFen: totals.balanceFen };
  if (totals.advancesFen + f.advances < 0n) return { kind: 'advances', needFen: -f.advances, advancesFen: totals.advancesFen };
  return null;
}

/** The kind whose column an entry counts in: a reversal counts (negatively) where the entry it undoes counted. */
const columnOf = (e: TEntry): TRecordedKind => (e.kind === 'REVERSAL' ? e.reversesKind! : e.kind);
const signOf = (e: TEntry): bigint => (e.kind === 'REVERSAL' ? -1n : 1n);

export type TPeriodTotals = {
  openingFen: bigint;
  incomeFen: bigint;
  spendingFen: bigint;
  /** Advances received less advances repaid in the period. */
  advancesFen: bigint;
  closingFen: bigint;
  /** Advances outstanding at the end of the period. */
  owedFen: bigint;
  entryCount: number;
};

/** The figures of a period [from, to] (days inclusive): what came before is the opening balance. */
export function periodTotals(entries: readonly TEntry[], from: string, to: string): TPeriodTotals {
  const before = entries.filter((e) => e.day < from);
  const within = entries.filter((e) => e.day >= from && e.day <= to);
  const opening = totalsOf(before);
  const sum = (kind: TRecordedKind) => within.filter((e) => columnOf(e) === kind).reduce((s, e) => s + signOf(e) * e.amountFen, 0n);
  const incomeFen = sum('INCOME');
  const spendingFen = sum('SPENDING');
  const advancesFen = sum('ADVANCE') - sum('ADVANCE_REPAID');
  const owed = totalsOf([...before, ...within]).advancesFen;
  return {
    openingFen: opening.balanceFen,
    incomeFen,
    spendingFen,
    advancesFen,
    closingFen: opening.balanceFen + incomeFen - spendingFen + advancesFen,
    owedFen: owed,
    entryCount: within.length,
  };
}

/** Entries of the period not yet reconciled (对账): a statement waits for them. */
export const unreconciledIn = (entries: readonly TEntry[], from: string, to: string): TEntry[] =>
  entries.filter((e) => e.day >= from && e.day <= to && !e.reconciled);

/** Contributions to a self-raised fund per household (reversed contributions taken off), households with none left out. */
export function contributionsByHousehold(entries: readonly TEntry[]): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const e of entries) {
    if (e.householdId == null || columnOf(e) !== 'INCOME') continue;
    out.set(e.householdId, (out.get(e.householdId) ?? 0n) + signOf(e) * e.amountFen);
  }
  for (const [k, v] of out) if (v === 0n) out.delete(k);
  return out;
}

/** Two periods [a1, a2] and [b1, b2] share a day. */
export const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }): boolean => a.from <= b.to && b.from <= a.to;
