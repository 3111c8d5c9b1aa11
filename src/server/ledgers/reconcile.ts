import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { auditPlace, keptLedger, lockLedger } from './access';

/**
 * Marks entries as reconciled (对账: checked against the bank statement or the cash book), once each. A second person is
 * not required — a community's office is often one person — but reconciling one's own entries is recorded as such in
 * the audit row (`ownEntries`), where the supervisory committee reads it (decision 071).
 */
export async function reconcileEntries(by: TBy, ledgerId: number, entryIds: readonly number[], now = new Date()) {
  const l = await keptLedger(by, ledgerId);
  const ids = [...new Set(entryIds)];
  if (ids.length === 0) refuse('ledger.nothingToReconcile');
  return getDb().$transaction(async (tx) => {
    await lockLedger(tx, ledgerId);
    const rows = await tx.ledgerEntry.findMany({
      where: { id: { in: ids }, ledgerId },
      select: { id: true, seq: true, reconciledAt: true, createdById: true },
    });
    if (rows.length !== ids.length) refuse('auth.forbidden');
    const open = rows.filter((r) => !r.reconciledAt);
    if (open.length === 0) refuse('ledger.alreadyReconciled');
    await tx.ledgerEntry.updateMany({
      where: { id: { in: open.map((r) => r.id) }, reconciledAt: null },
      data: { reconciledAt: now, reconciledById: by.userId },
    });
    const seqs = open.map((r) => r.seq).sort((a, b) => a - b);
    const own = open.filter((r) => r.createdById === by.userId).map((r) => r.seq);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'ledger.reconcile',
      entityType: 'Ledger',
      entityId: ledgerId,
      after: { seqs, ownEntries: own },
      ...auditPlace(l),
    });
    return { count: open.length, ownEntries: own.length };
  });
}

/** Closes a ledger: no entry or statement after it; it stays readable. */
export async function closeLedger(by: TBy, ledgerId: number, now = new Date()) {
  const l = await keptLedger(by, ledgerId);
  return getDb().$transaction(async (tx) => {
    await lockLedger(tx, ledgerId);
    await tx.ledger.update({ where: { id: ledgerId }, data: { closedAt: now } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'ledger.close',
      entityType: 'Ledger',
      entityId: ledgerId,
      after: { balanceFen: l.balanceFen.toString(), advancesFen: l.advancesFen.toString() },
      ...auditPlace(l),
    });
  });
}
