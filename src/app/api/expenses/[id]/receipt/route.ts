import { getDb } from '@/server/db';
import { getFileStore } from '@/server/files/file-store';
import { contentDisposition, storedType } from '@/server/files/file-types';

/** An expense's receipt, public with the finance page (财务公开). */
export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) return new Response('Not found', { status: 404 });
  const e = await getDb().expense.findUnique({ where: { id: Number(id) } });
  const bytes = e?.receiptKey ? await getFileStore().get(e.receiptKey) : null;
  if (!e || !bytes) return new Response('Not found', { status: 404 });
  // Served as the type its bytes were checked to be when it was stored (its key's extension says which).
  const type = storedType(e.receiptKey!)?.mime ?? 'application/octet-stream';
  const disposition = contentDisposition(type, e.receiptName ?? `receipt-${e.id}`);
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': type, 'Content-Disposition': disposition, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=86400' } });
}
