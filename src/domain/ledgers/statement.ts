import { periodTotals, type TEntry, type TPeriodTotals } from './arithmetic';

/** An entry as a statement fixes it: what the SHA-256 is taken over (one line per entry, in sequence order). */
export type TStatedEntry = TEntry & { description: string; reversesSeq?: number | null; motionId?: number | null; receipts: number };

/**
 * The text a statement's SHA-256 is computed over: one line per entry of the period, in sequence order, with every
 * figure that decides money. Anyone holding the entries can recompute it.
 */
export function statementText(entries: readonly TStatedEntry[]): string {
  return [...entries]
    .sort((a, b) => a.seq - b.seq)
    .map((e) =>
      [e.seq, e.day, e.kind, e.amountFen.toString(), e.reversesSeq ?? '', e.motionId ?? '', e.householdId ?? '', e.description].join('|'),
    )
    .join('\n');
}

/** A statement of a period from all of a ledger's entries: its figures and the entries it covers. */
export function statementOf(entries: readonly TStatedEntry[], from: string, to: string): TPeriodTotals & { covered: TStatedEntry[] } {
  return { ...periodTotals(entries, from, to), covered: entries.filter((e) => e.day >= from && e.day <= to) };
}
