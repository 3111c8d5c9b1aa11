import { getDb } from '@/server/db';
import { getFileStore } from '@/server/files/file-store';

/** An expense's receipt, public with the finance page (财务公开). */
export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) return new Response('Not found', { status: 404 });
  const e = await getDb().expense.findUnique({ where: { id: Number(id) } });
  const bytes = e?.receiptKey ? await getFileStore().get(e.receiptKey) : null;
  if (!e || !bytes) return new Response('Not found', { status: 404 });
  const type = e.receiptKey!.endsWith('.pdf') ? 'application/pdf' : e.receiptKey!.endsWith('.png') ? 'image/png' : 'image/jpeg';
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=86400' } });
}
