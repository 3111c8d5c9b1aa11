import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { contentDisposition, storedType } from '@/server/files/file-types';
import { ledgerReceipt } from '@/server/ledgers/receipts';

/** A ledger entry's receipt (decision 071): for whoever reads its ledger; anyone else, and one that does not exist, a plain 404. */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId }),
  run: async (by, { id }) => {
    const r = await ledgerReceipt(by, Number(id));
    if (!r) return new Response('Not found', { status: 404 });
    // Served as the type its bytes were checked to be when stored; read signed in, so never in a shared cache.
    const type = storedType(r.key)?.mime ?? 'application/octet-stream';
    const headers = {
      'Content-Type': type,
      'Content-Disposition': contentDisposition(type, r.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    };
    return new Response(new Uint8Array(r.bytes), { headers });
  },
});
