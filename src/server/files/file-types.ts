import 'server-only';

/** A published document's type, decided by its first bytes (never by its name): PDF, JPEG or PNG. */
const DOCUMENTS = [
  { mime: 'application/pdf', ext: 'pdf', test: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/jpeg', ext: 'jpg', test: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', ext: 'png', test: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
] as const;

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Notices' attachments and expenses' receipts: the type, or null when it is none of those. */
export function documentType(bytes: Buffer): { mime: string; ext: string } | null {
  const t = DOCUMENTS.find((d) => d.test(bytes));
  return t ? { mime: t.mime, ext: t.ext } : null;
}
