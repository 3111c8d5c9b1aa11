import 'server-only';
import { getDb } from '@/server/db';
import { getFileStore } from '@/server/files/file-store';

/** A notice's attachment, public like the notice, with the type it was checked to be when stored; null when missing. */
export async function noticeAttachment(
  noticeId: number,
  attachmentId: number,
): Promise<{ bytes: Buffer; mime: string; name: string } | null> {
  const a = await getDb().noticeAttachment.findFirst({
    where: { id: attachmentId, noticeId },
    select: { storageKey: true, mime: true, name: true },
  });
  const bytes = a ? await getFileStore().get(a.storageKey) : null;
  return a && bytes ? { bytes, mime: a.mime, name: a.name } : null;
}
