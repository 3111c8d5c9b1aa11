import 'server-only';
import { isWholeJpeg, isWholePng } from './image-structure';
import { officeKind } from './office-structure';
import { isWholePdf } from './pdf-structure';

export type TDocumentType = { mime: string; ext: string };

const TYPES = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const typed = (ext: keyof typeof TYPES): TDocumentType => ({ mime: TYPES[ext], ext });

/**
 * Notices' attachments and expenses' receipts: PDF, JPEG, PNG, Word (.docx) or Excel (.xlsx), decided by
 * the file's content and whole structure (never its name, nor its first bytes alone); null otherwise.
 */
export async function documentType(b: Buffer): Promise<TDocumentType | null> {
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return isWholePdf(b) ? typed('pdf') : null;
  if (b[0] === 0xff && b[1] === 0xd8) return (await isWholeJpeg(b)) ? typed('jpg') : null;
  if (b[0] === 0x89 && b.subarray(1, 4).toString('latin1') === 'PNG') return (await isWholePng(b)) ? typed('png') : null;
  if (b.subarray(0, 2).toString('latin1') === 'PK') {
    const kind = officeKind(b);
    return kind ? typed(kind) : null;
  }
  return null;
}

/** The type a stored file was checked to be, from the extension its storage key was given then. */
export function storedType(storageKey: string): TDocumentType | null {
  const ext = storageKey.slice(storageKey.lastIndexOf('.') + 1);
  return ext in TYPES ? typed(ext as keyof typeof TYPES) : null;
}

/**
 * How a browser gets a stored document: images are shown in the page; PDFs and office files are
 * downloaded (Content-Disposition: attachment), never rendered on our origin.
 */
export function contentDisposition(mime: string, name: string): string {
  const kind = mime.startsWith('image/') ? 'inline' : 'attachment';
  return `${kind}; filename*=UTF-8''${encodeURIComponent(name)}`;
}
