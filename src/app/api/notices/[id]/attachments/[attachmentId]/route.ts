import { getDb } from '@/server/db';
import { getFileStore } from '@/server/files/file-store';
import { contentDisposition } from '@/server/files/file-types';

/** A notice's attachment, public like the notice; served with the type it was checked to be, PDFs and office files as downloads. */
export async function GET(_: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await params;
  if (!/^\d{1,9}$/.test(id) || !/^\d{1,9}$/.test(attachmentId)) return new Response('Not found', { status: 404 });
  const a = await getDb().noticeAttachment.findFirst({ where: { id: Number(attachmentId), noticeId: Number(id) } });
  const bytes = a ? await getFileStore().get(a.storageKey) : null;
  if (!a || !bytes) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': a.mime, 'Content-Disposition': contentDisposition(a.mime, a.name), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=86400, immutable' } });
}
