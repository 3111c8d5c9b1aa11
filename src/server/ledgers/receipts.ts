import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { getFileStore } from '@/server/files/file-store';
import { documentType } from '@/server/files/file-types';
import { checkUpload } from '@/server/files/upload-check';
import { auditPlace, keptLedger, readLedger } from './access';

const RECEIPT_TYPES = ['pdf', 'jpg', 'png'];

/**
 * Attaches a receipt (PDF, JPEG or PNG, checked by its content and whole structure, never its name) to an entry. A
 * phone's photo of 3–8 MB is kept as taken (the receipt limit is 10 MB). The file is stored first and removed again if
 * the row cannot be written.
 */
export async function attachReceipt(by: TBy, entryId: number, file: { name: string; bytes: Buffer }) {
  const db = getDb();
  const entry = await db.ledgerEntry.findUnique({ where: { id: entryId }, select: { id: true, ledgerId: true, seq: true } });
  if (!entry) return refuse('auth.forbidden');
  const l = await keptLedger(by, entry.ledgerId);
  if (file.bytes.length === 0) refuse('ledger.receiptRequired');
  checkUpload('receipt', [file.bytes.length]);
  const type = await documentType(file.bytes);
  if (!type || !RECEIPT_TYPES.includes(type.ext)) return refuse('ledger.receiptType');
  const key = `ledgers/${randomUUID()}.${type.ext}`;
  await getFileStore().put(key, file.bytes);
  try {
    return await db.$transaction(async (tx) => {
      const r = await tx.ledgerReceipt.create({
        data: {
          entryId,
          name: file.name.slice(0, 120) || `receipt.${type.ext}`,
          mime: type.mime,
          bytes: file.bytes.length,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          storageKey: key,
          createdById: by.userId,
        },
        select: { id: true, sha256: true },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'ledger.receipt',
        entityType: 'LedgerEntry',
        entityId: entryId,
        after: { ledgerId: l.id, seq: entry.seq, receiptId: r.id, sha256: r.sha256, bytes: file.bytes.length },
        ...auditPlace(l),
      });
      return { id: r.id };
    });
  } catch (e) {
    await getFileStore().remove(key);
    throw e;
  }
}

/** A receipt's bytes for whoever reads its ledger; null (a plain 404) for anyone else and for one that does not exist. */
export async function ledgerReceipt(by: TBy, receiptId: number) {
  const r = await getDb().ledgerReceipt.findUnique({
    where: { id: receiptId },
    select: { name: true, storageKey: true, entry: { select: { ledgerId: true } } },
  });
  if (!r) return null;
  const ok = await readLedger(by, r.entry.ledgerId).then(
    () => true,
    () => false,
  );
  if (!ok) return null;
  const bytes = await getFileStore().get(r.storageKey);
  return bytes && { key: r.storageKey, name: r.name, bytes };
}
